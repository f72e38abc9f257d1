// A stand-alone outbox worker and import runner, as one app instance runs them: for tests that kill
// or run several instances. Configuration comes from the environment (DATABASE_URL, NOTION_*, secrets).
import { openDatabase } from "@/db/client";
import { startWorker } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { startImportRunner } from "@/lib/imports/runner";

async function main() {
  const handle = await openDatabase({ url: process.env.DATABASE_URL });
  const worker = startWorker(handle.db, { pollMs: 20, leaseMs: env().outboxLeaseMs, syncEveryMs: 0 });
  const imports = startImportRunner(handle.db, { pollMs: 20, leaseMs: env().outboxLeaseMs, onQueued: worker.kick });
  process.send?.("ready");
  process.once("SIGTERM", async () => {
    await Promise.all([worker.stop(), imports.stop()]);
    await handle.close();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
