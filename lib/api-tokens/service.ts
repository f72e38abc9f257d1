import type { Database } from "@/db/client";
import type { ApiPermission } from "@/db/schema";
import type { ClientInfo } from "@/lib/audit/client-info";
import { recordAuditEvent } from "@/lib/audit/queries";
import { UserFacingError } from "@/lib/errors";
import { findUserWorkspace } from "@/lib/workspaces/queries";
import { addTokenClient, findTokenByHash, insertToken, listTokens, revokeToken, touchToken } from "./queries";
import { ALL_WORKSPACES, type CreateTokenInput } from "./schema";
import { generateToken, hashToken, shownPrefix } from "./secret";

/** Who an API request acts for, once its token checked out. */
export type ApiPrincipal = {
  tokenId: string;
  userId: string;
  /** The one workspace the token may use; null for all of the person's. */
  workspaceId: string | null;
  permission: ApiPermission;
};

/** A token as the settings screen lists it: plain JSON, never the secret or its hash. */
export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  workspaceId: string | null;
  workspaceName: string | null;
  permission: ApiPermission;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedClient: string | null;
};

const DAY_MS = 24 * 60 * 60_000;
// Writing the last-used time on every request would make every read a write; a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Creates a token and records it in security activity. The token is in the answer and nowhere
 * else: only its hash is stored, so it can be shown this once.
 */
export async function createApiToken(
  db: Database,
  userId: string,
  input: CreateTokenInput,
  client: ClientInfo | null,
): Promise<{ token: string; summary: TokenSummary }> {
  let workspaceId: string | null = null;
  let workspaceName: string | null = null;
  if (input.scope !== ALL_WORKSPACES) {
    const workspace = await findUserWorkspace(db, userId, input.scope);
    if (!workspace) throw new UserFacingError("That workspace was not found.", "invalid", { scope: "Choose one of your workspaces" });
    workspaceId = workspace.id;
    workspaceName = workspace.name;
  }
  const token = generateToken();
  const expiresAt = input.expiresInDays === "never" ? null : new Date(Date.now() + Number(input.expiresInDays) * DAY_MS);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertToken(tx, {
      userId,
      workspaceId,
      name: input.name,
      prefix: shownPrefix(token),
      secretHash: hashToken(token),
      permission: input.permission,
      expiresAt,
    });
    await recordAuditEvent(tx, { userId, workspaceId, kind: "api_token_created", detail: { token: input.name } }, client);
    return inserted;
  });
  return { token, summary: toSummary({ ...row, workspaceName }) };
}

export async function listApiTokens(db: Database, userId: string): Promise<TokenSummary[]> {
  return (await listTokens(db, userId)).map(toSummary);
}

/** Revoked at once: the next request with it is refused. Someone else's id behaves as a missing one. */
export async function revokeApiToken(db: Database, userId: string, id: string, client: ClientInfo | null): Promise<void> {
  const revoked = await db.transaction(async (tx) => {
    const row = await revokeToken(tx, userId, id);
    if (row) await recordAuditEvent(tx, { userId, workspaceId: row.workspaceId, kind: "api_token_revoked", detail: { token: row.name } }, client);
    return row;
  });
  if (!revoked) throw new UserFacingError("This token was not found, or is already revoked.", "not_found");
}

/**
 * The principal of a presented token, or null. Unknown, revoked and expired tokens take the same
 * path (one lookup by hash, then null) so their answers can't be told apart by content or time.
 */
export async function authenticate(db: Database, presented: string, client: ClientInfo): Promise<ApiPrincipal | null> {
  const row = await findTokenByHash(db, hashToken(presented));
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;

  const name = client.client;
  if (!row.clients.includes(name)) {
    await db.transaction(async (tx) => {
      if (await addTokenClient(tx, row.id, name)) {
        await recordAuditEvent(tx, { userId: row.userId, workspaceId: row.workspaceId, kind: "api_token_new_client", detail: { token: row.name } }, client);
      }
    });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS || row.lastUsedClient !== name) {
    await touchToken(db, row.id, name, now);
  }
  return { tokenId: row.id, userId: row.userId, workspaceId: row.workspaceId, permission: row.permission };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toSummary(row: Awaited<ReturnType<typeof listTokens>>[number]): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    workspaceId: row.workspaceId,
    workspaceName: row.workspaceName,
    permission: row.permission,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    lastUsedClient: row.lastUsedClient,
  };
}
