import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pendingWrites } from "@/db/schema";

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
