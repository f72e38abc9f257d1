import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bulkItems, pendingWrites, workspaces, type Workspace } from "@/db/schema";
import { findBookmark, outboxBacklog } from "@/lib/bookmarks/queries";
import { findWorkspace } from "@/lib/workspaces/queries";
import { createBookmark } from "@/lib/bookmarks/service";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import { syncWorkspace } from "@/lib/bookmarks/sync";
import { pageToBookmark } from "@/lib/notion/mapping";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { connectSandboxWorkspace, drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { eq } from "drizzle-orm";
import { stepBulkJobs } from "./runner";
import { bulkJobView, startBulkJob, reverseBulkJob } from "./service";
import { exportWorkspace } from "@/lib/imports/export";
import { bulkTagsSchema } from "./tags";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
const workers: Worker[] = [];

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => sandbox.stop());

const deliverInBackground = (db: Database) => workers.push(startWorker(db, { pollMs: 20, leaseMs: 4000, syncEveryMs: 0 }));

async function seed(db: Database, workspace: Workspace, prefix: string, count: number, tags: string[]) {
  const saved = [];
  for (let n = 0; n < count; n++) saved.push(await createBookmark({ db, workspace }, { url: `https://${prefix}.example/${n}`, title: `${prefix} ${n}`, description: "", tags }));
  return saved;
}

/** Runs the bulk runner and the outbox until the job is finished. */
async function finish(db: Database, workspace: Workspace, jobId: string) {
  deliverInBackground(db);
  for (let pass = 0; pass < 2000; pass++) {
    await stepBulkJobs(db, 5000, 1000);
    const view = await bulkJobView({ db, workspace }, jobId);
    if (view.status !== "running" && view.remaining === 0) return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the bulk job did not finish");
}

async function until(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function notionTags(workspace: Workspace) {
  const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
  return new Map(pages.map((page) => [pageToBookmark(page, workspace.propertyMap!).url, pageToBookmark(page, workspace.propertyMap!)]));
}

describeEachDatabase("bulk jobs", (handle) => {
  it("resolves the selection once, enqueues each item once, and every page carries the tag exactly once", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace, userId: workspace.userId };
    await seed(db, workspace, "once", 70, ["reading"]);
    deliverInBackground(db);
    await drainOutbox(db);
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["Later"], selection: { query: { q: "", tags: ["reading"] } } });
    expect(job).toMatchObject({ total: 70, status: "running" });
    // Saved after the start: matches the filter, but the selection was frozen before it existed.
    const late = await createBookmark({ db, workspace }, { url: "https://once.example/late", title: "late", description: "", tags: ["reading"] });

    const done = await finish(db, workspace, job.id);
    expect(done).toMatchObject({ status: "completed", total: 70, done: 70, failed: 0, unchanged: 0 });
    const items = await db.select().from(bulkItems).where(eq(bulkItems.jobId, job.id));
    expect(items.every((item) => item.writeIds?.length === 1)).toBe(true);
    expect(new Set(items.map((item) => item.bookmarkId)).size).toBe(70);
    expect((await findBookmark(db, workspace.id, late.id))!.tags).toEqual(["reading"]);
    const pages = await notionTags(workspace);
    const tagged = [...pages.values()].filter((b) => b.url.startsWith("https://once.example/") && b.url !== late.url);
    expect(tagged).toHaveLength(70);
    expect(tagged.every((b) => b.tags.filter((t) => t === "Later").length === 1 && b.tags.includes("reading"))).toBe(true);
  }, 60_000);

  it("resumes after a crash mid-batch: the batch's transaction left nothing behind, and no item is applied twice", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const ctx = { db, workspace, userId: workspace.userId };
    const saved = await seed(db, workspace, "crash", 60, []);
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["x"], selection: { query: { q: "crash", tags: [] } } });
    expect(job.total).toBe(60);
    // The process "dies" inside a batch: the outbox insert of the 5th bookmark fails the transaction.
    const victim = saved.toSorted((a, b) => b.createdTime.localeCompare(a.createdTime) || b.id.localeCompare(a.id))[4]!;
    await db.execute(sql.raw(`
      create function bulk_crash() returns trigger language plpgsql as $$
      begin if new.bookmark_id = '${victim.id}' then raise exception 'simulated crash'; end if; return new; end $$`));
    await db.execute(sql.raw("create trigger bulk_crash before insert on pending_writes for each row execute function bulk_crash()"));
    await expect(stepBulkJobs(db, 5000, 1000)).rejects.toThrow();
    await db.execute(sql.raw("drop trigger bulk_crash on pending_writes"));
    await db.execute(sql.raw("drop function bulk_crash()"));
    // The four items before the failure were rolled back with it: no write, no item marked.
    expect((await db.select().from(pendingWrites).where(eq(pendingWrites.workspaceId, workspace.id))).filter((w) => w.kind === "update")).toEqual([]);
    expect((await bulkJobView(ctx, job.id)).remaining).toBe(60);

    const done = await finish(db, workspace, job.id);
    expect(done).toMatchObject({ done: 60, failed: 0 });
    const items = await db.select().from(bulkItems).where(eq(bulkItems.jobId, job.id));
    expect(items.every((item) => item.writeIds?.length === 1)).toBe(true);
    const pages = await notionTags(workspace);
    expect(saved.every((b) => pages.get(b.url)?.tags.join() === "x")).toBe(true);
  }, 60_000);

  it("undo takes away only the tags the job added; undo of a trash restores; each once", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    const ctx = { db, workspace, userId: workspace.userId };
    const plain = await seed(db, workspace, "undo", 3, []);
    const [had] = await seed(db, workspace, "undohad", 1, ["keep"]);
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["keep", "new"], selection: { ids: [...plain.map((b) => b.id), had!.id] } });
    await finish(db, workspace, job.id);
    expect((await findBookmark(db, workspace.id, had!.id))!.tags).toEqual(["keep", "new"]);

    const undo = await reverseBulkJob(ctx, job.id);
    expect(undo.action).toBe("remove_tags");
    await finish(db, workspace, undo.id);
    await expect(reverseBulkJob(ctx, job.id)).rejects.toThrow("already undone");
    expect((await findBookmark(db, workspace.id, had!.id))!.tags).toEqual(["keep"]);
    for (const b of plain) expect((await findBookmark(db, workspace.id, b.id))!.tags).toEqual([]);
    const pages = await notionTags(workspace);
    expect(pages.get(had!.url)?.tags).toEqual(["keep"]);

    const trash = await startBulkJob(ctx, { action: "trash", selection: { ids: plain.map((b) => b.id) } });
    await finish(db, workspace, trash.id);
    expect((await findBookmark(db, workspace.id, plain[0]!.id))!.inTrash).toBe(true);
    const restore = await reverseBulkJob(ctx, trash.id);
    await finish(db, workspace, restore.id);
    await syncWorkspace(db, workspace, { full: true });
    for (const b of plain) expect((await findBookmark(db, workspace.id, b.id))!.inTrash).toBe(false);
  }, 60_000);

  it("waits while the workspace's token is revoked, and resumes once it is reconnected", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "alan", workspace: "labs" });
    const ctx = { db, workspace, userId: workspace.userId };
    await seed(db, workspace, "revoked", 55, []);
    await db.update(workspaces).set({ status: "reconnect_required" }).where(eq(workspaces.id, workspace.id));
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["later"], selection: { query: { q: "revoked", tags: [] } } });
    await stepBulkJobs(db, 5000, 1000);
    expect(await bulkJobView(ctx, job.id)).toMatchObject({ status: "running", waitingForReconnect: true, remaining: 55 });
    await db.update(workspaces).set({ status: "active" }).where(eq(workspaces.id, workspace.id));
    expect(await finish(db, workspace, job.id)).toMatchObject({ status: "completed", done: 55, waitingForReconnect: false });
  }, 60_000);

  it("a token revoked mid-job: the job waits under Reconnect with nothing failed or lost, and resumes after reconnecting", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "margaret", workspace: "apollo" });
    const ctx = { db, workspace, userId: workspace.userId };
    const saved = await seed(db, workspace, "midjob", 60, ["kept"]);
    deliverInBackground(db);
    await drainOutbox(db);
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["later"], selection: { query: { q: "midjob", tags: [] } } });
    // Notion stops accepting the token as the runner feeds the job: the first delivery finds out.
    await admin.revokeToken({ bot_id: workspace.botId });
    await stepBulkJobs(db, 5000, 1000);
    await until(async () => (await findWorkspace(db, workspace.id))?.status === "reconnect_required");
    await stepBulkJobs(db, 5000, 1000);
    const waiting = await bulkJobView(ctx, job.id);
    expect(waiting).toMatchObject({ status: "running", waitingForReconnect: true, failed: 0 });
    expect(waiting.remaining).toBeGreaterThan(0);
    // What the job recorded is kept: the mirror has the tag, the writes wait in the outbox, none parked.
    expect((await findBookmark(db, workspace.id, saved[0]!.id))!.tags).toEqual(["kept", "later"]);
    expect((await outboxBacklog(db, workspace.id)).parked).toBe(0);

    await connectSandboxWorkspace(db, admin, { person: "margaret", workspace: "apollo" });
    expect(await finish(db, workspace, job.id)).toMatchObject({ status: "completed", done: 60, failed: 0, waitingForReconnect: false });
    const pages = [...(await notionTags(workspace)).values()].filter((b) => b.url.startsWith("https://midjob.example/"));
    expect(pages).toHaveLength(60);
    expect(pages.filter((b) => b.tags.join() !== "kept,later")).toEqual([]);
  }, 60_000);

  it("moves to another connected workspace: created there and trashed here, each once", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "dorothy", workspace: "westArea" });
    const { workspace: other } = await readyWorkspace(db, admin, { person: "dorothy", workspace: "langley", signedInUserId: workspace.userId });
    const ctx = { db, workspace, userId: workspace.userId };
    const saved = await seed(db, workspace, "move", 4, ["m"]);
    await expect(startBulkJob(ctx, { action: "move", targetWorkspaceId: workspace.id, selection: { ids: [saved[0]!.id] } })).rejects.toThrow("another workspace");
    const job = await startBulkJob(ctx, { action: "move", targetWorkspaceId: other.id, selection: { ids: saved.map((b) => b.id) } });
    expect(await finish(db, workspace, job.id)).toMatchObject({ done: 4, targetName: other.name });
    await expect(reverseBulkJob(ctx, job.id)).rejects.toThrow("can't be undone");
    const there = await notionTags(other);
    expect(saved.every((b) => there.get(b.url)?.tags.join() === "m")).toBe(true);
    expect([...there.values()].filter((b) => b.url.startsWith("https://move.example/"))).toHaveLength(4);
    for (const b of saved) expect((await findBookmark(db, workspace.id, b.id))!.inTrash).toBe(true);
  }, 60_000);

  it("refuses tag names Notion refuses, and tags past Notion's 100, in words", async () => {
    const db = handle().db;
    expect(bulkTagsSchema.safeParse(["a,b"]).error?.issues[0]?.message).toBe("Tags can't contain commas");
    expect(bulkTagsSchema.safeParse(["x".repeat(101)]).error?.issues[0]?.message).toBe("Tags can be at most 100 characters");
    expect(bulkTagsSchema.safeParse(Array.from({ length: 101 }, (_, n) => `t${n}`)).error?.issues[0]?.message).toBe("At most 100 tags");
    expect(bulkTagsSchema.safeParse([]).error?.issues[0]?.message).toBe("Choose at least one tag");
    const { workspace } = await readyWorkspace(db, admin, { person: "mary", workspace: "tunnel" });
    const ctx = { db, workspace, userId: workspace.userId };
    const [full] = await seed(db, workspace, "full", 1, Array.from({ length: 99 }, (_, n) => `t${n}`));
    await expect(startBulkJob(ctx, { action: "add_tags", tags: ["one", "two"], selection: { ids: [full!.id] } })).rejects.toThrow(
      "1 of these bookmarks would have more than 100 tags",
    );
    expect((await findBookmark(db, workspace.id, full!.id))!.tags).toHaveLength(99);
  }, 60_000);

  it("exports only the selection: ticked ids, or what the filter matches", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "hedy", workspace: "signals" });
    const saved = await seed(db, workspace, "export", 4, ["pick"]);
    await seed(db, workspace, "other", 2, []);
    const read = async (selection: Parameters<typeof exportWorkspace>[3]) =>
      new Response(exportWorkspace(db, workspace, { format: "csv", tagsAsFolders: false }, selection).body).text();
    const byIds = await read({ ids: [saved[0]!.id, saved[2]!.id] });
    expect(byIds).toContain(saved[0]!.url);
    expect(byIds).toContain(saved[2]!.url);
    expect(byIds).not.toContain(saved[1]!.url);
    const byTag = await read({ query: { q: "", tags: ["pick"] } });
    expect(saved.every((b) => byTag.includes(b.url))).toBe(true);
    expect(byTag).not.toContain("https://other.example/");
  }, 60_000);
});
