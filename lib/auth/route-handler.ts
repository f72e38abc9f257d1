import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { inRequestContext } from "@/lib/log";
import { clientAddress } from "@/lib/security/client-address";
import { hit, LIMITS, slowDownMessage } from "@/lib/security/rate-limit";
import { authOptions } from "./options";
import { withSignInErrorContext, type SignInError } from "./sign-in-errors";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's route, with sign-in failures named: Notion's `error=access_denied` and whatever the
 * provider recorded (state mismatch, code replay, bad client secret, Notion down) reach /signin as
 * their own `?error=` instead of next-auth's catch-all "OAuthCallback".
 */
export function handleAuthRequest(request: NextRequest, context: RouteContext): Promise<Response> {
  return inRequestContext(() => handle(request, context));
}

async function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  const { nextauth = [] } = await context.params;
  const isCallback = nextauth[0] === "callback";
  if (isCallback && request.nextUrl.searchParams.get("error") === "access_denied") {
    return redirectToSignIn("AccessDenied");
  }
  if (request.method === "POST" && nextauth[0] === "signin") {
    const limited = await hit(await getDb(), LIMITS.signIn(), clientAddress(request.headers));
    if (!limited.allowed) return tooManySignIns(limited.retryAfterSeconds);
  }
  const options = await authOptions();
  const { result, error } = await withSignInErrorContext(
    () => NextAuth(request as never, context as never, options) as Promise<Response>,
  );
  const location = result.headers.get("location");
  if (isCallback && error && location && /[?&]error=/.test(location)) {
    const response = redirectToSignIn(error);
    // Keep next-auth's cookie updates (it clears the spent state cookie).
    for (const cookie of result.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
    return response;
  }
  return result;
}

/** next-auth's client follows `url` from the answer, so the person lands on /signin with the reason. */
function tooManySignIns(retryAfterSeconds: number): Response {
  return Response.json(
    { url: new URL(`/signin?error=TooManyAttempts`, env().nextAuthUrl).toString(), message: slowDownMessage(retryAfterSeconds) },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

function redirectToSignIn(error: SignInError): Response {
  const url = new URL(`/signin?error=${error}`, env().nextAuthUrl);
  return new Response(null, { status: 302, headers: { location: url.toString() } });
}
