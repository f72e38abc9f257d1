// `npm run db:migrate`: applies db/migrations to DATABASE_URL (or the embedded database).
import { openDatabase, DEFAULT_PGLITE_DIR } from "../db/client";

async function main() {
  const url = process.env.DATABASE_URL;
  const handle = await openDatabase(url ? { url } : { dataDir: process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR });
  try {
    await handle.migrate();
    console.log(`Migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("Migration failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
