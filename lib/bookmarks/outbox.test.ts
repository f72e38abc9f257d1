import type { PageObjectResponse } from "@notionhq/client";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { findWorkspace } from "@/lib/workspaces/queries";
import { describeEachDatabase } from "@/test/db";
import { connectSandboxWorkspace, drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { findBookmark, listMirror, outboxBacklog } from "./queries";
import { listQuerySchema } from "./schema";
import { createBookmark, listBookmarks, trashBookmark, updateBookmark } from "./service";
import { startWorker, type Worker } from "./worker";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
const workers: Worker[] = [];

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterEach(async () => {
  await admin.clearFaults();
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => sandbox.stop());

const worker = (db: Database) => {
  // Quick backoff keeps the fault test short; the policy's shape is what is under test.
  const w = startWorker(db, { pollMs: 20, leaseMs: 4000, syncEveryMs: 0, retry: { maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 1000 } });
  workers.push(w);
  return w;
};

async function notionPages(workspace: Workspace): Promise<PageObjectResponse[]> {
  const current = workspace;
  return (await admin.visibleTo(current.botId, current.dataSourceId!)).pages;
}

const input = (n: number) => ({ url: `https://example.com/${n}`, title: `Bookmark ${n}`, description: `Note ${n}`, tags: [`t${n % 3}`] });
const all = listQuerySchema.parse({});

describeEachDatabase("the outbox", (handle) => {
  it("answers at once from the mirror, then delivers to Notion in order", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace };
    const created = await createBookmark(ctx, input(1));
    expect(created).toMatchObject({ title: "Bookmark 1", syncState: "pending", notionUrl: null });
    await updateBookmark(ctx, created.id, { ...input(1), title: "Renamed", tags: ["a", "b"] });
    await trashBookmark(ctx, created.id, true);
    await trashBookmark(ctx, created.id, false);
    expect((await listBookmarks(ctx, all)).items.find((b) => b.id === created.id)).toMatchObject({ title: "Renamed", syncState: "pending" });

    worker(db);
    await drainOutbox(db);
    const row = (await findBookmark(db, workspace.id, created.id))!;
    expect(row).toMatchObject({ syncState: "synced", title: "Renamed", inTrash: false });
    const page = (await notionPages(workspace)).find((p) => p.id === row.notionPageId)!;
    expect(pageToBookmark(page, workspace.propertyMap!)).toMatchObject({ title: "Renamed", url: input(1).url, tags: ["a", "b"], inTrash: false });
  });

  it("200 saves while 30 % of Notion calls fail: every bookmark exactly once, mirror equal to Notion", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const ctx = { db, workspace };
    // Every write goes through /v1/pages; lost_response is the case idempotent creates exist for.
    await admin.injectFaults({
      fault: [429, 500, 502, 503, 504, "hang", "reset", "lost_response"],
      fraction: 0.3,
      path: "/v1/pages",
      retryAfterSeconds: 1,
      hangMs: 5000,
    });
    const saved = await Promise.all(Array.from({ length: 200 }, (_, n) => createBookmark(ctx, input(n))));
    expect(new Set(saved.map((b) => b.id)).size).toBe(200);

    worker(db);
    worker(db);
    await drainOutbox(db, 120_000);
    await admin.clearFaults();
    const faulted = (await admin.requests()).filter((r) => r.fault && r.path.startsWith("/v1/pages"));
    expect(new Set(faulted.map((r) => r.fault)).size).toBeGreaterThanOrEqual(6);
    const parked = (await listMirror(db, workspace.id, all, 1000)).items.filter((b) => b.syncState === "failed");
    expect(parked.map((b) => b.syncError)).toEqual([]);

    const pages = (await notionPages(workspace)).filter((p) => !p.in_trash);
    const titles = pages.map((p) => pageToBookmark(p, workspace.propertyMap!).title).sort();
    expect(titles).toEqual(saved.map((b) => b.title).sort());
    const mirror = await listMirror(db, workspace.id, all, 1000);
    expect(mirror.items.map((b) => b.syncState)).toEqual(Array(200).fill("synced"));
    expect(new Set(mirror.items.map((b) => b.notionUrl)).size).toBe(200);
  }, 150_000);

  it("a revoked token makes writes wait under Reconnect; they deliver after reconnecting", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "alan", workspace: "labs" });
    await admin.revokeToken({ bot_id: workspace.botId });
    const saved = await createBookmark({ db, workspace }, input(7));
    worker(db);
    await waitFor(async () => (await findWorkspace(db, workspace.id))?.status === "reconnect_required");
    expect((await findBookmark(db, workspace.id, saved.id))?.syncState).toBe("pending");

    await connectSandboxWorkspace(db, admin, { person: "alan", workspace: "labs" });
    await drainOutbox(db);
    expect((await findBookmark(db, workspace.id, saved.id))?.syncState).toBe("synced");
  });

  it("a database trashed in Notion sends the workspace to setup and keeps the queued writes", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "engines" });
    await admin.trashDatabase(workspace.databaseId!);
    const saved = await createBookmark({ db, workspace }, input(8));
    worker(db);
    await waitFor(async () => (await findWorkspace(db, workspace.id))?.status === "needs_setup");
    expect(await outboxBacklog(db, workspace.id)).toEqual({ pending: 1, parked: 0 });
    expect((await findBookmark(db, workspace.id, saved.id))?.syncState).toBe("pending");
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
