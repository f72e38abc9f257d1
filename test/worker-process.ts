// A stand-alone outbox worker, import runner and page reader, as one app instance runs them, polling fast: for
// tests that kill or run several instances. Configuration comes from the environment
// (DATABASE_URL, NOTION_*, secrets). `npm run worker` (scripts/worker.ts) is the same at its defaults.
import { openDatabase } from "@/db/client";
import { startBackgroundWork } from "@/lib/background/work";
import { env } from "@/lib/env";

async function main() {
  const handle = await openDatabase({ url: process.env.DATABASE_URL });
  const work = startBackgroundWork(handle.db, { pollMs: 20, leaseMs: env().outboxLeaseMs, syncEveryMs: 0 });
  process.send?.("ready");
  process.once("SIGTERM", async () => {
    await work.stop();
    await handle.close();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
