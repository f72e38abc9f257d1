import type { Database } from "@/db/client";
import { kickWorker } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { importWindow } from "@/lib/imports/runner";
import { claimJobs, countItems, queueItems, releaseJob, settleJob } from "./queries";

// Items queued in one transaction: a batch holds its bookmarks' row locks until it commits.
const MAX_BATCH = 200;

/**
 * One pass over one claimed job: settle what reached Notion, then top the outbox up to `window`
 * items: the same few seconds of the workspace's Notion budget an import keeps waiting, so the
 * worker never runs dry and a person's own save is not stuck behind thousands of bulk writes.
 */
export async function stepJob(db: Database, jobId: string, window: number): Promise<number> {
  const job = await settleJob(db, jobId);
  if (job.status !== "running") return 0;
  const { queued } = await countItems(db, jobId);
  const queuedNow = await queueItems(db, jobId, Math.min(MAX_BATCH, window - queued));
  if (queuedNow > 0) return queuedNow;
  await settleJob(db, jobId);
  return 0;
}

/** One pass over the bulk jobs no one else holds; how many items it handed to the outbox. */
export async function stepBulkJobs(db: Database, leaseMs: number, requestsPerSecond = env().notionRequestsPerSecond): Promise<number> {
  const window = importWindow(requestsPerSecond);
  let queued = 0;
  for (const jobId of await claimJobs(db, 10, leaseMs)) {
    try {
      queued += await stepJob(db, jobId, window);
    } finally {
      await releaseJob(db, jobId);
    }
  }
  return queued;
}

/** Feeds running bulk jobs into the outbox beside the worker, in every background process. */
export function startBulkRunner(db: Database, options: { pollMs?: number; leaseMs?: number; onQueued?: () => void } = {}): PollingLoop {
  const leaseMs = options.leaseMs ?? 30_000;
  return startPollingLoop({
    component: "bulk",
    pollMs: options.pollMs ?? 500,
    step: async () => {
      if ((await stepBulkJobs(db, leaseMs)) > 0) options.onQueued?.();
      return "idle";
    },
  });
}

const globalForRunner = globalThis as unknown as { shelfBulkRunner?: PollingLoop };

/** The server's bulk runner (one per process, kept across dev reloads). */
export function serverBulkRunner(db: Database): PollingLoop {
  globalForRunner.shelfBulkRunner ??= startBulkRunner(db, { leaseMs: env().outboxLeaseMs, onQueued: kickWorker });
  return globalForRunner.shelfBulkRunner;
}

export function kickBulkRunner(): void {
  globalForRunner.shelfBulkRunner?.kick();
}
