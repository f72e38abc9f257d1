import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { AlreadySavedError } from "@/lib/errors";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { describeEachDatabase } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { duplicateCount, listDuplicates, mergeDuplicates, saveUnlessDuplicate, uniteTags } from "./duplicates";
import { bookmarkInputSchema } from "./schema";
import { startWorker, type Worker } from "./worker";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(() => sandbox.stop());

const input = (url: string, tags: string[] = [], title = url) => bookmarkInputSchema.parse({ url, title, tags });

describe("uniteTags", () => {
  it("keeps every tag once, first spelling and order first", () => {
    expect(uniteTags([["Read", "ai"], ["AI", "later"], [], ["read", "Later", "new"]])).toEqual(["Read", "ai", "later", "new"]);
  });
});

describeEachDatabase("duplicates", (handle) => {
  let db: Database;
  let workspace: Workspace;
  let worker: Worker;
  const ctx = () => ({ db, workspace });

  beforeAll(async () => {
    db = handle().db;
    ({ workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" }));
    worker = startWorker(db, { pollMs: 20, leaseMs: 4000, syncEveryMs: 0 });
  });
  afterAll(() => worker.stop());

  it("refuses a link saved before in another spelling, unless asked to save it anyway", async () => {
    const first = await saveUnlessDuplicate(ctx(), input("https://docs.example.com/guide/", ["a"], "Guide"), false);
    const again = saveUnlessDuplicate(ctx(), input("HTTPS://Docs.Example.com:443/guide?utm_source=feed"), false);
    await expect(again).rejects.toBeInstanceOf(AlreadySavedError);
    await expect(again).rejects.toMatchObject({ code: "duplicate", existing: { id: first.id, title: "Guide" } });

    const anyway = await saveUnlessDuplicate(ctx(), input("https://docs.example.com/guide?utm_medium=x", ["b", "A"]), true);
    expect(anyway.id).not.toBe(first.id);
    // A different path is a different link.
    await saveUnlessDuplicate(ctx(), input("https://docs.example.com/guide/two"), false);
  });

  it("groups the links saved more than once, oldest first, and counts the extra copies", async () => {
    await saveUnlessDuplicate(ctx(), input("http://www.example.org/x", ["c"]), false);
    await saveUnlessDuplicate(ctx(), input("http://example.org/x/", ["d"]), true);
    await saveUnlessDuplicate(ctx(), input("http://example.org/x#top"), true);

    const groups = await listDuplicates(ctx());
    expect(groups.map((g) => [g.normalizedUrl, g.bookmarks.length])).toEqual([
      ["http://example.org/x", 3],
      ["https://docs.example.com/guide", 2],
    ]);
    for (const group of groups) {
      const times = group.bookmarks.map((b) => b.createdTime);
      expect(times).toEqual([...times].sort());
    }
    expect(await duplicateCount(ctx())).toBe(3);
  });

  it("merges a group: tags united on the one kept, the rest trashed, in Notion too", async () => {
    const [, guide] = await listDuplicates(ctx());
    // Chosen by title, not position: once delivered, both carry Notion's minute-rounded created
    // time, and a tie may list either first.
    const keep = guide!.bookmarks.find((b) => b.title === "Guide")!;
    const other = guide!.bookmarks.find((b) => b.id !== keep.id)!;
    const { kept, trashedIds } = await mergeDuplicates(ctx(), keep.id, [other.id]);
    expect(kept).toMatchObject({ id: keep.id, tags: ["a", "b"] });
    expect(trashedIds).toEqual([other.id]);
    expect((await listDuplicates(ctx())).map((g) => g.normalizedUrl)).toEqual(["http://example.org/x"]);
    expect(await duplicateCount(ctx())).toBe(2);

    await drainOutbox(db);
    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    const inNotion = pages.map((page) => pageToBookmark(page, workspace.propertyMap!));
    const guides = inNotion.filter((b) => b.url.startsWith("https://docs.example.com/guide") && !b.url.endsWith("two"));
    expect(guides.map((b) => ({ title: b.title, tags: b.tags, inTrash: b.inTrash })).sort((a, b) => Number(a.inTrash) - Number(b.inTrash))).toEqual([
      { title: "Guide", tags: ["a", "b"], inTrash: false },
      { title: "https://docs.example.com/guide?utm_medium=x", tags: ["b", "A"], inTrash: true },
    ]);
  });

  it("keeps workspaces apart: another one's copy is no duplicate, and its bookmarks can't be merged", async () => {
    const { workspace: other } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const theirs = await saveUnlessDuplicate({ db, workspace: other }, input("http://example.org/x"), false);
    const [group] = await listDuplicates(ctx());
    await expect(mergeDuplicates(ctx(), group!.bookmarks[0]!.id, [theirs.id])).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeDuplicates({ db, workspace: other }, theirs.id, [group!.bookmarks[1]!.id])).rejects.toMatchObject({ code: "not_found" });
    expect(await listDuplicates({ db, workspace: other })).toEqual([]);
  });

  it("refuses a merge of bookmarks that are not one group any more", async () => {
    const [group] = await listDuplicates(ctx());
    const [keep, other] = group!.bookmarks;
    const elsewhere = (await saveUnlessDuplicate(ctx(), input("https://elsewhere.example/"), false)).id;
    await expect(mergeDuplicates(ctx(), keep!.id, [elsewhere])).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeDuplicates(ctx(), keep!.id, [])).rejects.toMatchObject({ code: "not_found" });
    await mergeDuplicates(ctx(), keep!.id, [other!.id]);
    await expect(mergeDuplicates(ctx(), keep!.id, [other!.id])).rejects.toMatchObject({ code: "not_found" });
  });
});
