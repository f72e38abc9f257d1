/**
 * Notion's OAuth for public connections: approving an authorization (what "Allow access" does),
 * and the token, revoke and introspect endpoints with HTTP Basic client authentication.
 */
import { randomUUID } from "node:crypto";
import type { OauthIntrospectResponse, OauthRevokeResponse, OauthTokenResponse } from "@notionhq/client";
import { duplicatePage } from "./content";
import { OAuthError } from "./errors";
import { personUser } from "./responses";
import type { SandboxStore } from "./store";
import type { AuthCode, Bot, OAuthClient, TokenPair } from "./types";
import { isObject } from "./validate";

/** Codes are short-lived (UNCONFIRMED lifetime; RFC 6749 recommends at most ten minutes). */
export const CODE_TTL_MS = 10 * 60_000;
/** What introspection reports; Notion's capabilities are set on the connection, not per token. */
const TOKEN_SCOPE = "read_content update_content insert_content read_user_with_email";

/** An authorize request that must not redirect (unknown client, unregistered redirect_uri...). */
export class AuthorizeError extends Error {}

export interface AuthorizeRequest {
  client_id: string;
  redirect_uri?: string | null;
  response_type?: string;
  owner?: string;
  state?: string | null;
}

export interface ApprovalRequest extends AuthorizeRequest {
  person_id: string;
  workspace_id: string;
  template: boolean;
  page_ids?: string[];
}

export interface ValidatedAuthorize {
  client: OAuthClient;
  /** Where the browser goes back to. */
  redirectTarget: string;
  /** As sent to /authorize; null when omitted, which the token request must mirror. */
  redirectUri: string | null;
  state: string | null;
}

export function validateAuthorize(store: SandboxStore, request: AuthorizeRequest, { strict }: { strict: boolean }): ValidatedAuthorize {
  const client = store.clients.get(request.client_id);
  if (!client) throw new AuthorizeError(`Unknown client_id "${request.client_id}".`);
  const redirectUri = request.redirect_uri || null;
  if (redirectUri !== null && !client.redirectUris.includes(redirectUri)) {
    throw new AuthorizeError(`redirect_uri "${redirectUri}" is not registered for this connection.`);
  }
  const [onlyUri, ...others] = client.redirectUris;
  if (redirectUri === null && (onlyUri === undefined || others.length > 0)) {
    throw new AuthorizeError("redirect_uri is required: this connection has more than one registered redirect URI.");
  }
  if (strict && request.response_type !== "code") throw new AuthorizeError('response_type must be "code".');
  if (strict && request.owner !== "user") throw new AuthorizeError('owner must be "user".');
  return { client, redirectTarget: redirectUri ?? (onlyUri as string), redirectUri, state: request.state ?? null };
}

function withParams(target: string, params: Record<string, string>): string {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Cancel: Notion sends `error=access_denied&state=` (state present even when empty). */
export function denialRedirect(authorize: ValidatedAuthorize): string {
  return withParams(authorize.redirectTarget, { error: "access_denied", state: authorize.state ?? "" });
}

/** "Allow access": records a one-time code. Nothing is shared until the code is exchanged, as in Notion. */
export function approve(store: SandboxStore, request: ApprovalRequest, now: number): string {
  const authorize = validateAuthorize(store, request, { strict: false });
  const person = store.people.get(request.person_id);
  if (!person) throw new AuthorizeError(`Unknown person_id "${request.person_id}".`);
  const workspace = store.workspaces.get(request.workspace_id);
  if (!workspace || !workspace.memberIds.includes(person.id)) {
    throw new AuthorizeError(`${person.name} is not a member of workspace "${request.workspace_id}".`);
  }
  if (request.template && !authorize.client.templatePageId) throw new AuthorizeError("This connection has no template.");
  const pageIds = request.page_ids ?? [];
  for (const id of pageIds) {
    const content = store.findContent(id);
    if (!content || content.kind === "block" || content.kind === "data_source" || content.record.workspaceId !== workspace.id) {
      throw new AuthorizeError(`"${id}" is not a page or database in ${workspace.name}.`);
    }
  }
  const code: AuthCode = {
    code: randomUUID(),
    clientId: authorize.client.clientId,
    redirectUri: authorize.redirectUri,
    personId: person.id,
    workspaceId: workspace.id,
    grant: request.template ? { template: true } : { template: false, pageIds },
    expiresAt: now + CODE_TTL_MS,
    used: false,
  };
  store.codes.set(code.code, code);
  const params: Record<string, string> = { code: code.code };
  if (authorize.state !== null) params.state = authorize.state;
  return withParams(authorize.redirectTarget, params);
}

/** HTTP Basic `client_id:client_secret`; anything else is 401 invalid_client. */
export function authenticateClient(store: SandboxStore, authorization: string | undefined): OAuthClient {
  const match = /^Basic\s+(.+)$/i.exec(authorization ?? "");
  const decoded = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const client = separator > 0 ? store.clients.get(decoded.slice(0, separator)) : undefined;
  if (!client || client.clientSecret !== decoded.slice(separator + 1)) {
    throw new OAuthError(401, "invalid_client", "Client authentication failed: check the client id and secret.");
  }
  return client;
}

function findOrCreateBot(store: SandboxStore, code: AuthCode, now: number): Bot {
  const existing = [...store.bots.values()].find(
    (b) => b.clientId === code.clientId && b.personId === code.personId && b.workspaceId === code.workspaceId,
  );
  if (existing) return existing;
  const bot: Bot = {
    id: randomUUID(),
    clientId: code.clientId,
    personId: code.personId,
    workspaceId: code.workspaceId,
    sharedIds: [],
    unsharedIds: [],
    duplicatedTemplateId: null,
    createdTime: now,
  };
  store.bots.set(bot.id, bot);
  return bot;
}

function share(bot: Bot, id: string): void {
  if (!bot.sharedIds.includes(id)) bot.sharedIds.push(id);
  bot.unsharedIds = bot.unsharedIds.filter((unshared) => unshared !== id);
}

/** Shares what the person chose; returns the duplicated template page id, if any. */
function applyGrant(store: SandboxStore, bot: Bot, code: AuthCode, client: OAuthClient, now: number): string | null {
  if (!code.grant.template) {
    for (const id of code.grant.pageIds) share(bot, id);
    return null;
  }
  const template = client.templatePageId ? store.pages.get(client.templatePageId) : undefined;
  if (!template) throw new OAuthError(400, "invalid_grant", "The connection's template no longer exists.");
  const copy = duplicatePage(store, template, bot.workspaceId, { type: "workspace" }, { actorId: bot.personId, now });
  share(bot, copy.id);
  bot.duplicatedTemplateId = copy.id;
  return copy.id;
}

function tokenResponse(store: SandboxStore, bot: Bot, pair: TokenPair, duplicatedTemplateId: string | null, requestId: string): OauthTokenResponse {
  const workspace = store.workspaces.get(bot.workspaceId);
  const person = store.people.get(bot.personId);
  return {
    access_token: pair.accessToken,
    token_type: "bearer",
    refresh_token: pair.refreshToken,
    bot_id: bot.id,
    workspace_id: bot.workspaceId,
    workspace_name: workspace?.name ?? null,
    workspace_icon: workspace?.icon ?? null,
    owner: { type: "user", user: person ? personUser(person) : { object: "user", id: bot.personId } },
    duplicated_template_id: duplicatedTemplateId,
    request_id: requestId,
  };
}

const invalidGrant = (description: string) => new OAuthError(400, "invalid_grant", description);

function exchangeCode(store: SandboxStore, client: OAuthClient, body: Record<string, unknown>, now: number, requestId: string): OauthTokenResponse {
  if (typeof body.code !== "string") throw new OAuthError(400, "invalid_request", "body.code should be a string.");
  const code = store.codes.get(body.code);
  if (!code || code.clientId !== client.clientId) throw invalidGrant("Invalid code: this code does not exist.");
  if (code.used) throw invalidGrant("Invalid code: this code has been revoked.");
  if (code.expiresAt <= now) throw invalidGrant("Invalid code: this code has expired.");
  const sentUri = body.redirect_uri === undefined ? null : body.redirect_uri;
  if (code.redirectUri === null && sentUri !== null) {
    throw invalidGrant("redirect_uri is not allowed: it was not part of the authorization request.");
  }
  if (code.redirectUri !== null && sentUri !== code.redirectUri) {
    throw invalidGrant("redirect_uri does not match the one in the authorization request.");
  }
  code.used = true;
  const bot = findOrCreateBot(store, code, now);
  // Re-authorizing gives the same bot a fresh pair; the older pair stops working.
  store.revokeTokensOfBot(bot.id);
  const duplicated = applyGrant(store, bot, code, client, now);
  return tokenResponse(store, bot, store.issueTokens(bot, now), duplicated, requestId);
}

function refresh(store: SandboxStore, client: OAuthClient, body: Record<string, unknown>, now: number, requestId: string): OauthTokenResponse {
  if (typeof body.refresh_token !== "string") throw new OAuthError(400, "invalid_request", "body.refresh_token should be a string.");
  const pair = store.findByRefreshToken(body.refresh_token);
  if (!pair || pair.clientId !== client.clientId || pair.revoked) throw invalidGrant("Invalid refresh token.");
  const bot = store.bots.get(pair.botId);
  if (!bot) throw invalidGrant("Invalid refresh token.");
  // Rotation: the used refresh token (and its access token) die with this answer.
  pair.revoked = true;
  return tokenResponse(store, bot, store.issueTokens(bot, now), null, requestId);
}

export function handleToken(store: SandboxStore, authorization: string | undefined, body: unknown, now: number, requestId: string): OauthTokenResponse {
  const client = authenticateClient(store, authorization);
  if (!isObject(body)) throw new OAuthError(400, "invalid_request", "The body should be a JSON object.");
  if (body.grant_type === "authorization_code") return exchangeCode(store, client, body, now, requestId);
  if (body.grant_type === "refresh_token") return refresh(store, client, body, now, requestId);
  throw new OAuthError(400, "unsupported_grant_type", `grant_type ${JSON.stringify(body.grant_type)} is not supported.`);
}

function tokenFromBody(body: unknown): string {
  if (!isObject(body) || typeof body.token !== "string") throw new OAuthError(400, "invalid_request", "body.token should be a string.");
  return body.token;
}

/** Revokes the pair the token belongs to (access or refresh); unknown tokens are not an error (RFC 7009). */
export function handleRevoke(store: SandboxStore, authorization: string | undefined, body: unknown, requestId: string): OauthRevokeResponse {
  const client = authenticateClient(store, authorization);
  const pair = store.findTokenPair(tokenFromBody(body));
  if (pair && pair.clientId === client.clientId) pair.revoked = true;
  return { request_id: requestId };
}

export function handleIntrospect(store: SandboxStore, authorization: string | undefined, body: unknown, requestId: string): OauthIntrospectResponse {
  const client = authenticateClient(store, authorization);
  const token = tokenFromBody(body);
  const pair = store.findTokenPair(token);
  const isAccess = pair?.accessToken === token;
  const active = !!pair && pair.clientId === client.clientId && !pair.revoked && !(isAccess && pair.accessExpired);
  if (!active) return { active: false, request_id: requestId };
  return { active: true, scope: TOKEN_SCOPE, iat: Math.floor(pair.issuedAt / 1000), request_id: requestId };
}
