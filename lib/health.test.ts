import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { openScratchDatabase } from "@/db/scratch";
import { pendingWrites } from "@/db/schema";
import { recordCreate } from "@/lib/bookmarks/queries";
import { connectWorkspace } from "@/lib/workspaces/connect";
import { checkReadiness } from "./health";

const shipped = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] }).entries.map(
  (e) => e.tag,
);

const backends = [
  { name: "pglite", adminUrl: undefined },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "postgres", adminUrl: process.env.TEST_DATABASE_URL }] : []),
];

async function withScratch(adminUrl: string | undefined, migrate: boolean, check: (scratch: Awaited<ReturnType<typeof openScratchDatabase>>) => Promise<void>) {
  const scratch = await openScratchDatabase(adminUrl, "shelf_test", { migrate });
  try {
    await check(scratch);
  } finally {
    await scratch.dispose();
  }
}

describe.each(backends)("readiness [$name]", ({ adminUrl }) => {
  it("is not ready on an unmigrated database, and names the migrations to run", () =>
    withScratch(adminUrl, false, async ({ handle }) => {
      const readiness = await checkReadiness(async () => handle);
      expect(readiness).toEqual({
        ok: false,
        database: "ok",
        pendingMigrations: shipped,
        outbox: null,
        reasons: [expect.stringMatching(new RegExp(`^${shipped.length} migration\\(s\\) not applied: 0000_init, .*npm run db:migrate`))],
      });
    }));

  it("is ready on a migrated database, counts the outbox backlog, and notices a migration gone missing", () =>
    withScratch(adminUrl, true, async ({ handle }) => {
      expect(await checkReadiness(async () => handle)).toEqual({
        ok: true,
        database: "ok",
        pendingMigrations: [],
        outbox: { pending: 0, parked: 0 },
        reasons: [],
      });

      const connected = await connectWorkspace(handle.db, {
        person: { id: "person-health", name: "Ada", email: null, avatarUrl: null },
        signedInUserId: null,
        connection: { botId: "bot-health", notionWorkspaceId: "ws-health", name: "Health", icon: null, duplicatedTemplateId: null, accessToken: "sealed", refreshToken: "sealed" },
      });
      if (!connected.ok) throw new Error("workspace not connected");
      const input = (n: number) => ({ url: `https://example.com/${n}`, title: `Bookmark ${n}`, description: "", tags: [] });
      for (const n of [1, 2, 3]) await recordCreate(handle.db, connected.workspaceId, input(n));
      const [first] = await handle.db.select({ id: pendingWrites.id }).from(pendingWrites).limit(1);
      await handle.query(`update pending_writes set status = 'parked' where id = '${first!.id}'`);
      expect((await checkReadiness(async () => handle)).outbox).toEqual({ pending: 2, parked: 1 });

      const latest = shipped.at(-1)!;
      await handle.query("delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)");
      expect(await checkReadiness(async () => handle)).toMatchObject({ ok: false, database: "ok", pendingMigrations: [latest], outbox: null });
    }));
});

describe("readiness without a database", () => {
  it("is not ready, with the reason, when the database cannot be opened", async () => {
    const readiness = await checkReadiness(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")));
    expect(readiness).toEqual({
      ok: false,
      database: "unavailable",
      pendingMigrations: [],
      outbox: null,
      reasons: ["Database unavailable: connect ECONNREFUSED 127.0.0.1:5432"],
    });
  });
});
