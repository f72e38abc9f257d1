import type { Database } from "@/db/client";
import { kickWorker } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { stepFeedingJob, stepFeedingJobs } from "@/lib/background/feeding-jobs";
// The repository is the job table as a runner needs it.
import * as jobs from "./queries";

export type RunnerOptions = {
  pollMs?: number;
  /** How long a claimed job stays with this process before another may take it over. */
  leaseMs?: number;
  /** Notion requests a second per workspace; sets how many rows may wait in the outbox at once. */
  requestsPerSecond?: number;
  /** Called after rows were handed to the outbox (the server kicks its worker). */
  onQueued?: () => void;
};

export type Runner = PollingLoop;

// Seconds of the workspace's rate limit an import may keep waiting in the outbox. Few enough that a
// person's own save, queued behind them, still reaches Notion within seconds.
const BACKLOG_SECONDS = 5;
// Past a few hundred rows a bigger window buys no speed, only longer settle passes.
const MAX_WINDOW = 500;

/** Rows an import may have in the outbox at once. */
export function importWindow(requestsPerSecond: number): number {
  return Math.min(MAX_WINDOW, Math.max(3, Math.ceil(requestsPerSecond * BACKLOG_SECONDS)));
}

/** One pass over one claimed job: settle what reached Notion, then top the outbox up to the window. */
export async function stepJob(db: Database, jobId: string, window: number): Promise<number> {
  return stepFeedingJob(db, jobs, jobId, window);
}

/**
 * Feeds running imports into the outbox, in every server process beside the outbox worker. Jobs
 * are claimed with a lease, so after a crash or restart another process resumes them.
 */
export function startImportRunner(db: Database, options: RunnerOptions = {}): Runner {
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 30_000;
  return startPollingLoop({
    component: "imports",
    pollMs,
    step: async () => {
      if ((await stepImports(db, leaseMs, options.requestsPerSecond)) > 0) options.onQueued?.();
      return "idle";
    },
  });
}

/** One pass over the imports no one else holds; how many rows it handed to the outbox. */
export async function stepImports(db: Database, leaseMs: number, requestsPerSecond = env().notionRequestsPerSecond): Promise<number> {
  return stepFeedingJobs(db, jobs, leaseMs, importWindow(requestsPerSecond));
}

const globalForRunner = globalThis as unknown as { shelfImportRunner?: Runner };

/** The server's runner (one per process, kept across dev reloads). */
export function serverImportRunner(db: Database): Runner {
  globalForRunner.shelfImportRunner ??= startImportRunner(db, { leaseMs: env().outboxLeaseMs, onQueued: kickWorker });
  return globalForRunner.shelfImportRunner;
}

export function kickImportRunner(): void {
  globalForRunner.shelfImportRunner?.kick();
}
