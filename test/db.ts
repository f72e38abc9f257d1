import crypto from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";

type Opened = { handle: DatabaseHandle; dispose: () => Promise<void>; /** real Postgres only */ url?: string };
type Backend = { name: string; open: () => Promise<Opened> };

const pglite: Backend = {
  name: "pglite",
  open: async () => {
    const handle = await openDatabase();
    await handle.migrate();
    return { handle, dispose: () => handle.close() };
  },
};

/** A fresh database per test file on the real Postgres of TEST_DATABASE_URL, dropped afterwards. */
function postgres(adminUrl: string): Backend {
  return {
    name: "postgres",
    open: async () => {
      const admin = await openDatabase({ url: adminUrl });
      const name = `shelf_test_${crypto.randomBytes(6).toString("hex")}`;
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ url: url.toString() });
      await handle.migrate();
      return {
        handle,
        url: url.toString(),
        dispose: async () => {
          await handle.close();
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.close();
        },
      };
    },
  };
}

export function testBackends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}

/**
 * Runs a suite once per database backend: always embedded PGlite, and real Postgres too when
 * TEST_DATABASE_URL is set. One database per file and backend, migrated from db/migrations.
 */
export function describeEachDatabase(title: string, body: (db: () => DatabaseHandle) => void): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend.name}]`, () => {
      let opened: Opened | undefined;
      beforeAll(async () => {
        opened = await backend.open();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error("database not opened yet");
        return opened.handle;
      });
    });
  }
}
