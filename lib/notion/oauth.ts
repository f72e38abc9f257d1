import { isHTTPResponseError, isNotionClientError, type OauthTokenResponse } from "@notionhq/client";
import { env } from "@/lib/env";
import { createNotionClient } from "./config";

/** Why Notion's OAuth endpoint refused, in the terms Shelf acts on. */
export type OAuthFailure =
  | "invalid_client" // our client id/secret are wrong: a configuration error
  | "invalid_grant" // code used, expired or for another redirect; or refresh token revoked
  | "unreachable" // network, timeout, 5xx
  | "refused"; // anything else Notion said no to

export class NotionOAuthError extends Error {
  constructor(
    readonly failure: OAuthFailure,
    readonly detail: string,
  ) {
    super(`Notion OAuth failed (${failure}): ${detail}`);
    this.name = "NotionOAuthError";
  }
}

function credentials() {
  const { clientId, clientSecret } = env().notion;
  return { client_id: clientId, client_secret: clientSecret };
}

/**
 * Turns a failed OAuth call into a NotionOAuthError (other errors pass through unchanged). Notion answers OAuth failures either RFC-style `{error, error_description}` or in its API
 * envelope `{object: "error", code, message}`; the SDK hands both over as a raw body.
 */
export function classifyOAuthError(error: unknown): unknown {
  if (error instanceof NotionOAuthError) return error;
  if (isHTTPResponseError(error)) {
    let code = String(error.code);
    let detail = error.message;
    try {
      const body = JSON.parse(error.body) as { error?: string; error_description?: string; code?: string; message?: string };
      code = body.error ?? body.code ?? code;
      detail = body.error_description ?? body.message ?? detail;
    } catch {
      // Not JSON (a proxy's HTML error page, say): keep the status-based reading below.
    }
    if (code === "invalid_client" || code === "unauthorized_client") return new NotionOAuthError("invalid_client", detail);
    if (code === "invalid_grant") return new NotionOAuthError("invalid_grant", detail);
    if (error.status >= 500 || error.status === 429) return new NotionOAuthError("unreachable", detail);
    return new NotionOAuthError("refused", detail);
  }
  if (isNotionClientError(error)) return new NotionOAuthError("unreachable", error.message);
  // fetch rejects with a TypeError when the network fails; anything else is not Notion's doing.
  if (error instanceof TypeError) return new NotionOAuthError("unreachable", error.message);
  return error;
}

export async function exchangeCode(code: string, redirectUri: string): Promise<OauthTokenResponse> {
  try {
    return await createNotionClient().oauth.token({
      ...credentials(),
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
    });
  } catch (error) {
    throw classifyOAuthError(error);
  }
}

export async function refreshTokens(refreshToken: string): Promise<OauthTokenResponse> {
  try {
    return await createNotionClient().oauth.token({ ...credentials(), grant_type: "refresh_token", refresh_token: refreshToken });
  } catch (error) {
    throw classifyOAuthError(error);
  }
}

export async function revokeToken(token: string): Promise<void> {
  try {
    await createNotionClient().oauth.revoke({ ...credentials(), token });
  } catch (error) {
    throw classifyOAuthError(error);
  }
}
