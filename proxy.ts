import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security/headers";

// Every page and route gets the security headers; the nonce must be fresh per request.
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, {
    development: process.env.NODE_ENV === "development",
    production: process.env.NODE_ENV === "production",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets carry no HTML and need no nonce.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
