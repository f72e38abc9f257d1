// The outbox: claiming due writes under a lease, and what delivering them leaves behind.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { bookmarks, pendingWrites, type PendingWrite } from "@/db/schema";
import { inWorkspace } from "./scope";

export type ClaimedWrite = PendingWrite & { notionPageId: string | null };

/**
 * Claims due writes for delivery: at most one per bookmark (the oldest, so a bookmark's writes
 * reach Notion in order), only for usable workspaces, skipping rows another worker holds. The claim
 * is a lease; a worker that dies lets it lapse and the write is delivered later. The lease's end
 * (to the millisecond, as JavaScript holds it) is also its fencing token: completing, retrying or
 * parking a write only happens while the lease is still the one claimed.
 */
export async function claimWrites(db: Database, limit: number, leaseMs: number): Promise<ClaimedWrite[]> {
  const claimed = await db.execute(sql`
    with due as (
      select w.id from pending_writes w
      join workspaces ws on ws.id = w.workspace_id and ws.status = 'active'
      where w.status = 'pending'
        and w.next_attempt_at <= clock_timestamp()
        and (w.locked_until is null or w.locked_until < clock_timestamp())
        and not exists (
          select 1 from pending_writes earlier
          where earlier.bookmark_id = w.bookmark_id and earlier.id < w.id and earlier.status = 'pending'
        )
      order by w.next_attempt_at, w.id
      limit ${limit}
      for update of w skip locked
    )
    update pending_writes p
    set locked_until = date_trunc('milliseconds', clock_timestamp() + ${`${leaseMs} milliseconds`}::interval), attempts = p.attempts + 1
    from due
    where p.id = due.id
    returning p.id
  `);
  const ids = resultRows<{ id: number }>(claimed).map((r) => r.id);
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
function heldUnderLease(write: PendingWrite): SQL {
  const lease = write.lockedUntil ? sql`${write.lockedUntil.toISOString()}::timestamptz` : sql`null`;
  return and(eq(pendingWrites.id, write.id), sql`${pendingWrites.lockedUntil} is not distinct from ${lease}`)!;
}

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
  await db
    .update(pendingWrites)
    .set({
      lockedUntil: null,
      nextAttemptAt: sql`clock_timestamp() + ${`${Math.round(delayMs)} milliseconds`}::interval`,
      lastError: error,
      ...(countAttempt ? {} : { attempts: sql`${pendingWrites.attempts} - 1` }),
    })
    .where(heldUnderLease(write));
}

/** Give up until the person decides: the row shows the error with retry and discard. */
export async function parkWrite(db: Database, write: PendingWrite, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    const parked = await tx
      .update(pendingWrites)
      .set({ status: "parked", lockedUntil: null, lastError: error })
      .where(heldUnderLease(write))
      .returning({ id: pendingWrites.id });
    if (parked.length === 0) return;
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
