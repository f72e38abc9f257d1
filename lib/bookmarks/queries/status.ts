import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, pendingWrites } from "@/db/schema";

/** Changes Notion has failed to take at least once and that will be tried again, for the dashboard's warning. */
export type DeliveryTrouble = { waiting: number; cause: string; nextAttemptAt: string };

/**
 * The outbox's retrying writes of a workspace: how many, the latest cause and the next try. One
 * indexed aggregate (pending_writes_workspace_idx), cheap enough to run on every list view.
 */
export async function deliveryTrouble(db: Database, workspaceId: string): Promise<DeliveryTrouble | null> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*)::int`,
      cause: sql<string | null>`(array_agg(${pendingWrites.lastError} order by ${pendingWrites.id} desc))[1]`,
      nextAttemptAt: sql<Date | string | null>`min(${pendingWrites.nextAttemptAt})`,
    })
    .from(pendingWrites)
    .where(and(eq(pendingWrites.workspaceId, workspaceId), eq(pendingWrites.status, "pending"), isNotNull(pendingWrites.lastError)));
  if (!row || row.waiting === 0 || !row.cause || !row.nextAttemptAt) return null;
  return { waiting: row.waiting, cause: row.cause, nextAttemptAt: new Date(row.nextAttemptAt).toISOString() };
}

/** What a change to the list moves: rows added, trashed or edited, and the outbox filling or draining. */
export type MirrorCounts = { rows: number; lastEdited: string | null; pending: number; parked: number };

/**
 * The numbers the dashboard's watch compares (lib/bookmarks/service.ts listVersion): a few
 * aggregates over the workspace's rows, so an open page asks "anything new?" for a few bytes
 * instead of rendering itself again.
 */
export async function mirrorCounts(db: Database, workspaceId: string): Promise<MirrorCounts> {
  const [row] = await db
    .select({
      rows: sql<number>`count(*) filter (where not ${bookmarks.inTrash})::int`,
      lastEdited: sql<Date | string | null>`max(${bookmarks.lastEditedTime})`,
      pending: sql<number>`(select count(*)::int from ${pendingWrites} where ${pendingWrites.workspaceId} = ${workspaceId} and ${pendingWrites.status} = 'pending')`,
      parked: sql<number>`(select count(*)::int from ${pendingWrites} where ${pendingWrites.workspaceId} = ${workspaceId} and ${pendingWrites.status} = 'parked')`,
    })
    .from(bookmarks)
    .where(eq(bookmarks.workspaceId, workspaceId));
  return {
    rows: row?.rows ?? 0,
    lastEdited: row?.lastEdited ? new Date(row.lastEdited).toISOString() : null,
    pending: row?.pending ?? 0,
    parked: row?.parked ?? 0,
  };
}
