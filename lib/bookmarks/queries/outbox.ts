// The outbox: claiming due writes under a lease, and what delivering them leaves behind.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimDue, fromNow, heldUnder, releaseLease, type LeasedQueue } from "@/db/lease";
import { bookmarks, pendingWrites, workspaces, type PendingWrite } from "@/db/schema";
import { inWorkspace } from "./scope";

export type ClaimedWrite = PendingWrite & { notionPageId: string | null };

const OUTBOX: LeasedQueue<typeof pendingWrites> = { table: pendingWrites, key: pendingWrites.id, attempts: pendingWrites.attempts };

/**
 * Claims due writes for delivery: at most one per bookmark (the oldest, so a bookmark's writes
 * reach Notion in order), only for usable workspaces, skipping rows another worker holds. The claim
 * is a lease; a worker that dies lets it lapse and the write is delivered later. The lease's end
 * (to the millisecond, as JavaScript holds it) is also its fencing token: completing, retrying or
 * parking a write only happens while the lease is still the one claimed.
 */
export async function claimWrites(db: Database, limit: number, leaseMs: number): Promise<ClaimedWrite[]> {
  const ids = await claimDue<number>(db, OUTBOX, {
    join: sql`join ${workspaces} on ${workspaces.id} = ${pendingWrites.workspaceId} and ${workspaces.status} = 'active'`,
    where: sql`${pendingWrites.status} = 'pending' and ${pendingWrites.nextAttemptAt} <= clock_timestamp()
      and not exists (
        select 1 from ${pendingWrites} earlier
        where earlier.bookmark_id = ${pendingWrites.bookmarkId} and earlier.id < ${pendingWrites.id} and earlier.status = 'pending'
      )`,
    orderBy: sql`${pendingWrites.nextAttemptAt}, ${pendingWrites.id}`,
    limit,
    leaseMs,
  });
  if (ids.length === 0) return [];
  const rows = await db
    .select({ write: pendingWrites, notionPageId: bookmarks.notionPageId })
    .from(pendingWrites)
    .innerJoin(bookmarks, eq(bookmarks.id, pendingWrites.bookmarkId))
    .where(inArray(pendingWrites.id, ids))
    .orderBy(asc(pendingWrites.id));
  return rows.map((r) => ({ ...r.write, notionPageId: r.notionPageId }));
}

/** The write is still held under the lease it was claimed with (not taken over, not done). */
const heldUnderLease = (write: PendingWrite): SQL => heldUnder(OUTBOX, { key: write.id, lockedUntil: write.lockedUntil });

/**
 * The write reached Notion: drop it and, if it was the bookmark's last, mark the row synced. A
 * create links its page here and only here (or the sync would list it twice). False when the lease
 * was lost meanwhile: whoever holds it now finishes the write, and finds this page if it was a create.
 */
export async function completeWrite(
  db: Database,
  write: PendingWrite,
  fromNotion: { notionPageId: string; notionUrl: string; createdTime: string; lastEditedTime: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx.delete(pendingWrites).where(heldUnderLease(write)).returning({ id: pendingWrites.id });
    if (done.length === 0) return false;
    const [remaining] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pendingWrites)
      .where(eq(pendingWrites.bookmarkId, write.bookmarkId));
    const settled = (remaining?.n ?? 0) === 0;
    await tx
      .update(bookmarks)
      .set({
        notionPageId: fromNotion.notionPageId,
        notionUrl: fromNotion.notionUrl,
        createdTime: new Date(fromNotion.createdTime),
        lastEditedTime: new Date(fromNotion.lastEditedTime),
        ...(settled ? { syncState: "synced" as const, syncError: null } : {}),
      })
      .where(eq(bookmarks.id, write.bookmarkId));
    return true;
  });
}

/** Try again later (releases the lease); `countAttempt: false` for waits that are not failures. */
export async function retryWriteLater(db: Database, write: PendingWrite, delayMs: number, error: string, countAttempt = true) {
  await releaseLease(db, OUTBOX, { key: write.id, lockedUntil: write.lockedUntil }, {
    nextAttemptAt: fromNow(delayMs),
    lastError: error,
    ...(countAttempt ? {} : { attempts: sql`${pendingWrites.attempts} - 1` }),
  });
}

/** Give up until the person decides: the row shows the error with retry and discard. */
export async function parkWrite(db: Database, write: PendingWrite, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await releaseLease(tx, OUTBOX, { key: write.id, lockedUntil: write.lockedUntil }, { status: "parked", lastError: error }))) return;
    await tx.update(bookmarks).set({ syncState: "failed", syncError: error }).where(eq(bookmarks.id, write.bookmarkId));
  });
}

/** The person asks to try a parked bookmark's writes again. */
export async function retryParked(db: Database, workspaceId: string, bookmarkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(pendingWrites)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`clock_timestamp()`, lockedUntil: null })
      .where(and(eq(pendingWrites.workspaceId, workspaceId), eq(pendingWrites.bookmarkId, bookmarkId), eq(pendingWrites.status, "parked")))
      .returning({ id: pendingWrites.id });
    if (updated.length === 0) return false;
    await tx.update(bookmarks).set({ syncState: "pending", syncError: null }).where(eq(bookmarks.id, bookmarkId));
    return true;
  });
}

/**
 * The person gives up on a parked bookmark's writes. A bookmark that never reached Notion goes
 * away; one that did is marked synced and takes Notion's values again at the next sync.
 */
export async function discardParked(db: Database, workspaceId: string, bookmarkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ notionPageId: bookmarks.notionPageId })
      .from(bookmarks)
      .where(and(inWorkspace(workspaceId), eq(bookmarks.id, bookmarkId), eq(bookmarks.syncState, "failed")));
    if (!row) return false;
    if (!row.notionPageId) {
      await tx.delete(bookmarks).where(eq(bookmarks.id, bookmarkId));
      return true;
    }
    await tx.delete(pendingWrites).where(eq(pendingWrites.bookmarkId, bookmarkId));
    // Epoch makes the next sync's copy win over the local edit.
    await tx.update(bookmarks).set({ syncState: "synced", syncError: null, lastEditedTime: new Date(0) }).where(eq(bookmarks.id, bookmarkId));
    return true;
  });
}

export async function outboxBacklog(db: Database, workspaceId?: string): Promise<{ pending: number; parked: number }> {
  const rows = await db
    .select({ status: pendingWrites.status, n: sql<number>`count(*)::int` })
    .from(pendingWrites)
    .where(workspaceId ? eq(pendingWrites.workspaceId, workspaceId) : undefined)
    .groupBy(pendingWrites.status);
  return {
    pending: rows.find((r) => r.status === "pending")?.n ?? 0,
    parked: rows.find((r) => r.status === "parked")?.n ?? 0,
  };
}
