import type { Database } from "@/db/client";
import { kickWorker } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { importWindow } from "@/lib/imports/runner";
import { stepFeedingJobs } from "@/lib/background/feeding-jobs";
// The repository is the job table as a runner needs it.
import * as jobs from "./queries";

/**
 * One pass over the bulk jobs no one else holds; how many items it handed to the outbox. Each job
 * keeps the same few seconds of the workspace's Notion budget an import keeps waiting.
 */
export async function stepBulkJobs(db: Database, leaseMs: number, requestsPerSecond = env().notionRequestsPerSecond): Promise<number> {
  return stepFeedingJobs(db, jobs, leaseMs, importWindow(requestsPerSecond));
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
