import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { guardActionRequest } from "@/lib/security/action-guard";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/security/request-id";

// Every page and route gets the security headers (the nonce must be fresh per request) and a
// request id, which the server's log lines carry (lib/log.ts) and the response names.
export function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const nonce = createNonce();
  const headers = securityHeaders(nonce, {
    development: process.env.NODE_ENV === "development",
    production: process.env.NODE_ENV === "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // A cross-site or oversized server action is answered here, in words, instead of Next's 500.
  const refused = guardActionRequest(request, env().nextAuthUrl);
  const response = refused ? new NextResponse(refused.body, refused) : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static assets carry no HTML and need no nonce; next.config.ts gives them their headers
  // (PROXY_SKIPPED_PATHS in lib/security/headers.ts names the same paths).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
