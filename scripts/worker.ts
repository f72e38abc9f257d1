// `npm run worker`: Shelf's background work without a web server. Delivers the outbox to Notion,
// runs imports and keeps mirrors fresh, for deployments whose web processes run with
// OUTBOX_WORKER=off. Several may run at once (they share the leases). Needs DATABASE_URL: the
// embedded PGlite belongs to one process, so the web server runs the work itself there.
import { openDatabase } from "../db/client";
import { startBackgroundWork } from "../lib/background/work";
import { ConfigError, env } from "../lib/env";
import { log, withLogContext } from "../lib/log";

async function main() {
  let settings;
  try {
    settings = env();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal({ problems: error.problems }, "Shelf's configuration is incomplete");
      process.exit(1);
    }
    throw error;
  }
  if (!settings.databaseUrl) {
    log.fatal("npm run worker needs DATABASE_URL: the embedded database can't be shared, so without one the web server runs the worker");
    process.exit(1);
  }
  const handle = await openDatabase({ url: settings.databaseUrl });
  if (process.env.MIGRATE_ON_START === "1") await handle.migrate();
  const work = startBackgroundWork(handle.db, { leaseMs: settings.outboxLeaseMs });
  log.info("worker started");
  // A parent that forked this process (tests) learns it is running.
  process.send?.("ready");
  // Finish the deliveries in hand; one cut short is taken over once its lease lapses.
  const stop = async () => {
    await work.stop();
    await handle.close();
    log.info("worker stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

withLogContext({ component: "worker" }, main).catch((error: unknown) => {
  log.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
