import crypto from "node:crypto";
import { openDatabase, type DatabaseHandle } from "./client";

export type ScratchDatabase = { handle: DatabaseHandle; dispose: () => Promise<void>; /** real Postgres only */ url?: string };

/**
 * A fresh, migrated (unless asked not to) database for tests and benchmarks: in-memory PGlite, or
 * (given the URL of a Postgres that may create databases) a new database there, dropped on dispose.
 */
export async function openScratchDatabase(
  postgresAdminUrl?: string,
  prefix = "shelf_scratch",
  options: { migrate?: boolean } = {},
): Promise<ScratchDatabase> {
  const migrate = options.migrate ?? true;
  if (!postgresAdminUrl) {
    const handle = await openDatabase();
    if (migrate) await handle.migrate();
    return { handle, dispose: () => handle.close() };
  }
  const admin = await openDatabase({ url: postgresAdminUrl });
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await admin.query(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  if (migrate) await handle.migrate();
  return {
    handle,
    url: url.toString(),
    dispose: async () => {
      await handle.close().catch(() => {});
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
