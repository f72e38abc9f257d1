import type { Database } from "@/db/client";
import { startPageReader } from "@/lib/bookmarks/page-metadata";
import { startWorker, type WorkerOptions } from "@/lib/bookmarks/worker";
import { startContentWriter } from "@/lib/content/writer";
import { env } from "@/lib/env";
import { startBulkRunner } from "@/lib/bulk/runner";
import { startImportRunner } from "@/lib/imports/runner";

export type BackgroundWork = { stop(): Promise<void> };

/**
 * The outbox worker, the import runner, the bulk runner, the page reader and the content writer
 * together, as a process that serves no pages runs them (`npm run worker`, and the tests' app
 * instances). Imports and bulk jobs kick the worker when they queue rows.
 */
export function startBackgroundWork(db: Database, options: WorkerOptions & { leaseMs: number }): BackgroundWork {
  const worker = startWorker(db, options);
  const imports = startImportRunner(db, { pollMs: options.pollMs, leaseMs: options.leaseMs, onQueued: worker.kick });
  const bulk = startBulkRunner(db, { pollMs: options.pollMs, leaseMs: options.leaseMs, onQueued: worker.kick });
  const pages = env().linkMetadata.enabled ? startPageReader(db, { pollMs: options.pollMs }) : undefined;
  const content = startContentWriter(db, { pollMs: options.pollMs });
  return {
    stop: async () => {
      await Promise.all([worker.stop(), imports.stop(), bulk.stop(), pages?.stop(), content.stop()]);
    },
  };
}
