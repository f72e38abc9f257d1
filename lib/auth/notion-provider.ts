import type { OauthTokenResponse } from "@notionhq/client";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "@/lib/env";
import { exchangeCode, NotionOAuthError, type OAuthFailure } from "@/lib/notion/oauth";
import type { NotionPerson } from "@/lib/workspaces/connect";
import { recordSignInError, type SignInError } from "./sign-in-errors";


const failureToError: Record<OAuthFailure, SignInError> = {
  invalid_client: "ConfigurationError",
  invalid_grant: "CodeRejected",
  unreachable: "NotionUnreachable",
  refused: "CodeRejected",
};

/** The person who authorized, from the token answer's `owner.user` (Notion needs no extra call). */
export function profileFromTokenResponse(tokens: Pick<OauthTokenResponse, "owner">): NotionPerson | null {
  const owner = tokens.owner;
  if (owner.type !== "user" || !owner.user?.id) return null;
  const user = owner.user;
  const full = "type" in user && user.type === "person";
  return {
    id: String(user.id),
    name: full ? user.name : null,
    email: full ? (user.person?.email ?? null) : null,
    avatarUrl: full ? user.avatar_url : null,
  };
}

/**
 * Notion as a next-auth v4 OAuth provider. next-auth has none, and Notion's token endpoint wants
 * HTTP Basic client auth with a JSON body, which openid-client does not send, so the provider runs
 * the exchange itself. next-auth then skips its own `state` comparison, so it is done here.
 */
export function NotionProvider(): OAuthConfig<NotionPerson> {
  const { notion } = env();
  return {
    id: "notion",
    name: "Notion",
    type: "oauth",
    clientId: notion.clientId,
    clientSecret: notion.clientSecret,
    checks: ["state"],
    authorization: {
      url: `${notion.apiBase}/v1/oauth/authorize`,
      // openid-client would add scope=openid; Notion has no scopes.
      params: { owner: "user", response_type: "code", scope: undefined },
    },
    token: {
      url: `${notion.apiBase}/v1/oauth/token`,
      async request({ params, checks, provider }) {
        if (!params.state || !checks.state || params.state !== checks.state) {
          recordSignInError("StateMismatch");
          throw new Error("OAuth state mismatch");
        }
        if (!params.code) {
          recordSignInError("CodeRejected");
          throw new Error("OAuth callback without a code");
        }
        let tokens: OauthTokenResponse;
        try {
          tokens = await exchangeCode(params.code, provider.callbackUrl);
        } catch (error) {
          if (error instanceof NotionOAuthError) recordSignInError(failureToError[error.failure]);
          throw error;
        }
        if (!profileFromTokenResponse(tokens)) {
          recordSignInError("WorkspaceOwner");
          throw new Error("Notion authorization is owned by a workspace, not a person");
        }
        // Every field reaches the signIn callback as `account`; nothing here is persisted by next-auth.
        return { tokens: tokens as unknown as Record<string, unknown> };
      },
    },
    userinfo: {
      url: `${notion.apiBase}/v1/users/me`,
      // The token answer already names the person; Notion's users/me would return the bot.
      request: ({ tokens }) => profileFromTokenResponse(tokens as unknown as OauthTokenResponse) as unknown as Record<string, unknown>,
    },
    profile: (profile) => ({ id: profile.id, name: profile.name, email: profile.email, image: profile.avatarUrl }),
    style: { logo: "", bg: "#fff", text: "#000" },
  };
}
