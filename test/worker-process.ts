// A stand-alone outbox worker, import runner and page reader, as one app instance runs them: for tests that kill
// or run several instances. Configuration comes from the environment (DATABASE_URL, NOTION_*, secrets).
import { openDatabase } from "@/db/client";
import { startPageReader } from "@/lib/bookmarks/page-metadata";
import { startWorker } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { startImportRunner } from "@/lib/imports/runner";

async function main() {
  const handle = await openDatabase({ url: process.env.DATABASE_URL });
  const worker = startWorker(handle.db, { pollMs: 20, leaseMs: env().outboxLeaseMs, syncEveryMs: 0 });
  const imports = startImportRunner(handle.db, { pollMs: 20, leaseMs: env().outboxLeaseMs, onQueued: worker.kick });
  const pages = env().linkMetadata.enabled ? startPageReader(handle.db, { pollMs: 20 }) : undefined;
  process.send?.("ready");
  process.once("SIGTERM", async () => {
    await Promise.all([worker.stop(), imports.stop(), pages?.stop()]);
    await handle.close();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
