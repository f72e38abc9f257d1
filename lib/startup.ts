import { getDatabase } from "@/db/client";
import { serverPageReader } from "@/lib/bookmarks/page-metadata";
import { serverContentWriter } from "@/lib/content/service";
import { serverWorker } from "@/lib/bookmarks/worker";
import { serverBulkRunner } from "@/lib/bulk/runner";
import { serverImportRunner } from "@/lib/imports/runner";
import { ConfigError, env } from "@/lib/env";
import { log, withLogContext } from "@/lib/log";

/** Refuse to serve with a broken configuration; open (and for PGlite, migrate) the database early. */
export function start(): Promise<void> {
  return withLogContext({ component: "startup" }, startServer);
}

async function startServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal({ problems: error.problems }, "Shelf's configuration is incomplete");
      process.exit(1);
    }
    throw error;
  }
  // A database that is down at start is reported by /api/health/ready; the server still comes up.
  const handle = await getDatabase().catch((error: unknown) => {
    log.error({ err: error }, "database not reachable at start");
    return null;
  });
  if (handle && env().outboxWorker) {
    const worker = serverWorker(handle.db);
    const imports = serverImportRunner(handle.db);
    const bulk = serverBulkRunner(handle.db);
    const pages = env().linkMetadata.enabled ? serverPageReader(handle.db) : undefined;
    const content = serverContentWriter(handle.db);
    // Finish the deliveries in hand before exiting; an interrupted one is resumed by its lease.
    process.once("SIGTERM", () => void Promise.all([worker.stop(), imports.stop(), bulk.stop(), pages?.stop(), content.stop()]));
  }
}
