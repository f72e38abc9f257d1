import { env } from "@/lib/env";

const ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
const EXPOSED_HEADERS = "Retry-After, X-Request-Id";

/**
 * CORS for the configured extension origins only (API_CORS_ORIGINS). Never with credentials: the
 * API reads a bearer token, and a browser's cookies for Shelf must not ride along.
 */
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  const allowed = origin !== null && env().apiCorsOrigins.includes(origin);
  return allowed ? { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS, Vary: "Origin" } : { Vary: "Origin" };
}

/** The preflight answer; without an allowed origin it has no CORS headers, so the browser refuses. */
export function preflight(request: Request, methods: string[]): Response {
  const headers = corsHeaders(request);
  if (headers["Access-Control-Allow-Origin"]) {
    Object.assign(headers, {
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
    });
  }
  return new Response(null, { status: 204, headers });
}
