// Relative, not "@/": next.config.ts imports this file, and its loader does not read tsconfig paths.
import { MAX_FILE_BYTES, TOO_BIG_MESSAGE } from "../bookmark-files/limits";

/**
 * What a server action's request may carry: the largest bookmark file plus room for the form
 * encoding around it. next.config.ts gives Next the same numbers.
 */
export const ACTION_BODY_LIMIT_BYTES = MAX_FILE_BYTES + 1024 * 1024;

const ORIGIN_MESSAGE =
  "Shelf refused this request: it did not come from Shelf's own pages (its Origin header is missing or names another site). Reload the page and try again.";

type RequestLike = { method: string; url: string; headers: { get(name: string): string | null } };

/** The host the request was addressed to, as Next's own server-action check reads it. */
function requestHost(request: RequestLike): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || null;
}

function sameOrigin(request: RequestLike, publicOrigin: string | undefined): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    const url = new URL(origin);
    return url.host === requestHost(request) || (publicOrigin !== undefined && url.origin === new URL(publicOrigin).origin);
  } catch {
    return false;
  }
}

const refuse = (status: number, error: string, code: string) =>
  Response.json({ ok: false, error, code }, { status, headers: { "cache-control": "no-store" } });

/**
 * Checks every state-changing request to a page (server actions, with or without JavaScript)
 * before Next sees it: its Origin must name the host it was sent to (or `publicOrigin`, NEXTAUTH_URL,
 * for a proxy that does not pass the Host on), else 403; a body declared
 * larger than an upload may be is 413 with the upload's own message. Next itself lets a missing
 * Origin through and answers a foreign one with a 500. /api/ routes are not pages: next-auth has
 * its own CSRF token and the webhook its signature. Null when the request may go on.
 */
export function guardActionRequest(request: RequestLike, publicOrigin?: string): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  if (new URL(request.url).pathname.startsWith("/api/")) return null;
  if (!sameOrigin(request, publicOrigin)) return refuse(403, ORIGIN_MESSAGE, "forbidden_origin");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT_BYTES) return refuse(413, TOO_BIG_MESSAGE, "too_large");
  return null;
}
