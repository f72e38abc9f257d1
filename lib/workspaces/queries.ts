// The workspaces repository (over 250 lines): every statement on users, accounts and workspaces,
// each function one statement or one locked read. Rules live in the services beside it
// (connect.ts, last-used.ts, disconnect.ts); splitting by table would scatter one sign-in.
import { and, asc, eq, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { fromNow } from "@/db/lease";
import type { ClientInfo } from "@/lib/audit/client-info";
import { recordAuditEvent } from "@/lib/audit/queries";
import { accounts, bookmarks, pendingWrites, sessions, users, workspaces, type PropertyMap, type Workspace } from "@/db/schema";

export const NOTION_PROVIDER = "notion";

/** The Shelf user a Notion person is linked to, if any. */
export async function findLinkedUserId(tx: Database, notionPersonId: string): Promise<string | null> {
  const [linked] = await tx
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, NOTION_PROVIDER), eq(accounts.providerAccountId, notionPersonId)));
  return linked?.userId ?? null;
}

export type PersonProfile = { name: string | null; image: string | null; email?: string };

/** The user of this Notion person, created on first sight (or found by notion_user_id). */
export async function upsertUserOfPerson(tx: Database, notionPersonId: string, profile: PersonProfile): Promise<string> {
  const [created] = await tx
    .insert(users)
    .values({ notionUserId: notionPersonId, ...profile })
    .onConflictDoUpdate({ target: users.notionUserId, set: profile })
    .returning({ id: users.id });
  return created!.id;
}

export async function updateUserProfile(tx: Database, userId: string, profile: PersonProfile): Promise<void> {
  await tx.update(users).set(profile).where(eq(users.id, userId));
}

/** Links the Notion person to the user as next-auth's account row (no token is stored there). */
export async function linkNotionAccount(tx: Database, userId: string, notionPersonId: string): Promise<void> {
  await tx
    .insert(accounts)
    .values({ userId, type: "oauth", provider: NOTION_PROVIDER, providerAccountId: notionPersonId })
    .onConflictDoNothing();
}

/** Who held this bot's authorization before, and in what state. */
export async function findWorkspaceOfBot(tx: Database, botId: string): Promise<Pick<Workspace, "userId" | "status"> | null> {
  const [row] = await tx.select({ userId: workspaces.userId, status: workspaces.status }).from(workspaces).where(eq(workspaces.botId, botId));
  return row ?? null;
}

export type WorkspaceAuthorization = {
  botId: string;
  notionWorkspaceId: string;
  name: string | null;
  icon: string | null;
  ownerNotionUserId: string;
  duplicatedTemplateId: string | null;
  /** Already sealed with lib/notion/tokens. */
  accessToken: string;
  refreshToken: string | null;
};

/**
 * Upserts the workspace of an authorization by bot id: a re-authorization replaces the token pair
 * (bumping token_version), keeps a template duplicated earlier and makes the workspace usable again.
 */
export async function upsertWorkspaceOfBot(tx: Database, userId: string, authorization: WorkspaceAuthorization): Promise<string> {
  const [workspace] = await tx
    .insert(workspaces)
    .values({ userId, ...authorization })
    .onConflictDoUpdate({
      target: workspaces.botId,
      set: {
        accessToken: authorization.accessToken,
        refreshToken: authorization.refreshToken,
        tokenVersion: sql`${workspaces.tokenVersion} + 1`,
        userId,
        name: authorization.name,
        icon: authorization.icon,
        // Re-authorizing without a template must not forget the one duplicated earlier.
        duplicatedTemplateId: sql`coalesce(excluded.duplicated_template_id, ${workspaces.duplicatedTemplateId})`,
        // Back from reconnect_required or disconnected: usable again if its database is known.
        status: sql`case when ${workspaces.dataSourceId} is null then 'needs_setup'::workspace_status else 'active'::workspace_status end`,
        connectedAt: new Date(),
      },
    })
    .returning({ id: workspaces.id });
  return workspace!.id;
}

export async function setLastWorkspace(tx: Database, userId: string, workspaceId: string): Promise<void> {
  await tx.update(users).set({ lastWorkspaceId: workspaceId }).where(eq(users.id, userId));
}

export type WorkspaceSummary = Pick<Workspace, "id" | "name" | "icon" | "status">;

/** The switcher's list: the user's connected workspaces by name. */
export async function listUserWorkspaces(db: Database, userId: string): Promise<WorkspaceSummary[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name, icon: workspaces.icon, status: workspaces.status })
    .from(workspaces)
    .where(and(eq(workspaces.userId, userId), ne(workspaces.status, "disconnected")))
    .orderBy(asc(workspaces.name), asc(workspaces.id));
}

/** A workspace only through its owner: anyone else's id finds nothing, exactly like a missing one. */
export async function findUserWorkspace(db: Database, userId: string, workspaceId: string): Promise<Workspace | null> {
  const [row] = await db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.userId, userId), ne(workspaces.status, "disconnected")));
  return row ?? null;
}

export async function findWorkspace(db: Database, workspaceId: string): Promise<Workspace | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row ?? null;
}

/** Written only when it changes: every view of a workspace calls this. */
export async function rememberLastWorkspace(db: Database, userId: string, workspaceId: string): Promise<void> {
  await db
    .update(users)
    .set({ lastWorkspaceId: workspaceId })
    .where(and(eq(users.id, userId), sql`${users.lastWorkspaceId} is distinct from ${workspaceId}`));
}

/** Where `/` sends a signed-in person: the workspace used last, else any connected one. */
export async function landingWorkspaceId(db: Database, userId: string): Promise<string | null> {
  const [user] = await db.select({ last: users.lastWorkspaceId }).from(users).where(eq(users.id, userId));
  if (user?.last && (await findUserWorkspace(db, userId, user.last))) return user.last;
  const [first] = await listUserWorkspaces(db, userId);
  return first?.id ?? null;
}

/**
 * Reserves the workspace's next Notion request slot, `spacingMs` after the last one, in one atomic
 * update shared by every instance on the database; answers how long to wait for it.
 */
export async function reserveNotionSlot(db: Database, workspaceId: string, spacingMs: number): Promise<number> {
  const interval = `${spacingMs} milliseconds`;
  const result = await db.execute(sql`
    update workspaces
    set notion_next_slot_at = greatest(notion_next_slot_at, clock_timestamp()) + ${interval}::interval
    where id = ${workspaceId}
    returning greatest(0, extract(epoch from (notion_next_slot_at - ${interval}::interval - clock_timestamp())) * 1000)::float8 as wait_ms
  `);
  return Number(resultRows<{ wait_ms: number }>(result)[0]?.wait_ms ?? 0);
}

/** Reads a workspace's tokens and holds its row until the transaction ends: one refresh at a time. */
export async function lockWorkspaceTokens(tx: Database, workspaceId: string) {
  const [row] = await tx
    .select({
      botId: workspaces.botId,
      status: workspaces.status,
      accessToken: workspaces.accessToken,
      refreshToken: workspaces.refreshToken,
      tokenVersion: workspaces.tokenVersion,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  return row ?? null;
}

/**
 * Stores a refreshed token pair only if nobody else did since `expectedVersion` was read; returns
 * false when another refresh won (its pair is then the one to use).
 */
export async function replaceTokens(
  db: Database,
  workspaceId: string,
  expectedVersion: number,
  sealed: { accessToken: string; refreshToken: string | null },
): Promise<boolean> {
  const updated = await db
    .update(workspaces)
    .set({ ...sealed, tokenVersion: expectedVersion + 1 })
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.tokenVersion, expectedVersion)))
    .returning({ id: workspaces.id });
  return updated.length === 1;
}

/**
 * Uses a (new) Bookmarks database. Switching to another data source forgets the mirror of the old
 * one and fills it again from the new one; bookmarks still waiting to sync stay and go to the new
 * database.
 */
export async function saveBookmarksSource(
  db: Database,
  workspaceId: string,
  source: { databaseId: string; dataSourceId: string; propertyMap: PropertyMap },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ dataSourceId: workspaces.dataSourceId }).from(workspaces).where(eq(workspaces.id, workspaceId));
    const switched = before?.dataSourceId !== source.dataSourceId;
    await tx
      .update(workspaces)
      .set({ ...source, status: "active", ...(switched ? { syncCursor: null, lastSyncedAt: null, lastFullSyncAt: null } : {}) })
      .where(and(eq(workspaces.id, workspaceId), ne(workspaces.status, "disconnected")));
    if (switched) {
      await tx.delete(bookmarks).where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.syncState, "synced")));
    }
    await wakeWaitingWrites(tx, workspaceId);
  });
}

/** Writes that waited for a reconnect or a database are due again as soon as the workspace is usable. */
export async function wakeWaitingWrites(tx: Database, workspaceId: string): Promise<void> {
  await tx
    .update(pendingWrites)
    .set({ nextAttemptAt: sql`clock_timestamp()` })
    .where(and(eq(pendingWrites.workspaceId, workspaceId), eq(pendingWrites.status, "pending")));
}

/** The database is gone, unshared or reshaped: the person must choose again (the old ids stay, to say so). */
export async function markNeedsSetup(db: Database, workspaceId: string): Promise<void> {
  await db
    .update(workspaces)
    .set({ status: "needs_setup" })
    .where(and(eq(workspaces.id, workspaceId), eq(workspaces.status, "active")));
}

export async function recordSyncProgress(db: Database, workspaceId: string, rows: number | null): Promise<void> {
  await db.update(workspaces).set({ syncProgress: rows }).where(eq(workspaces.id, workspaceId));
}

export async function recordSyncDone(
  db: Database,
  workspaceId: string,
  done: { cursor: Date | null; full: boolean },
): Promise<void> {
  const now = new Date();
  await db
    .update(workspaces)
    .set({
      syncProgress: null,
      lastSyncedAt: now,
      ...(done.full ? { lastFullSyncAt: now } : {}),
      // Notion answers again: background syncs need not wait any more.
      syncFailures: 0,
      syncRetryAt: null,
      // The cursor only moves forward, whatever order concurrent syncs finish in.
      ...(done.cursor ? { syncCursor: sql`greatest(${workspaces.syncCursor}, ${done.cursor.toISOString()}::timestamptz)` } : {}),
    })
    .where(eq(workspaces.id, workspaceId));
}

/** Whether background syncs of the workspace wait after failures, by the database's clock (every instance's). */
export async function backgroundSyncPaused(db: Database, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ paused: sql<boolean>`coalesce(${workspaces.syncRetryAt} > clock_timestamp(), false)` })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.paused ?? false;
}

/**
 * Counts a failed background sync and holds the next one back by `pauseMs(failures)`; answers the
 * count. The count's update locks the row, so failures seen at once by two instances both count.
 */
export async function recordBackgroundSyncFailure(db: Database, workspaceId: string, pauseMs: (failures: number) => number): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(workspaces)
      .set({ syncFailures: sql`${workspaces.syncFailures} + 1` })
      .where(eq(workspaces.id, workspaceId))
      .returning({ failures: workspaces.syncFailures });
    if (!row) return 0;
    await tx.update(workspaces).set({ syncRetryAt: fromNow(pauseMs(row.failures)) }).where(eq(workspaces.id, workspaceId));
    return row.failures;
  });
}

/** Active workspaces whose mirror is older than the given ages, for the background sync. */
export async function workspacesDueForSync(db: Database, olderThan: Date, fullOlderThan: Date) {
  return db
    .select()
    .from(workspaces)
    .where(
      and(
        eq(workspaces.status, "active"),
        or(
          isNull(workspaces.lastSyncedAt),
          lt(workspaces.lastSyncedAt, olderThan),
          isNull(workspaces.lastFullSyncAt),
          lt(workspaces.lastFullSyncAt, fullOlderThan),
        ),
      ),
    );
}

/** Every usable connection to one Notion workspace (several people may have connected it). */
export async function activeWorkspacesOfNotionWorkspace(db: Database, notionWorkspaceId: string): Promise<Workspace[]> {
  return db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.notionWorkspaceId, notionWorkspaceId), eq(workspaces.status, "active")));
}

/**
 * The workspace's authorization ended. Answers the workspace's owner and name only when this call
 * made the change, so whoever records it does so once per ending, not once per failed request.
 */
export async function markReconnectRequired(
  db: Database,
  workspaceId: string,
): Promise<{ userId: string; name: string | null } | null> {
  const [ended] = await db
    .update(workspaces)
    .set({ status: "reconnect_required" })
    .where(and(eq(workspaces.id, workspaceId), notInArray(workspaces.status, ["disconnected", "reconnect_required"])))
    .returning({ userId: workspaces.userId, name: workspaces.name });
  return ended ?? null;
}

/** Forgets everything that could call Notion again; the row stays so a later connect finds its settings. */
export async function disconnectWorkspace(db: Database, workspaceId: string): Promise<void> {
  await db
    .update(workspaces)
    .set({ status: "disconnected", accessToken: null, refreshToken: null, tokenVersion: sql`${workspaces.tokenVersion} + 1` })
    .where(eq(workspaces.id, workspaceId));
}

/** Ends every session of the person, this one included, and records that they asked. */
export async function signOutEverywhere(db: Database, userId: string, client: ClientInfo | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAuditEvent(tx, { userId, kind: "signed_out_everywhere" }, client);
  });
}

/** The workspace's readable-content setting (lib/content). */
export async function setContentMode(db: Database, workspaceId: string, mode: Workspace["contentMode"]): Promise<void> {
  await db.update(workspaces).set({ contentMode: mode }).where(eq(workspaces.id, workspaceId));
}
