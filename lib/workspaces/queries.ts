import { and, asc, eq, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { ClientInfo } from "@/lib/audit/client-info";
import { recordAuditEvent, workspaceDetail, type AuditEventKind } from "@/lib/audit/queries";
import { accounts, bookmarks, pendingWrites, sessions, users, workspaces, type PropertyMap, type Workspace } from "@/db/schema";

export const NOTION_PROVIDER = "notion";

export type NotionPerson = { id: string; name: string | null; email: string | null; avatarUrl: string | null };

export type Connection = {
  botId: string;
  notionWorkspaceId: string;
  name: string | null;
  icon: string | null;
  duplicatedTemplateId: string | null;
  /** Already sealed with lib/notion/tokens. */
  accessToken: string;
  refreshToken: string | null;
};

export type ConnectResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; reason: "linked_to_another_user" };

/**
 * One sign-in: finds or creates the Shelf user of this Notion person (or links the person to the
 * user already signed in, when connecting another workspace) and upserts the workspace by bot id,
 * all in one transaction, so nobody is ever signed in without the workspace they just authorized.
 * The security events (sign-in, connect or reconnect) are recorded in the same transaction.
 */
export async function connectWorkspace(
  db: Database,
  input: { person: NotionPerson; connection: Connection; signedInUserId: string | null; client?: ClientInfo | null },
): Promise<ConnectResult> {
  const { person, connection, signedInUserId } = input;
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(and(eq(accounts.provider, NOTION_PROVIDER), eq(accounts.providerAccountId, person.id)));

    if (linked && signedInUserId && linked.userId !== signedInUserId) {
      return { ok: false, reason: "linked_to_another_user" } as const;
    }

    let userId = linked?.userId ?? signedInUserId;
    const profile = { name: person.name, image: person.avatarUrl, ...(person.email ? { email: person.email } : {}) };
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ notionUserId: person.id, ...profile })
        .onConflictDoUpdate({ target: users.notionUserId, set: profile })
        .returning({ id: users.id });
      userId = created!.id;
    } else if (userId === linked?.userId) {
      await tx.update(users).set(profile).where(eq(users.id, userId));
    }
    if (!linked) {
      await tx
        .insert(accounts)
        .values({ userId, type: "oauth", provider: NOTION_PROVIDER, providerAccountId: person.id })
        .onConflictDoNothing();
    }

    const [previous] = await tx
      .select({ userId: workspaces.userId, status: workspaces.status })
      .from(workspaces)
      .where(eq(workspaces.botId, connection.botId));

    const tokenFields = {
      accessToken: connection.accessToken,
      refreshToken: connection.refreshToken,
      tokenVersion: sql`${workspaces.tokenVersion} + 1`,
    };
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        userId,
        botId: connection.botId,
        notionWorkspaceId: connection.notionWorkspaceId,
        name: connection.name,
        icon: connection.icon,
        ownerNotionUserId: person.id,
        duplicatedTemplateId: connection.duplicatedTemplateId,
        accessToken: connection.accessToken,
        refreshToken: connection.refreshToken,
      })
      .onConflictDoUpdate({
        target: workspaces.botId,
        set: {
          ...tokenFields,
          userId,
          name: connection.name,
          icon: connection.icon,
          // Re-authorizing without a template must not forget the one duplicated earlier.
          duplicatedTemplateId: sql`coalesce(excluded.duplicated_template_id, ${workspaces.duplicatedTemplateId})`,
          // Back from reconnect_required or disconnected: usable again if its database is known.
          status: sql`case when ${workspaces.dataSourceId} is null then 'needs_setup'::workspace_status else 'active'::workspace_status end`,
          connectedAt: new Date(),
        },
      })
      .returning({ id: workspaces.id });
    await tx.update(users).set({ lastWorkspaceId: workspace!.id }).where(eq(users.id, userId));
    await wakeWaitingWrites(tx, workspace!.id);
    for (const kind of connectEvents(signedInUserId, previous, userId)) {
      await recordAuditEvent(tx, { userId, workspaceId: workspace!.id, kind, detail: workspaceDetail(connection.name) }, input.client);
    }
    return { ok: true, userId, workspaceId: workspace!.id } as const;
  });
}

/**
 * What one authorization means for the person: a sign-in unless they were signed in already; a new
 * connection for a bot they did not have; a reconnection when they re-authorize one they had, on
 * purpose or because it had ended. Signing in again through a working workspace is only a sign-in.
 */
function connectEvents(
  signedInUserId: string | null,
  previous: { userId: string; status: Workspace["status"] } | undefined,
  userId: string,
): AuditEventKind[] {
  const events: AuditEventKind[] = signedInUserId ? [] : ["sign_in"];
  if (!previous || previous.userId !== userId) events.push("workspace_connected");
  else if (signedInUserId || previous.status === "reconnect_required" || previous.status === "disconnected") {
    events.push("workspace_reconnected");
  }
  return events;
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
async function wakeWaitingWrites(tx: Database, workspaceId: string): Promise<void> {
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
      // The cursor only moves forward, whatever order concurrent syncs finish in.
      ...(done.cursor ? { syncCursor: sql`greatest(${workspaces.syncCursor}, ${done.cursor.toISOString()}::timestamptz)` } : {}),
    })
    .where(eq(workspaces.id, workspaceId));
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
