import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { workspacesDueForSync } from "@/lib/workspaces/queries";
import { DEFAULT_RETRY, deliver, type RetryPolicy } from "./delivery";
import { claimWrites } from "./queries";
import { syncInBackground } from "./sync";

export type WorkerOptions = {
  /** Writes delivered at once by this instance (the per-workspace rate limit still applies). */
  concurrency?: number;
  pollMs?: number;
  /** How long a claimed write stays with this instance before another may take it over. */
  leaseMs?: number;
  /** Background sync: incremental after this age, full after `fullSyncMs`; 0 turns it off. */
  syncEveryMs?: number;
  fullSyncMs?: number;
  retry?: RetryPolicy;
};

export type Worker = PollingLoop;

/** Writes one instance delivers at once, by default. */
export const DELIVERY_CONCURRENCY = 4;

const DEFAULTS = {
  concurrency: DELIVERY_CONCURRENCY,
  pollMs: 500,
  leaseMs: 90_000,
  syncEveryMs: 5 * 60_000,
  fullSyncMs: 60 * 60_000,
  retry: DEFAULT_RETRY,
};

/**
 * Delivers the outbox to Notion and keeps mirrors fresh, until stopped. Several instances may run
 * against one database: claims skip each other's rows, and leases hand over a dead instance's work.
 */
export function startWorker(db: Database, options: WorkerOptions = {}): Worker {
  const settings = { ...DEFAULTS, ...options };
  let lastSyncCheck = 0;

  async function syncDueWorkspaces() {
    const now = Date.now();
    if (settings.syncEveryMs <= 0 || now - lastSyncCheck < settings.syncEveryMs / 5) return;
    lastSyncCheck = now;
    const due = await workspacesDueForSync(db, new Date(now - settings.syncEveryMs), new Date(now - settings.fullSyncMs));
    for (const workspace of due) {
      const full = !workspace.lastFullSyncAt || workspace.lastFullSyncAt.getTime() < now - settings.fullSyncMs;
      // A failing workspace must not stop the others; its screens report the problem.
      void syncInBackground(db, workspace, { full });
    }
  }

  // Everything the worker logs, including the syncs it starts, says it came from the outbox.
  return startPollingLoop({
    component: "outbox",
    pollMs: settings.pollMs,
    step: async () => {
      const delivered = await deliverBatch(db, settings.concurrency, settings.leaseMs, settings.retry);
      await syncDueWorkspaces();
      return delivered > 0 ? "more" : "idle";
    },
  });
}

/** Claims up to `limit` due writes and delivers them side by side; how many it took. */
export async function deliverBatch(db: Database, limit: number, leaseMs: number, retry: RetryPolicy = DEFAULT_RETRY): Promise<number> {
  const writes = await claimWrites(db, limit, leaseMs);
  await Promise.all(writes.map((write) => deliver(db, write, retry)));
  return writes.length;
}

const globalForWorker = globalThis as unknown as { shelfWorker?: Worker };

/** The server's worker (one per process, kept across dev reloads); actions kick it after a write. */
export function serverWorker(db: Database): Worker {
  globalForWorker.shelfWorker ??= startWorker(db, { leaseMs: env().outboxLeaseMs });
  return globalForWorker.shelfWorker;
}

export function kickWorker(): void {
  globalForWorker.shelfWorker?.kick();
}
