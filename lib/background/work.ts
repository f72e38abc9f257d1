import type { Database } from "@/db/client";
import { startWorker, type WorkerOptions } from "@/lib/bookmarks/worker";
import { startImportRunner } from "@/lib/imports/runner";

export type BackgroundWork = { stop(): Promise<void> };

/**
 * The outbox worker and the import runner together, as a process that serves no pages runs them
 * (`npm run worker`, and the tests' app instances). Imports kick the worker when they queue rows.
 */
export function startBackgroundWork(db: Database, options: WorkerOptions & { leaseMs: number }): BackgroundWork {
  const worker = startWorker(db, options);
  const imports = startImportRunner(db, { pollMs: options.pollMs, leaseMs: options.leaseMs, onQueued: worker.kick });
  return {
    stop: async () => {
      await Promise.all([worker.stop(), imports.stop()]);
    },
  };
}
