import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { pageFetches, type Workspace } from "@/db/schema";
import { page, startTestServer, type TestServer } from "@/test/http-servers";
import { claimPageFetches, pageFetchBacklog, PRIORITY, queueImportedPageFetches } from "@/lib/link-metadata/queries";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { appInstances } from "@/test/app-instances";
import { describeEachDatabase, testBackends } from "@/test/db";
import { drainPageFetches, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { startPageReader } from "./page-metadata";
import { upload, waitForFinish } from "@/test/imports";
import { startImportRunner } from "@/lib/imports/runner";
import { previewImport, startImport } from "@/lib/imports/service";
import { findBookmark, listMirror, recordCreate } from "./queries";
import { bookmarkInputSchema, listQuerySchema } from "./schema";
import { startWorker } from "./worker";
import { createBookmark } from "./service";

// The queue of page fetches lives in the database: a reader that was never running, stopped or
// killed leaves its fetches to the next one, and readers on one database never read a page twice.
let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let server: TestServer;
// Pages under /hold/ answer only once released, so a reader can be killed while it waits.
let holding = false;
const held: Array<() => void> = [];

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({
    env: { LINK_METADATA: "on", LINK_METADATA_ALLOW_LOOPBACK: "1", LINK_METADATA_TIMEOUT_SECONDS: "2" },
  }));
  server = await startTestServer((request, response) => {
    const answer = () => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(page(`Title of ${request.url}`));
    };
    if (holding && request.url?.startsWith("/hold/")) return void held.push(answer);
    answer();
  });
});

afterAll(async () => {
  await server?.close();
  await sandbox?.stop();
});

/** How many times each path was asked for. */
function requestsPer(prefix: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of server.requests) if (r.url?.startsWith(prefix)) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
  return counts;
}

const save = (db: Database, workspace: Workspace, path: string) =>
  createBookmark({ db, workspace }, bookmarkInputSchema.parse({ url: `${server.url}${path}` }));

async function titles(db: Database, workspace: Workspace, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await findBookmark(db, workspace.id, id))!.title));
}

describeEachDatabase("the page-fetch queue", (handle, backend) => {
  const readers: Array<{ stop(): Promise<void> }> = [];
  let workspace: Workspace;
  beforeAll(async () => {
    ({ workspace } = await readyWorkspace(handle().db, admin, { person: "ada", workspace: "notebook" }));
  });
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.stop()));
  });
  const reader = (leaseMs?: number) => readers.push(startPageReader(handle().db, { pollMs: 20, leaseMs }));

  it("keeps fetches queued while no reader runs, and the next reader (after a restart) reads them", async () => {
    const db = handle().db;
    const saved = await Promise.all([1, 2, 3].map((n) => save(db, workspace, `/queued/${backend}/${n}`)));
    expect(await pageFetchBacklog(db)).toBe(3);

    reader();
    await drainPageFetches(db);
    expect(await titles(db, workspace, saved.map((b) => b.id))).toEqual([1, 2, 3].map((n) => `Title of /queued/${backend}/${n}`));
  });

  it("takes over a fetch whose reader died holding it, once its lease lapses", async () => {
    const db = handle().db;
    const saved = await save(db, workspace, `/orphaned/${backend}`);
    // A reader claims it and dies before reading it: the row stays, leased.
    expect(await claimPageFetches(db, 10, 300, 5)).toHaveLength(1);
    reader();
    await drainPageFetches(db);
    expect(await titles(db, workspace, [saved.id])).toEqual([`Title of /orphaned/${backend}`]);
    expect(requestsPer(`/orphaned/${backend}`).get(`/orphaned/${backend}`)).toBe(1);
  });

  it("two readers on one database read each page once", async () => {
    const db = handle().db;
    const saved = await Promise.all(Array.from({ length: 12 }, (_, n) => save(db, workspace, `/pair/${backend}/${n}`)));
    reader();
    reader();
    await drainPageFetches(db);
    expect([...requestsPer(`/pair/${backend}/`).values()]).toEqual(Array(12).fill(1));
    expect(await titles(db, workspace, saved.map((b) => b.id))).toEqual(saved.map((_, n) => `Title of /pair/${backend}/${n}`));
  });

  it("reads saves before imported rows, and queues a bounded number of imported rows", async () => {
    const db = handle().db;
    const imported = await Promise.all(
      [1, 2, 3].map((n) => recordCreate(db, workspace.id, bookmarkInputSchema.parse({ url: `${server.url}/imported/${backend}/${n}` }))),
    );
    const fetches = imported.map((row) => ({ workspaceId: workspace.id, bookmarkId: row.id, url: row.url, savedTitle: row.title, savedDescription: "" }));
    await queueImportedPageFetches(db, workspace.id, fetches, 2);
    // Already two imported rows waiting: no room for more.
    await queueImportedPageFetches(db, workspace.id, fetches.slice(2), 2);
    await save(db, workspace, `/first/${backend}`);

    const claimed = await claimPageFetches(db, 10, 60_000, 5);
    expect(claimed.map((f) => [f.priority, new URL(f.url).pathname])).toEqual([
      [PRIORITY.save, `/first/${backend}`],
      [PRIORITY.imported, `/imported/${backend}/1`],
      [PRIORITY.imported, `/imported/${backend}/2`],
    ]);
    await db.delete(pageFetches);
  });

  it("reads the pages of imported rows, filling the title only of a row that came without one", async () => {
    const db = handle().db;
    const ctx = { db, workspace };
    const file = [
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
      "<DL><p>",
      `<DT><A HREF="${server.url}/untitled/${backend}"></A>`,
      `<DT><A HREF="${server.url}/titled/${backend}">Named in the file</A>`,
      "</DL><p>",
    ].join("\n");
    const preview = await previewImport({ ...ctx, userId: workspace.userId }, upload("bookmarks.html", file), { folderTags: false });
    await startImport(ctx, preview.id);
    const worker = startWorker(db, { pollMs: 20, syncEveryMs: 0 });
    readers.push(worker, startImportRunner(db, { pollMs: 20, onQueued: worker.kick }));
    reader();
    await waitForFinish(ctx, preview.id);
    await drainPageFetches(db);
    const { items } = await listMirror(db, workspace.id, listQuerySchema.parse({}));
    const byUrl = new Map(items.map((b) => [b.url, b.title]));
    expect(byUrl.get(`${server.url}/untitled/${backend}`)).toBe(`Title of /untitled/${backend}`);
    // Its page is read too (for its site icon and preview), but the file's title stays.
    expect(byUrl.get(`${server.url}/titled/${backend}`)).toBe("Named in the file");
    expect(requestsPer(`/titled/${backend}`).get(`/titled/${backend}`)).toBe(1);
  });
});

// Several processes on one database: only real Postgres can be shared between processes.
const postgres = testBackends().find((b) => b.name === "postgres");

describe.skipIf(!postgres)("page fetches across app instances [postgres]", () => {
  let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
  const instances = appInstances();
  beforeAll(async () => {
    opened = await postgres!.open();
  });
  afterEach(() => {
    instances.killAll();
    holding = false;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it("an instance killed while reading pages leaves them to the restarted one, which completes them", async () => {
    const db = opened!.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    holding = true;
    const saved = await Promise.all(Array.from({ length: 6 }, (_, n) => save(db, workspace, `/hold/${n}`)));
    const first = await instances.start(opened!.url!);
    while (held.length < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    first.kill("SIGKILL");
    holding = false;
    held.splice(0);

    await instances.start(opened!.url!);
    await drainPageFetches(db, 30_000);
    expect(await titles(db, workspace, saved.map((b) => b.id))).toEqual(saved.map((_, n) => `Title of /hold/${n}`));
    // At most the dead instance's unanswered request and the restarted one's.
    for (const n of requestsPer("/hold/").values()) expect(n).toBeLessThanOrEqual(2);
  }, 60_000);

  it("two instances fetch each page only once", async () => {
    const db = opened!.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const saved = await Promise.all(Array.from({ length: 30 }, (_, n) => save(db, workspace, `/instances/${n}`)));
    await Promise.all([instances.start(opened!.url!), instances.start(opened!.url!)]);
    await drainPageFetches(db, 30_000);
    expect([...requestsPer("/instances/").values()]).toEqual(Array(30).fill(1));
    expect(await titles(db, workspace, saved.map((b) => b.id))).toEqual(saved.map((_, n) => `Title of /instances/${n}`));
  }, 60_000);
});
