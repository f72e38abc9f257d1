import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { authenticate } from "@/lib/api-tokens/service";
import { clientInfo, describeApiClient, type ClientInfo } from "@/lib/audit/client-info";
import { UserFacingError } from "@/lib/errors";
import { log, withLogContext } from "@/lib/log";
import { hit, LIMITS, slowDownMessage } from "@/lib/security/rate-limit";
import { REQUEST_ID_HEADER } from "@/lib/security/request-id";
import { fieldErrors } from "@/lib/validation";
import { corsHeaders, preflight } from "./cors";
import { ApiError, errorBody, fromServiceError } from "./errors";
import type { ApiReply, Operation } from "./operation";

// A bookmark is at most a few kilobytes; anything much larger is a mistake or an attack.
const MAX_BODY_BYTES = 64 * 1024;

const INVALID_TOKEN = "This API token is not valid: it may have been revoked or have expired. Create a new one in Shelf's settings.";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The route handler of an operation, for an app/api/v1 route file. It carries its operation, so a
 * test can check each route file serves what the OpenAPI document says it does.
 */
export function apiRoute(op: Operation) {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => handleApi(op, request, await context.params, await getDb());
  return Object.assign(handler, { operation: op });
}

/** The OPTIONS handler of a route file serving these operations. */
export function apiPreflight(...ops: Operation[]) {
  return async (request: Request): Promise<Response> => preflight(request, ops.map((op) => op.method));
}

/**
 * Every API request goes through here, in this order: the bearer token (401), the person's rate
 * limit (429), the token's permission (403), the input (400), then the operation, which checks
 * ownership (404). Cookies are never read: a Shelf session authorizes nothing here.
 */
export async function handleApi(op: Operation, request: Request, rawParams: Record<string, string | string[]>, db: Database): Promise<Response> {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  return withLogContext({ requestId, component: "api" }, async () => {
    let reply: ApiReply;
    try {
      reply = await run(op, request, rawParams, db);
    } catch (error) {
      reply = failure(error);
    }
    const headers = new Headers({ "Cache-Control": "no-store", ...corsHeaders(request), ...reply.headers });
    if (reply.status === 204) return new Response(null, { status: 204, headers });
    return Response.json(reply.body, { status: reply.status, headers });
  });
}

async function run(op: Operation, request: Request, rawParams: Record<string, string | string[]>, db: Database): Promise<ApiReply> {
  const client: ClientInfo = { ...clientInfo(request.headers), client: describeApiClient(request.headers.get("user-agent")) };
  const presented = bearerToken(request.headers.get("authorization"));
  if (presented === null) {
    throw new ApiError(401, "unauthenticated", "Send an API token: Authorization: Bearer shelf_…", { headers: { "WWW-Authenticate": 'Bearer realm="shelf"' } });
  }
  const principal = await authenticate(db, presented, client);
  if (!principal) throw new ApiError(401, "unauthenticated", INVALID_TOKEN, { headers: { "WWW-Authenticate": 'Bearer realm="shelf", error="invalid_token"' } });

  const limited = await hit(db, LIMITS.api(), principal.userId);
  if (!limited.allowed) {
    const { retryAfterSeconds } = limited;
    throw new ApiError(429, "rate_limited", slowDownMessage(retryAfterSeconds), { headers: { "Retry-After": String(retryAfterSeconds) } });
  }
  if (op.permission === "write" && principal.permission !== "write") {
    throw new ApiError(403, "forbidden", "This token can only read. Create a token with read and write permission to make changes.");
  }

  const params = parse(op.params, rawParams);
  const query = parse(op.query, queryObject(new URL(request.url).searchParams));
  const body = op.body ? parse(op.body, await jsonBody(request)) : undefined;
  return op.run({ db, principal, client, request, params, query, body });
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(400, "invalid", "Please check the fields named in fieldErrors.", { fieldErrors: fieldErrors(parsed.error) });
  return parsed.data;
}

function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/** Search params as an object; a repeated key becomes a list. */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError(413, "too_large", "The request body is too large (at most 64 KB).");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid", "The request body must be JSON.");
  }
}

function failure(error: unknown): ApiReply {
  const known = error instanceof UserFacingError ? fromServiceError(error) : error instanceof ApiError ? error : null;
  if (!known) {
    log.error({ err: error }, "api request failed");
    return { status: 500, body: errorBody("failed", "Something went wrong on our side. Nothing was changed; please try again.") };
  }
  const { fieldErrors: fields, headers, bookmark } = known.extra;
  return { status: known.status, headers, body: { ...errorBody(known.code, known.message, fields), ...(bookmark ? { bookmark } : {}) } };
}
