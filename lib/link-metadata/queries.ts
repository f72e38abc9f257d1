import { and, count, eq, inArray, sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { pageFetches, type PageFetch } from "@/db/schema";

/** A save's fetch is read before any imported row's. */
export const PRIORITY = { save: 0, imported: 1 } as const;

/** Past this many imported rows waiting in a workspace, more imported rows are not queued. */
export const MAX_QUEUED_IMPORTED = 1000;

export type NewPageFetch = {
  workspaceId: string;
  bookmarkId: string;
  url: string;
  savedTitle: string | null;
  savedDescription: string | null;
};

/** Queues a save's page fetch; in the caller's transaction, so the bookmark and its fetch exist together. */
export async function queuePageFetch(db: Database, fetch: NewPageFetch): Promise<void> {
  await db.insert(pageFetches).values({ ...fetch, priority: PRIORITY.save }).onConflictDoNothing();
}

/**
 * Queues imported rows' fetches while the workspace has fewer than `max` waiting
 * (the rest keep their fallback title): a large import must not fill the queue for hours.
 */
export async function queueImportedPageFetches(
  db: Database,
  workspaceId: string,
  fetches: NewPageFetch[],
  max = MAX_QUEUED_IMPORTED,
): Promise<void> {
  if (fetches.length === 0) return;
  const [queued] = await db
    .select({ n: count() })
    .from(pageFetches)
    .where(and(eq(pageFetches.workspaceId, workspaceId), eq(pageFetches.priority, PRIORITY.imported)));
  const room = max - (queued?.n ?? 0);
  if (room <= 0) return;
  await db
    .insert(pageFetches)
    .values(fetches.slice(0, room).map((f) => ({ ...f, priority: PRIORITY.imported })))
    .onConflictDoNothing();
}

/**
 * Claims up to `limit` due fetches for `leaseMs`, saves first. Rows locked by another claimer are
 * skipped, so instances never take the same one; a lease that lapses (its instance died) makes the
 * row due again. A row claimed `maxAttempts` times is dropped here: it keeps killing its reader.
 */
export async function claimPageFetches(db: Database, limit: number, leaseMs: number, maxAttempts: number): Promise<PageFetch[]> {
  await db.execute(sql`
    delete from page_fetches
    where attempts >= ${maxAttempts} and (locked_until is null or locked_until < clock_timestamp())
  `);
  const claimed = await db.execute(sql`
    with due as (
      select f.id from page_fetches f
      where f.next_attempt_at <= clock_timestamp()
        and (f.locked_until is null or f.locked_until < clock_timestamp())
      order by f.priority, f.next_attempt_at, f.id
      limit ${limit}
      for update of f skip locked
    )
    update page_fetches p
    set locked_until = clock_timestamp() + ${`${leaseMs} milliseconds`}::interval, attempts = p.attempts + 1
    from due
    where p.id = due.id
    returning p.id
  `);
  const ids = resultRows<{ id: number }>(claimed).map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(pageFetches)
    .where(inArray(pageFetches.id, ids))
    .orderBy(pageFetches.priority, pageFetches.id);
}

/** The fetch is over (filled, or nothing to fill): it leaves the queue. */
export async function finishPageFetch(db: Database, id: number): Promise<void> {
  await db.delete(pageFetches).where(eq(pageFetches.id, id));
}

/** The fetch failed unexpectedly: released, due again after `delayMs`. */
export async function retryPageFetchLater(db: Database, id: number, delayMs: number): Promise<void> {
  await db
    .update(pageFetches)
    .set({ lockedUntil: null, nextAttemptAt: sql`clock_timestamp() + ${`${delayMs} milliseconds`}::interval` })
    .where(eq(pageFetches.id, id));
}

/** A workspace's saves whose page is still to be read (imported rows are not counted: the screen would refresh for hours). */
export async function savesBeingRead(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(pageFetches)
    .where(and(eq(pageFetches.workspaceId, workspaceId), eq(pageFetches.priority, PRIORITY.save)));
  return row?.n ?? 0;
}

/** Fetches still queued or running, across workspaces (tests wait for zero). */
export async function pageFetchBacklog(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pageFetches);
  return row?.n ?? 0;
}
