// The import jobs' repository: jobs, their rows, the runner's claims (the saved bookmarks an
// import compares against are in saved.ts).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimDue, releaseLease, type LeasedQueue } from "@/db/lease";
import { importItems, importJobs, type ImportItem, type ImportJob } from "@/db/schema";
import { fillImportedFromPageLater } from "@/lib/bookmarks/page-metadata";
import { contentLater } from "@/lib/content/service";
import { recordCreate } from "@/lib/bookmarks/queries";
import type { ClassifiedRow } from "../classify";

// A runner releases its job after each pass; the lease only covers one that dies mid-pass.
const IMPORT_JOBS: LeasedQueue<typeof importJobs> = { table: importJobs, key: importJobs.id };

// 11 parameters a row: 1,000 rows stay far below Postgres' 65,535 parameters per statement.
const INSERT_BATCH = 1000;

/** The job (status preview) and every row of its file, in one transaction. */
export async function insertJob(
  db: Database,
  job: { workspaceId: string; userId: string; format: string; fileName: string; options: Record<string, unknown> },
  rows: ClassifiedRow[],
): Promise<ImportJob> {
  return db.transaction(async (tx) => {
    const total = rows.filter((r) => r.status === "new").length;
    const [created] = await tx.insert(importJobs).values({ ...job, total }).returning();
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await tx.insert(importItems).values(rows.slice(start, start + INSERT_BATCH).map((row) => ({ jobId: created!.id, ...row })));
    }
    return created!;
  });
}

export async function findJob(db: Database, workspaceId: string, jobId: string): Promise<ImportJob | null> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.workspaceId, workspaceId), eq(importJobs.id, jobId)));
  return job ?? null;
}

export async function listJobs(db: Database, workspaceId: string, limit = 20): Promise<ImportJob[]> {
  return db
    .select()
    .from(importJobs)
    .where(eq(importJobs.workspaceId, workspaceId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit);
}

export type ItemCounts = Record<ImportItem["status"], number>;

export async function countItems(db: Database, jobId: string): Promise<ItemCounts> {
  const rows = await db
    .select({ status: importItems.status, n: sql<number>`count(*)::int` })
    .from(importItems)
    .where(eq(importItems.jobId, jobId))
    .groupBy(importItems.status);
  const counts: ItemCounts = { new: 0, existing: 0, duplicate: 0, invalid: 0, queued: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Rows with the given statuses in file order, for the preview list and the report. */
export async function itemsWithStatus(db: Database, jobId: string, statuses: ImportItem["status"][], limit?: number): Promise<ImportItem[]> {
  const query = db
    .select()
    .from(importItems)
    .where(and(eq(importItems.jobId, jobId), inArray(importItems.status, statuses)))
    .orderBy(asc(importItems.position));
  return limit === undefined ? query : query.limit(limit);
}

/** Moves a job between statuses; null when it was not in one of `from`. */
export async function transitionJob(
  db: Database,
  jobId: string,
  from: ImportJob["status"][],
  to: ImportJob["status"],
): Promise<ImportJob | null> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(importJobs)
      .set({ status: to, ...(to === "running" ? { startedAt: sql`coalesce(${importJobs.startedAt}, now())` } : {}) })
      .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, from)))
      .returning();
    if (!job) return null;
    // Cancelling drops the rows not handed to the outbox yet; what was saved stays.
    if (to === "cancelled") return refreshCounters(tx, job.id);
    return job;
  });
}

/**
 * Writes the job's counters from its rows, so they can never drift from them; a job with nothing
 * left to save or settle is finished.
 */
async function refreshCounters(db: Database, jobId: string): Promise<ImportJob> {
  const counts = await countItems(db, jobId);
  const [job] = await db
    .update(importJobs)
    .set({
      done: counts.done,
      failed: counts.failed,
      // Rows of a cancelled job that were never handed to the outbox.
      skipped: sql`case when ${importJobs.status} = 'cancelled' then ${counts.new} else 0 end`,
      status: sql`case when ${importJobs.status} = 'running' and ${counts.new + counts.queued} = 0 then 'completed' else ${importJobs.status} end`,
      finishedAt: sql`case when ${importJobs.finishedAt} is null and ${counts.queued} = 0
        and (${importJobs.status} = 'cancelled' or (${importJobs.status} = 'running' and ${counts.new} = 0)) then now() else ${importJobs.finishedAt} end`,
    })
    .where(eq(importJobs.id, jobId))
    .returning();
  return job!;
}

/**
 * Claims jobs with work for a runner: running ones, and paused or cancelled ones whose saved rows
 * are still on their way to Notion. The claim is a lease, as for pending_writes: a runner that dies
 * lets it lapse and another takes the job over.
 */
export async function claimJobs(db: Database, limit: number, leaseMs: number): Promise<string[]> {
  return claimDue<string>(db, IMPORT_JOBS, {
    where: sql`(${importJobs.status} = 'running'
      or (${importJobs.status} in ('paused', 'cancelled') and exists (select 1 from ${importItems} where ${importItems.jobId} = ${importJobs.id} and ${importItems.status} = 'queued')))`,
    orderBy: sql`${importJobs.createdAt}, ${importJobs.id}`,
    limit,
    leaseMs,
  });
}

export async function releaseJob(db: Database, jobId: string): Promise<void> {
  await releaseLease(db, IMPORT_JOBS, { key: jobId });
}

/**
 * Marks queued rows done once their bookmark reached Notion, failed once its create was parked
 * (or the bookmark was discarded before it got there), then refreshes the job's counters.
 */
export async function settleJob(db: Database, jobId: string): Promise<ImportJob> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      update import_items i set status = 'done'
      from bookmarks b
      where i.job_id = ${jobId} and i.status = 'queued' and b.id = i.bookmark_id and b.notion_page_id is not null
    `);
    await tx.execute(sql`
      update import_items i set status = 'failed',
        reason = coalesce((select b.sync_error from bookmarks b where b.id = i.bookmark_id), 'The bookmark was discarded before it reached Notion')
      where i.job_id = ${jobId} and i.status = 'queued'
        and not exists (
          select 1 from bookmarks b
          where b.id = i.bookmark_id and (b.notion_page_id is not null or b.sync_state <> 'failed')
        )
    `);
    return refreshCounters(tx, jobId);
  });
}

/**
 * Hands up to `limit` new rows of a running job to the outbox. Each row's bookmark (mirror row and
 * pending write) is created in the same transaction that marks the row queued, so a crash either
 * keeps both or neither: every row is saved exactly once. The job row is locked first, so a pause
 * or cancel waits for the batch and the batch never runs after one.
 */
export async function queueItems(db: Database, jobId: string, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId)).for("update");
    if (job?.status !== "running") return 0;
    const items = await tx
      .select()
      .from(importItems)
      .where(and(eq(importItems.jobId, jobId), eq(importItems.status, "new")))
      .orderBy(asc(importItems.position))
      .limit(limit);
    const created = [];
    for (const item of items) {
      const bookmark = await recordCreate(tx, job.workspaceId, {
        title: item.title,
        url: item.url,
        description: item.description,
        tags: item.tags,
        // The file's date (ADD_DATE and the like) becomes the Saved date, so 2023's links say 2023.
        ...(item.addedAt && { savedAt: item.addedAt.toISOString() }),
      });
      await tx.update(importItems).set({ status: "queued", bookmarkId: bookmark.id }).where(eq(importItems.id, item.id));
      created.push(bookmark);
    }
    await fillImportedFromPageLater(tx, job.workspaceId, created);
    await contentLater(tx, job.workspaceId, created.map((b) => b.id), "imported");
    return items.length;
  });
}

/** Imports still feeding the outbox, across workspaces (what a cron drain reports as left). */
export async function countRunningJobs(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(importJobs).where(eq(importJobs.status, "running"));
  return row?.n ?? 0;
}
