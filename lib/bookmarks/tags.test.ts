import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { pageToBookmark } from "@/lib/notion/mapping";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { findBookmarks, listMirror, tagCounts } from "./queries";
import { listQuerySchema } from "./schema";
import { createBookmark, trashBookmark } from "./service";
import { listTrash, restoreBookmarks } from "./trash";
import { syncWorkspace } from "./sync";
import { deleteTag, deleteTagSchema, listTagRows, mergeTag, mergeTagSchema, renameTag, renameTagSchema } from "./tags";
import { startWorker, type Worker } from "./worker";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});

afterAll(async () => {
  await sandbox?.stop();
});

const SEEDED = 300;

describeEachDatabase("tag management on the sandbox", (handle) => {
  let db: Database;
  let workspace: Workspace;
  let worker: Worker | undefined;
  const ctx = () => ({ db, workspace });

  /** Every page of the data source as Notion shows it, and the Tags options, through the back door. */
  async function notionState() {
    const [visible, everything] = await Promise.all([admin.visibleTo(workspace.botId, workspace.dataSourceId!), admin.visibleTo(workspace.botId)]);
    const pages = visible.pages.filter((p) => !p.in_trash).map((p) => pageToBookmark(p, workspace.propertyMap!));
    const tags = everything.data_sources.find((d) => d.id === workspace.dataSourceId)?.properties.Tags;
    const options = tags?.type === "multi_select" ? tags.multi_select.options.map(({ id, name }) => ({ id, name })) : [];
    return { pages, options };
  }

  /** Notion and the mirror hold the same tags for every page. */
  async function expectMirrorMatchesNotion() {
    const { pages } = await notionState();
    const mirror = await listMirror(db, workspace.id, listQuerySchema.parse({}), 10_000);
    const byUrl = new Map(mirror.items.map((b) => [b.url, [...b.tags].sort()]));
    expect(pages.length).toBe(mirror.items.length);
    for (const page of pages) expect([page.url, [...page.tags].sort()]).toEqual([page.url, byUrl.get(page.url)]);
  }

  /** Notion calls made by this workspace's bot since the last clear. */
  async function callsSinceClear() {
    return (await admin.requests()).filter((r) => r.bot_id === workspace.botId && r.path.startsWith("/v1/"));
  }

  beforeAll(async () => {
    db = handle().db;
    ({ workspace } = await readyWorkspace(db, admin, { person: "alan", workspace: "labs", template: true }));
    await admin.seedRows(workspace.dataSourceId!, SEEDED);
    await syncWorkspace(db, workspace, { full: true });
    worker = startWorker(db, { pollMs: 50, syncEveryMs: 0 });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("counts every tag of the mirror outside the trash, as Notion's pages carry them", async () => {
    const { pages } = await notionState();
    const expected = new Map<string, number>();
    for (const page of pages) for (const tag of page.tags) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    const counts = await tagCounts(db, workspace.id);
    expect(new Map(counts.map((c) => [c.tag, c.count]))).toEqual(expected);
    expect(counts.map((c) => c.tag)).toEqual([...expected.keys()].sort((a, b) => a.localeCompare(b)));
  });

  it("renames a tag in place with two Notion calls: the option keeps its id and every page shows the new name", async () => {
    const before = await notionState();
    const option = before.options.find((o) => o.name === "recipes")!;
    const carrying = before.pages.filter((p) => p.tags.includes("recipes")).map((p) => p.url).sort();
    expect(carrying.length).toBeGreaterThan(0);
    await admin.clearRequests();
    const result = await renameTag(ctx(), renameTagSchema.parse({ from: "recipes", to: "Cooking" }));
    expect(result).toEqual({ outcome: "renamed", bookmarks: carrying.length });
    const calls = await callsSinceClear();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /v1/data_sources/${workspace.dataSourceId}`,
      `PATCH /v1/data_sources/${workspace.dataSourceId}`,
    ]);
    const after = await notionState();
    expect(after.options).toContainEqual({ id: option.id, name: "Cooking" });
    expect(after.pages.filter((p) => p.tags.includes("Cooking")).map((p) => p.url).sort()).toEqual(carrying);
    expect(after.pages.some((p) => p.tags.includes("recipes"))).toBe(false);
    await expectMirrorMatchesNotion();
    // A sync afterwards agrees with what Shelf did.
    await syncWorkspace(db, workspace, { full: true });
    await expectMirrorMatchesNotion();
  });

  it("merges one tag into another through the outbox, each page once, then removes the option", async () => {
    const before = await notionState();
    const travel = before.pages.filter((p) => p.tags.includes("travel"));
    const expected = new Map(before.pages.map((p) => [p.url, p.tags.includes("travel") ? [...new Set(p.tags.map((t) => (t === "travel" ? "tools" : t)))].sort() : [...p.tags].sort()]));
    await admin.clearRequests();
    const result = await mergeTag(ctx(), mergeTagSchema.parse({ from: "travel", into: "tools" }));
    expect(result).toEqual({ outcome: "merged", bookmarks: travel.length });
    await drainOutbox(db);
    const calls = await callsSinceClear();
    expect(calls.filter((c) => c.method === "PATCH" && c.path.startsWith("/v1/pages/")).length).toBe(travel.length);
    const after = await notionState();
    expect(after.options.map((o) => o.name)).not.toContain("travel");
    for (const page of after.pages) expect([page.url, [...page.tags].sort()]).toEqual([page.url, expected.get(page.url)]);
    await expectMirrorMatchesNotion();
  });

  it("renaming onto a name that exists is a merge", async () => {
    const before = await notionState();
    const ai = before.pages.filter((p) => p.tags.includes("ai")).length;
    const result = await renameTag(ctx(), renameTagSchema.parse({ from: "ai", to: "design" }));
    expect(result).toEqual({ outcome: "merged", bookmarks: ai });
    await drainOutbox(db);
    const after = await notionState();
    expect(after.pages.some((p) => p.tags.includes("ai"))).toBe(false);
    await expectMirrorMatchesNotion();
  });

  it("deletes a tag with two Notion calls, from every page and the mirror", async () => {
    await admin.clearRequests();
    const result = await deleteTag(ctx(), deleteTagSchema.parse({ tag: "news" }));
    expect(result.outcome).toBe("deleted");
    expect(result.bookmarks).toBeGreaterThan(0);
    expect((await callsSinceClear()).length).toBe(2);
    const after = await notionState();
    expect(after.options.map((o) => o.name)).not.toContain("news");
    expect(after.pages.some((p) => p.tags.includes("news"))).toBe(false);
    await expectMirrorMatchesNotion();
  });

  it("a write still in the outbox carries the new name, so the old option does not come back", async () => {
    await worker?.stop();
    worker = undefined;
    const saved = await createBookmark(ctx(), { url: "https://queued.example/", title: "Queued", description: "", tags: ["later", "queued-only"] });
    await renameTag(ctx(), renameTagSchema.parse({ from: "later", to: "someday" }));
    await renameTag(ctx(), renameTagSchema.parse({ from: "queued-only", to: "solo" }));
    expect((await findBookmarks(db, workspace.id, [saved.id]))[0]?.tags).toEqual(["someday", "solo"]);
    worker = startWorker(db, { pollMs: 50, syncEveryMs: 0 });
    await drainOutbox(db);
    const after = await notionState();
    expect(after.options.map((o) => o.name)).not.toContain("later");
    expect(after.pages.find((p) => p.url === "https://queued.example/")?.tags).toEqual(["someday", "solo"]);
    await expectMirrorMatchesNotion();
  });

  it("lists tags with their spelling variants", async () => {
    await createBookmark(ctx(), { url: "https://variant.example/", title: "Variant", description: "", tags: ["Tools"] });
    const rows = await listTagRows(ctx());
    expect(rows.find((r) => r.tag === "Tools")?.variants).toEqual(["tools"]);
  });

  it("Trash lists pages trashed in Notion and in Shelf; a restore either way brings them back", async () => {
    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    const [inNotion, inShelf] = pages.filter((p) => !p.in_trash).map((p) => pageToBookmark(p, workspace.propertyMap!));
    await admin.trashPage(inNotion!.id);
    await syncWorkspace(db, workspace);
    const shelfRow = (await listMirror(db, workspace.id, listQuerySchema.parse({ q: inShelf!.title }), 10)).items.find((b) => b.url === inShelf!.url)!;
    await trashBookmark(ctx(), shelfRow.id, true);
    const trash = await listTrash(ctx());
    expect(trash.items.map((b) => b.url).sort()).toEqual([inNotion!.url, inShelf!.url].sort());
    expect(trash.total).toBe(2);

    await admin.trashPage(inNotion!.id, { in_trash: false });
    await syncWorkspace(db, workspace);
    await restoreBookmarks(ctx(), [shelfRow.id]);
    expect((await listTrash(ctx())).items).toEqual([]);
    await drainOutbox(db);
    const after = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    expect(after.pages.filter((p) => p.in_trash)).toEqual([]);
  });

  it("refuses names Notion refuses, a merge onto itself and an unknown tag, in words", async () => {
    const message = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;
    expect(message(renameTagSchema.safeParse({ from: "tools", to: "a,b" }))).toBe("Tags can't contain commas");
    expect(message(renameTagSchema.safeParse({ from: "tools", to: "x".repeat(101) }))).toBe("Tags can be at most 100 characters");
    expect(message(renameTagSchema.safeParse({ from: "tools", to: "   " }))).toBe("Tags can't be empty");
    expect(message(mergeTagSchema.safeParse({ from: "tools", into: "tools" }))).toBe("A tag can't be merged into itself. Choose another tag.");
    expect(message(mergeTagSchema.safeParse({ from: "tools", into: " tools " }))).toBe("A tag can't be merged into itself. Choose another tag.");
    expect(message(mergeTagSchema.safeParse({ from: "tools", into: "a,b" }))).toBe("Tags can't contain commas");
    expect(message(mergeTagSchema.safeParse({ from: "tools", into: "x".repeat(101) }))).toBe("Tags can be at most 100 characters");
    // A merge onto itself that gets past the form is refused by the service too, and changes nothing.
    const before = await tagCounts(db, workspace.id);
    const { options } = await notionState();
    const tag = before[0]!.tag;
    const refused = await mergeTag(ctx(), { from: tag, into: tag }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "invalid", fieldErrors: { into: "A tag can't be merged into itself. Choose another tag." } });
    expect(await tagCounts(db, workspace.id)).toEqual(before);
    expect((await notionState()).options).toEqual(options);
    await expectMirrorMatchesNotion();
    await expect(deleteTag(ctx(), { tag: "never-used" })).rejects.toMatchObject({ code: "not_found" });
    await expect(renameTag(ctx(), { from: "tools", to: "tools" })).rejects.toMatchObject({ code: "invalid" });
  });
});
