import type { Database } from "@/db/client";

/**
 * A job table whose jobs feed the outbox a window at a time (imports, bulk jobs), as its
 * repository answers for it; claims and releases are leases (db/lease.ts).
 */
export type FeedingJobs = {
  claimJobs(db: Database, limit: number, leaseMs: number): Promise<string[]>;
  releaseJob(db: Database, jobId: string): Promise<void>;
  /** Marks items whose writes reached Notion (or were refused), and answers the job as it is now. */
  settleJob(db: Database, jobId: string): Promise<{ status: string }>;
  countItems(db: Database, jobId: string): Promise<{ queued: number }>;
  queueItems(db: Database, jobId: string, limit: number): Promise<number>;
};

// Items queued in one transaction: a batch holds its bookmarks' row locks until it commits.
const MAX_BATCH = 200;
const JOBS_PER_PASS = 10;

/**
 * One pass over one claimed job: settle what reached Notion, then top the outbox up to `window`
 * items, so the worker never runs dry and a person's own save is not stuck behind thousands.
 */
export async function stepFeedingJob(db: Database, jobs: FeedingJobs, jobId: string, window: number): Promise<number> {
  const job = await jobs.settleJob(db, jobId);
  if (job.status !== "running") return 0;
  const { queued } = await jobs.countItems(db, jobId);
  const queuedNow = await jobs.queueItems(db, jobId, Math.min(MAX_BATCH, window - queued));
  if (queuedNow > 0) return queuedNow;
  // The last items may have settled between the two reads; settle again so the job can finish now.
  await jobs.settleJob(db, jobId);
  return 0;
}

/** One pass over the jobs no one else holds, each released after its pass; how many items it queued. */
export async function stepFeedingJobs(db: Database, jobs: FeedingJobs, leaseMs: number, window: number): Promise<number> {
  let queued = 0;
  for (const jobId of await jobs.claimJobs(db, JOBS_PER_PASS, leaseMs)) {
    try {
      queued += await stepFeedingJob(db, jobs, jobId, window);
    } finally {
      await jobs.releaseJob(db, jobId);
    }
  }
  return queued;
}
