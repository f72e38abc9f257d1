/** A minimal method + path matcher shared by the API and the admin API. */

export type Method = "GET" | "POST" | "PATCH" | "DELETE";

export interface Route<H> {
  method: Method;
  pattern: RegExp;
  handler: H;
}

/** `/v1/pages/:page_id` → a route whose `page_id` param is one path segment. */
export function route<H>(method: Method, path: string, handler: H): Route<H> {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:([a-z_]+)/g, "(?<$1>[^/]+)");
  return { method, pattern: new RegExp(`^${source}/?$`), handler };
}

export type RouteMatch<H> = { handler: H; params: Record<string, string> };

export function matchRoute<H>(routes: readonly Route<H>[], method: string, pathname: string): RouteMatch<H> | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = decodeURIComponent(value);
    return { handler: candidate.handler, params };
  }
  return undefined;
}
