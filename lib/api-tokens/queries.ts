import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens, extensionGrants, workspaces, type ApiPermission, type ApiToken, type ExtensionGrant } from "@/db/schema";

export type NewToken = {
  userId: string;
  workspaceId: string | null;
  name: string;
  prefix: string;
  secretHash: string;
  permission: ApiPermission;
  expiresAt: Date | null;
};

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export async function insertToken(tx: Database | Transaction, token: NewToken): Promise<ApiToken> {
  const [row] = await tx.insert(apiTokens).values(token).returning();
  return row!;
}

export type TokenListRow = Omit<ApiToken, "secretHash" | "clients"> & { workspaceName: string | null };

/** A person's tokens, newest first, revoked ones too (the screen shows them as revoked). Never the hash. */
export async function listTokens(db: Database, userId: string): Promise<TokenListRow[]> {
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      workspaceId: apiTokens.workspaceId,
      workspaceName: workspaces.name,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      permission: apiTokens.permission,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      lastUsedClient: apiTokens.lastUsedClient,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .leftJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the person's live tokens; null when it is not theirs or already revoked. */
export async function revokeToken(tx: Database | Transaction, userId: string, id: string): Promise<ApiToken | null> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? null;
}

/** One indexed lookup, the same for every presented token, whatever its state. */
export async function findTokenByHash(db: Database, secretHash: string): Promise<ApiToken | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.secretHash, secretHash));
  return row ?? null;
}

const CLIENTS_KEPT = 20;

/** Notes a use: when, and from which client. */
export async function touchToken(db: Database, id: string, client: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at, lastUsedClient: client }).where(eq(apiTokens.id, id));
}

/**
 * Adds a client to the ones the token was used from; false when it was there already. One
 * conditional update, so two first requests at once still count it new only once.
 */
export async function addTokenClient(tx: Transaction, id: string, client: string): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({
      // The oldest are forgotten past CLIENTS_KEPT, so a token used from many places keeps a small row.
      clients: sql`(array_append(${apiTokens.clients}, ${client}::text))[greatest(1, cardinality(${apiTokens.clients}) - ${CLIENTS_KEPT - 2}):]`,
    })
    .where(and(eq(apiTokens.id, id), sql`not (${client}::text = any(${apiTokens.clients}))`))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export type NewExtensionGrant = Pick<ExtensionGrant, "challenge" | "userId" | "workspaceId" | "name" | "expiresAt">;

/** Records a confirmed connection request; false when that challenge was answered before. */
export async function insertExtensionGrant(db: Database, grant: NewExtensionGrant): Promise<boolean> {
  const rows = await db.insert(extensionGrants).values(grant).onConflictDoNothing().returning({ challenge: extensionGrants.challenge });
  return rows.length > 0;
}

/**
 * Spends a grant: one conditional update, so two redemptions at once can't both win. Null when
 * there is none to spend (not confirmed yet, expired, or spent already).
 */
export async function spendExtensionGrant(db: Database, challenge: string, now: Date): Promise<ExtensionGrant | null> {
  const [row] = await db
    .update(extensionGrants)
    .set({ redeemedAt: now })
    .where(and(eq(extensionGrants.challenge, challenge), isNull(extensionGrants.redeemedAt), gt(extensionGrants.expiresAt, now)))
    .returning();
  return row ?? null;
}

export async function extensionGrantExists(db: Database, challenge: string): Promise<boolean> {
  const rows = await db.select({ challenge: extensionGrants.challenge }).from(extensionGrants).where(eq(extensionGrants.challenge, challenge));
  return rows.length > 0;
}
