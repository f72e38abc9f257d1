// The bulk jobs' repository (over 250 lines): the frozen selection, the runner's claims, and turning items into
// outbox writes a batch at a time (docs/decisions/031). One file: each query is the other half of
// the rule that a bulk item is queued exactly once.
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimDue, releaseLease, type LeasedQueue } from "@/db/lease";
import { bookmarks, bulkItems, bulkJobs, pendingWrites, workspaces, type BookmarkRow, type BulkItem, type BulkJob, type BulkParams } from "@/db/schema";
import { matching, recordChangeWithWrite, recordCreate } from "@/lib/bookmarks/queries";
import { inWorkspace } from "@/lib/bookmarks/queries/scope";
import type { ListQuery } from "@/lib/bookmarks/schema";
import { TAGS_MAX, sameTag } from "./tags";

/** Which bookmarks a bulk action takes: the ones ticked, or every row the list's filter matches. */
export type Selection = { ids: string[] } | { query: Pick<ListQuery, "q" | "tags">; trash?: boolean };

// A runner releases its job after each pass; the lease only covers one that dies mid-pass.
const BULK_JOBS: LeasedQueue<typeof bulkJobs> = { table: bulkJobs, key: bulkJobs.id };

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export function selectionWhere(workspaceId: string, selection: Selection): SQL {
  if ("ids" in selection) return and(inWorkspace(workspaceId), inArray(bookmarks.id, selection.ids))!;
  return and(...matching(workspaceId, selection.query, selection.trash ?? false))!;
}

/** How many bookmarks a selection holds now (the "Select all N matching" link). */
export async function countSelection(db: Database, workspaceId: string, selection: Selection): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bookmarks).where(selectionWhere(workspaceId, selection));
  return row?.n ?? 0;
}

/** Bookmarks of the selection that adding `tags` would take past Notion's 100 tags. */
export async function countOverTagLimit(db: Database, workspaceId: string, selection: Selection, tags: string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookmarks)
    .where(
      and(
        selectionWhere(workspaceId, selection),
        sql`(select count(distinct lower(t)) from unnest(${bookmarks.tags} || ${sql.param(tags)}::text[]) as t) > ${TAGS_MAX}`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * The job and its items in one transaction: the selection is resolved here, once, in the list's
 * order, and never again, so bookmarks saved or filtered in later are not touched by this job.
 */
export async function insertJob(
  db: Database,
  job: { workspaceId: string; userId: string; action: BulkJob["action"]; params: BulkParams },
  selection: Selection,
): Promise<BulkJob> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(bulkJobs).values(job).returning();
    await tx.execute(sql`
      insert into bulk_items (job_id, position, bookmark_id)
      select ${created!.id}, (row_number() over (order by ${bookmarks.createdTime} desc, ${bookmarks.id} desc))::int - 1, ${bookmarks.id}
      from ${bookmarks} where ${selectionWhere(job.workspaceId, selection)}
    `);
    return refreshCounters(tx, created!.id);
  });
}

/**
 * The job reversing `original`: the same action backwards over the items that changed something,
 * each with the tags it really added or removed. The original is locked and, if still running,
 * cancelled first, so none of its items is queued after the reverse job is made.
 */
export async function insertReverseJob(db: Database, original: BulkJob, action: BulkJob["action"]): Promise<BulkJob | null> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(bulkJobs).where(eq(bulkJobs.id, original.id)).for("update");
    if (!locked || locked.undoneBy) return null;
    if (locked.status === "running") await tx.update(bulkJobs).set({ status: "cancelled" }).where(eq(bulkJobs.id, locked.id));
    const [created] = await tx
      .insert(bulkJobs)
      .values({ workspaceId: locked.workspaceId, userId: locked.userId, action, params: {}, undoOf: locked.id })
      .returning();
    await tx.execute(sql`
      insert into bulk_items (job_id, position, bookmark_id, tags)
      select ${created!.id}, (row_number() over (order by position))::int - 1, bookmark_id, applied_tags
      from bulk_items where job_id = ${locked.id} and status in ('queued', 'done')
    `);
    await tx.update(bulkJobs).set({ undoneBy: created!.id }).where(eq(bulkJobs.id, locked.id));
    await refreshCounters(tx, locked.id);
    return refreshCounters(tx, created!.id);
  });
}

export async function findJob(db: Database, workspaceId: string, jobId: string): Promise<BulkJob | null> {
  const [job] = await db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.workspaceId, workspaceId), eq(bulkJobs.id, jobId)));
  return job ?? null;
}

/** The workspace's running jobs and those finished since `since`, newest first (the progress bars). */
export async function recentJobs(db: Database, workspaceId: string, since: Date, limit = 5): Promise<BulkJob[]> {
  return db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.workspaceId, workspaceId), sql`(${bulkJobs.status} = 'running' or ${bulkJobs.finishedAt} > ${since.toISOString()}::timestamptz)`))
    .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
    .limit(limit);
}

export type BulkItemCounts = Record<BulkItem["status"], number>;

export async function countItems(db: Database, jobId: string): Promise<BulkItemCounts> {
  const rows = await db
    .select({ status: bulkItems.status, n: sql<number>`count(*)::int` })
    .from(bulkItems)
    .where(eq(bulkItems.jobId, jobId))
    .groupBy(bulkItems.status);
  const counts: BulkItemCounts = { new: 0, queued: 0, done: 0, failed: 0, unchanged: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** The job's counters from its items, so they never drift; a job with nothing left is finished. */
async function refreshCounters(db: Database | Transaction, jobId: string): Promise<BulkJob> {
  const counts = await countItems(db, jobId);
  const total = counts.new + counts.queued + counts.done + counts.failed + counts.unchanged;
  const [job] = await db
    .update(bulkJobs)
    .set({
      total,
      done: counts.done,
      failed: counts.failed,
      unchanged: counts.unchanged,
      status: sql`case when ${bulkJobs.status} = 'running' and ${counts.new + counts.queued} = 0 then 'completed' else ${bulkJobs.status} end`,
      finishedAt: sql`case when ${bulkJobs.finishedAt} is null and ${counts.queued} = 0
        and (${bulkJobs.status} = 'cancelled' or ${counts.new} = 0) then now() else ${bulkJobs.finishedAt} end`,
    })
    .where(eq(bulkJobs.id, jobId))
    .returning();
  return job!;
}

/**
 * Claims jobs with work: running ones, and cancelled ones with items still on their way to Notion,
 * of workspaces Shelf can write to (a revoked one's jobs wait, untouched, until it is reconnected).
 * A lease, as for import_jobs: a runner that dies lets it lapse and another takes the job over.
 */
export async function claimJobs(db: Database, limit: number, leaseMs: number): Promise<string[]> {
  return claimDue<string>(db, BULK_JOBS, {
    join: sql`join ${workspaces} on ${workspaces.id} = ${bulkJobs.workspaceId} and ${workspaces.status} = 'active'`,
    where: sql`(${bulkJobs.status} = 'running'
      or (${bulkJobs.status} = 'cancelled' and exists (select 1 from ${bulkItems} where ${bulkItems.jobId} = ${bulkJobs.id} and ${bulkItems.status} = 'queued')))`,
    orderBy: sql`${bulkJobs.createdAt}, ${bulkJobs.id}`,
    limit,
    leaseMs,
  });
}

export async function releaseJob(db: Database, jobId: string): Promise<void> {
  await releaseLease(db, BULK_JOBS, { key: jobId });
}

/**
 * Queued items whose writes all reached Notion are done; one whose write Notion refused (parked)
 * failed, with its reason. Then the counters.
 */
export async function settleJob(db: Database, jobId: string): Promise<BulkJob> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      update bulk_items i set status = 'failed', reason = (
        select w.last_error from pending_writes w where w.id = any(i.write_ids) and w.status = 'parked' order by w.id limit 1)
      where i.job_id = ${jobId} and i.status = 'queued'
        and exists (select 1 from pending_writes w where w.id = any(i.write_ids) and w.status = 'parked')
    `);
    await tx.execute(sql`
      update bulk_items i set status = 'done'
      where i.job_id = ${jobId} and i.status = 'queued'
        and not exists (select 1 from pending_writes w where w.id = any(i.write_ids))
    `);
    return refreshCounters(tx, jobId);
  });
}

type Applied = { status: "queued"; writeIds: number[]; appliedTags: string[] | null } | { status: "unchanged" | "failed"; reason: string };

/** What one item does to its bookmark, recorded in the mirror and the outbox (inside the batch's transaction). */
async function applyItem(tx: Transaction, job: BulkJob, item: BulkItem, bookmark: BookmarkRow): Promise<Applied> {
  const tags = item.tags ?? job.params.tags ?? [];
  const fields = { title: bookmark.title, url: bookmark.url, description: bookmark.description };
  switch (job.action) {
    case "add_tags": {
      if (bookmark.inTrash) return { status: "unchanged", reason: "In the trash" };
      const added = tags.filter((tag) => !bookmark.tags.some((has) => sameTag(has, tag)));
      if (added.length === 0) return { status: "unchanged", reason: "Already tagged" };
      if (bookmark.tags.length + added.length > TAGS_MAX) return { status: "failed", reason: `It would have more than ${TAGS_MAX} tags, Notion's limit` };
      const change = await recordChangeWithWrite(tx, job.workspaceId, bookmark.id, { kind: "update", input: { ...fields, tags: [...bookmark.tags, ...added] } });
      return { status: "queued", writeIds: [change!.writeId], appliedTags: added };
    }
    case "remove_tags": {
      if (bookmark.inTrash) return { status: "unchanged", reason: "In the trash" };
      const removed = bookmark.tags.filter((has) => tags.some((tag) => sameTag(has, tag)));
      if (removed.length === 0) return { status: "unchanged", reason: "Did not have the tag" };
      const kept = bookmark.tags.filter((has) => !removed.includes(has));
      const change = await recordChangeWithWrite(tx, job.workspaceId, bookmark.id, { kind: "update", input: { ...fields, tags: kept } });
      return { status: "queued", writeIds: [change!.writeId], appliedTags: removed };
    }
    case "trash":
    case "restore": {
      if (bookmark.inTrash === (job.action === "trash")) return { status: "unchanged", reason: job.action === "trash" ? "Already in the trash" : "Not in the trash" };
      const change = await recordChangeWithWrite(tx, job.workspaceId, bookmark.id, { kind: job.action });
      return { status: "queued", writeIds: [change!.writeId], appliedTags: null };
    }
    case "move": {
      if (bookmark.inTrash) return { status: "unchanged", reason: "In the trash" };
      // Created there and trashed here in one transaction: both writes or neither, each once.
      const created = await recordCreate(tx, job.params.targetWorkspaceId!, { ...fields, tags: bookmark.tags });
      const [createWrite] = await tx.select({ id: pendingWrites.id }).from(pendingWrites).where(eq(pendingWrites.bookmarkId, created.id));
      const trashed = await recordChangeWithWrite(tx, job.workspaceId, bookmark.id, { kind: "trash" });
      return { status: "queued", writeIds: [createWrite!.id, trashed!.writeId], appliedTags: null };
    }
  }
}

/**
 * Hands up to `limit` new items of a running job to the outbox. Each item's writes are recorded in
 * the transaction that marks it queued, so a crash keeps both or neither: every item is applied
 * exactly once. The job row is locked first, so an undo (which cancels the job) waits for the
 * batch, and no batch runs after it.
 */
export async function queueItems(db: Database, jobId: string, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(bulkJobs).where(eq(bulkJobs.id, jobId)).for("update");
    if (job?.status !== "running") return 0;
    const items = await tx
      .select({ item: bulkItems, bookmark: bookmarks })
      .from(bulkItems)
      .innerJoin(bookmarks, eq(bookmarks.id, bulkItems.bookmarkId))
      .where(and(eq(bulkItems.jobId, jobId), eq(bulkItems.status, "new")))
      .orderBy(asc(bulkItems.position))
      .limit(limit)
      .for("update", { of: bookmarks });
    for (const { item, bookmark } of items) {
      const applied = await applyItem(tx, job, item, bookmark);
      await tx
        .update(bulkItems)
        .set(applied.status === "queued" ? { status: "queued", writeIds: applied.writeIds, appliedTags: applied.appliedTags } : { status: applied.status, reason: applied.reason })
        .where(and(eq(bulkItems.jobId, jobId), eq(bulkItems.position, item.position)));
    }
    await refreshCounters(tx, jobId);
    return items.length;
  });
}

/** Items of a job after `position`, for a report of what failed or was left unchanged. */
export async function itemsWithStatus(db: Database, jobId: string, statuses: BulkItem["status"][], limit = 100, after = -1): Promise<BulkItem[]> {
  return db
    .select()
    .from(bulkItems)
    .where(and(eq(bulkItems.jobId, jobId), inArray(bulkItems.status, statuses), gt(bulkItems.position, after)))
    .orderBy(asc(bulkItems.position))
    .limit(limit);
}

/** Bulk jobs still feeding the outbox, across workspaces (what a cron drain reports as left). */
export async function countRunningJobs(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bulkJobs).where(eq(bulkJobs.status, "running"));
  return row?.n ?? 0;
}
