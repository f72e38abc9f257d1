import type { Database } from "@/db/client";
import { redeemExtensionGrant } from "@/lib/api-tokens/extension-grants";
import { redeemExtensionSchema } from "@/lib/api-tokens/schema";
import { clientInfo, describeApiClient } from "@/lib/audit/client-info";
import { clientAddress } from "@/lib/security/client-address";
import { hit, LIMITS, slowDownMessage } from "@/lib/security/rate-limit";
import { fieldErrors } from "@/lib/validation";
import { corsHeaders } from "./cors";
import { errorBody } from "./errors";

const MAX_BODY_BYTES = 1024;

/**
 * POST /api/extension/token: the extension collects the token the person confirmed for it
 * (decision 029). 202 while waiting, 410 once expired or collected, 200 with the token once.
 * No cookie or bearer is read; the verifier is the only proof, and it is limited per address.
 */
export async function redeemExtensionTokenRequest(request: Request, db: Database): Promise<Response> {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { "Cache-Control": "no-store", ...corsHeaders(request), ...headers } });

  const limited = await hit(db, LIMITS.api(), `extension:${clientAddress(request.headers)}`);
  if (!limited.allowed) {
    return reply(429, errorBody("rate_limited", slowDownMessage(limited.retryAfterSeconds)), { "Retry-After": String(limited.retryAfterSeconds) });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return reply(413, errorBody("too_large", "The request body is too large."));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reply(400, errorBody("invalid", "The request body must be JSON."));
  }
  const parsed = redeemExtensionSchema.safeParse(json);
  if (!parsed.success) return reply(400, errorBody("invalid", "Please check the fields named in fieldErrors.", fieldErrors(parsed.error)));

  const client = { ...clientInfo(request.headers), client: describeApiClient(request.headers.get("user-agent")) };
  const redemption = await redeemExtensionGrant(db, parsed.data.verifier, client);
  if (redemption.status === "pending") return reply(202, { status: "pending" });
  if (redemption.status === "gone") return reply(410, errorBody("not_found", "This connection request expired or was used already. Start again."));
  return reply(200, { status: "ready", token: redemption.token });
}
