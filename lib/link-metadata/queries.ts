import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimDue, fromNow, leaseLapsed, releaseLease, type LeasedQueue } from "@/db/lease";
import { pageFetches, type PageFetch } from "@/db/schema";

// A reader never outlives its lease (decision 021), so finishing and retrying go by id alone.
const PAGE_FETCHES: LeasedQueue<typeof pageFetches> = { table: pageFetches, key: pageFetches.id, attempts: pageFetches.attempts };

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
  await db.delete(pageFetches).where(and(gte(pageFetches.attempts, maxAttempts), leaseLapsed(PAGE_FETCHES)));
  const ids = await claimDue<number>(db, PAGE_FETCHES, {
    where: sql`${pageFetches.nextAttemptAt} <= clock_timestamp()`,
    orderBy: sql`${pageFetches.priority}, ${pageFetches.nextAttemptAt}, ${pageFetches.id}`,
    limit,
    leaseMs,
  });
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
  await releaseLease(db, PAGE_FETCHES, { key: id }, { nextAttemptAt: fromNow(delayMs) });
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
