/**
 * The HTTP front door. For /v1 it does what Notion's edge and API do before a handler runs:
 * injected faults, latency, Notion-Version, the route, bearer auth, the rate limit, the JSON
 * body; then it sends the handler's answer or the error envelope with `x-notion-request-id`.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { handleAdmin } from "./admin";
import type { ApiRoute } from "./api/context";
import { API_ROUTES } from "./api/routes";
import { handleAuthorize } from "./authorize";
import { invalidRequestUrl, NotionError, OAuthError, rateLimited, unauthorized } from "./errors";
import { handleIntrospect, handleRevoke, handleToken } from "./oauth";
import type { LoggedRequest } from "./request-log";
import { matchRoute } from "./router";
import type { SandboxRuntime } from "./runtime";
import { isBeforeDataSources, isKnownVersion, KNOWN_VERSIONS, type NotionVersion } from "./versions";
import type { ContentEvent } from "./webhooks";

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function checkVersion(header: string | undefined): NotionVersion {
  if (header === undefined) {
    throw new NotionError(400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
  }
  if (!isKnownVersion(header)) {
    throw new NotionError(400, "validation_error", `Notion-Version header failed validation: Notion-Version header should be ${KNOWN_VERSIONS.map((v) => `"${v}"`).join(", ")}, instead was \`"${header}"\`.`);
  }
  return header;
}

type OAuthEndpoint = (runtime: SandboxRuntime, authorization: string | undefined, body: unknown, requestId: string) => unknown;

const OAUTH_ENDPOINTS: Record<string, OAuthEndpoint> = {
  "/v1/oauth/token": (runtime, authorization, body, requestId) => handleToken(runtime.store, authorization, body, runtime.now(), requestId),
  "/v1/oauth/revoke": (runtime, authorization, body, requestId) => handleRevoke(runtime.store, authorization, body, requestId),
  "/v1/oauth/introspect": (runtime, authorization, body, requestId) => handleIntrospect(runtime.store, authorization, body, requestId),
};

function parsedBody(raw: string): unknown {
  const parsed = parseJson(raw);
  if (!parsed.ok) throw new NotionError(400, "invalid_json", "Error parsing JSON body.");
  return parsed.value;
}

/** Runs one /v1 request (other than the browser-facing authorize page) and returns its answer. */
function handleApi(runtime: SandboxRuntime, req: http.IncomingMessage, url: URL, raw: string, entry: LoggedRequest): unknown {
  const version = checkVersion(req.headers["notion-version"] as string | undefined);
  const method = req.method ?? "GET";
  const oauth = method === "POST" ? OAUTH_ENDPOINTS[url.pathname] : undefined;
  if (oauth) return oauth(runtime, req.headers.authorization, parsedBody(raw), entry.request_id);

  const match = matchRoute(API_ROUTES, method, url.pathname);
  if (!match) throw invalidRequestUrl();
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const pair = token ? runtime.store.findByAccessToken(token) : undefined;
  const bot = pair && !pair.revoked && !pair.accessExpired ? runtime.store.bots.get(pair.botId) : undefined;
  if (!bot) throw unauthorized();
  entry.bot_id = bot.id;
  const retryAfter = runtime.rateLimiter.take(bot.id);
  if (retryAfter > 0) throw rateLimited(retryAfter);
  const capability = match.handler.capability;
  if (capability && !runtime.store.clients.get(bot.clientId)?.capabilities.includes(capability)) {
    throw new NotionError(403, "restricted_resource", "API token does not have access to this resource.");
  }
  if (isBeforeDataSources(version)) rejectLegacy(match.handler, version);
  const body = parsedBody(raw);
  const now = runtime.now();
  const events: ContentEvent[] = [];
  const result = match.handler.handler({
    store: runtime.store,
    version,
    bot,
    params: match.params,
    query: url.searchParams,
    body,
    now,
    emit: (...emitted) => events.push(...emitted),
  });
  if (method !== "GET") runtime.markChanged();
  // Notion sends webhooks for API writes too, including to the integration that made them.
  runtime.webhooks.emit(runtime.store, { actorId: bot.id, now }, ...events);
  return result;
}

function rejectLegacy(route: ApiRoute, version: NotionVersion): void {
  if (route.legacy === "invalid_request_url") throw invalidRequestUrl();
  if (route.legacy === "unsupported") {
    throw new NotionError(400, "invalid_request", `Unsupported request: the Notion sandbox serves this endpoint for Notion-Version 2025-09-03 and later, not ${version}.`);
  }
}

function sendError(res: http.ServerResponse, error: unknown, requestId: string): number {
  if (error instanceof NotionError) {
    sendJson(res, error.status, error.body(requestId), { "x-notion-request-id": requestId, ...error.headers });
    return error.status;
  }
  if (error instanceof OAuthError) {
    sendJson(res, error.status, error.body(requestId), { "x-notion-request-id": requestId });
    return error.status;
  }
  console.error("[notion-sandbox] unexpected error", error);
  const internal = new NotionError(500, "internal_server_error", "Unexpected error occurred.");
  sendJson(res, 500, internal.body(requestId), { "x-notion-request-id": requestId });
  return 500;
}

async function handleRequest(runtime: SandboxRuntime, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const raw = await readBody(req);
  if (url.pathname.startsWith("/__sandbox/")) {
    await handleAdmin(runtime, req.method ?? "GET", url, raw, res);
    return;
  }
  const started = Date.now();
  const parsed = parseJson(raw);
  const entry = runtime.log.add({
    request_id: randomUUID(),
    time: new Date(runtime.now()).toISOString(),
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.search,
    notion_version: (req.headers["notion-version"] as string | undefined) ?? null,
    bot_id: null,
    body: parsed.ok ? (parsed.value ?? null) : raw,
    status: null,
    fault: null,
    duration_ms: null,
  });
  res.on("finish", () => {
    entry.status = res.statusCode;
    entry.duration_ms = Date.now() - started;
  });

  const fault = runtime.faults.take(entry.method, url.pathname);
  if (fault) entry.fault = fault.kind === "error" ? String(fault.error.status) : fault.kind;
  if (fault && fault.kind !== "lost_response" && fault.kind !== "held_response") {
    if (fault.kind === "reset") req.socket.destroy();
    else if (fault.kind === "hang") setTimeout(() => req.socket.destroy(), fault.ms).unref();
    else sendError(res, fault.error, entry.request_id);
    return;
  }
  const { fixedMs, jitterMs } = runtime.latency;
  if (fixedMs + jitterMs > 0) await sleep(fixedMs + Math.random() * jitterMs);

  if (url.pathname === "/v1/oauth/authorize" && (req.method === "GET" || req.method === "POST")) {
    const input = req.method === "POST" ? new URLSearchParams(raw) : url.searchParams;
    const outcome = handleAuthorize(runtime.store, req.method, input, runtime.now());
    if ("redirect" in outcome) {
      runtime.markChanged();
      res.writeHead(303, { location: outcome.redirect }).end();
    } else {
      sendHtml(res, outcome.status, outcome.html);
    }
    return;
  }
  try {
    const result = handleApi(runtime, req, url, raw, entry);
    if (fault?.kind === "held_response") await runtime.faults.hold(fault.ms);
    if (fault?.kind === "lost_response") req.socket.destroy();
    else sendJson(res, 200, result, { "x-notion-request-id": entry.request_id });
  } catch (error) {
    sendError(res, error, entry.request_id);
  }
}

export function createSandboxServer(runtime: SandboxRuntime): http.Server {
  return http.createServer((req, res) => {
    handleRequest(runtime, req, res).catch((error: unknown) => sendError(res, error, randomUUID()));
  });
}
