import { getDatabase } from "@/db/client";
import { serverWorker } from "@/lib/bookmarks/worker";
import { serverImportRunner } from "@/lib/imports/runner";
import { ConfigError, env } from "@/lib/env";

/** Refuse to serve with a broken configuration; open (and for PGlite, migrate) the database early. */
export async function start(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // A database that is down at start is reported by /api/health; the server still comes up.
  const handle = await getDatabase().catch((error: unknown) => {
    console.error("Database not reachable at start:", error instanceof Error ? error.message : error);
    return null;
  });
  if (handle && env().outboxWorker) {
    const worker = serverWorker(handle.db);
    const imports = serverImportRunner(handle.db);
    // Finish the deliveries in hand before exiting; an interrupted one is resumed by its lease.
    process.once("SIGTERM", () => void Promise.all([worker.stop(), imports.stop()]));
  }
}
