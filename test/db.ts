import { afterAll, beforeAll, describe } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { openScratchDatabase, type ScratchDatabase } from "@/db/scratch";

type Backend = { name: string; open: () => Promise<ScratchDatabase> };

const pglite: Backend = { name: "pglite", open: () => openScratchDatabase() };

/** A fresh database per test file on the real Postgres of TEST_DATABASE_URL, dropped afterwards. */
const postgres = (adminUrl: string): Backend => ({ name: "postgres", open: () => openScratchDatabase(adminUrl, "shelf_test") });

export function testBackends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}

/**
 * Runs a suite once per database backend: always embedded PGlite, and real Postgres too when
 * TEST_DATABASE_URL is set. One database per file and backend, migrated from db/migrations.
 */
export function describeEachDatabase(title: string, body: (db: () => DatabaseHandle, backend: string) => void): void {
  for (const backend of testBackends()) {
    describe(`${title} [${backend.name}]`, () => {
      let opened: ScratchDatabase | undefined;
      beforeAll(async () => {
        opened = await backend.open();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      body(() => {
        if (!opened) throw new Error("database not opened yet");
        return opened.handle;
      }, backend.name);
    });
  }
}
