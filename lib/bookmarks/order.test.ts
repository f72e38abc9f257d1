import type { PageObjectResponse } from "@notionhq/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bookmarks, type Workspace } from "@/db/schema";
import { notionForWorkspace } from "@/lib/notion/client";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { countMatching, listMirror, recordCreate } from "./queries";
import { listQuerySchema, type ListQuery } from "./schema";
import { syncWorkspace } from "./sync";
import { startWorker, type Worker } from "./worker";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(() => sandbox.stop());

const input = (title: string, extra: { tags?: string[]; url?: string; savedAt?: string } = {}) => ({
  title,
  url: extra.url ?? `https://order.example/${encodeURIComponent(title)}`,
  description: "",
  tags: extra.tags ?? [],
  ...(extra.savedAt && { savedAt: extra.savedAt }),
});

/** Every title of the list in `sort` order, read a few rows a page, as the dashboard pages it. */
async function pagedTitles(db: Database, workspace: Workspace, query: Partial<ListQuery> = {}, pageSize = 7): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMirror(db, workspace.id, listQuerySchema.parse({ ...query, cursor }), pageSize);
    titles.push(...page.items.map((b) => b.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

describeEachDatabase("save order", (handle) => {
  let db: Database;
  let workspace: Workspace;
  let worker: Worker;

  beforeAll(async () => {
    db = handle().db;
    ({ workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" }));
    worker = startWorker(db, { pollMs: 20, leaseMs: 4000, syncEveryMs: 0 });
  });
  afterAll(() => worker.stop());

  it("lists 30 saves of one instant newest first in exact save order, page by page, and oldest first the other way", async () => {
    const instant = "2024-05-06T07:08:09.010Z";
    const saved = Array.from({ length: 30 }, (_, n) => `same-instant ${String(n).padStart(2, "0")}`);
    for (const title of saved) await recordCreate(db, workspace.id, input(title, { savedAt: instant }));
    const onlyThese = (titles: string[]) => titles.filter((t) => t.startsWith("same-instant"));
    expect(onlyThese(await pagedTitles(db, workspace, { sort: "newest" }))).toEqual([...saved].reverse());
    expect(onlyThese(await pagedTitles(db, workspace, { sort: "oldest" }))).toEqual(saved);
    await drainOutbox(db);
  });

  it("writes Saved to Notion to the millisecond, and a full resync from Notion keeps the exact order", async () => {
    // Thirty saves a millisecond apart, as quick saves within one minute are: the order Notion's
    // created time (rounded to the minute) cannot keep.
    const start = Date.parse("2025-02-03T04:05:00.000Z");
    const saved = Array.from({ length: 30 }, (_, n) => ({ title: `quick ${String(n).padStart(2, "0")}`, savedAt: new Date(start + n).toISOString() }));
    for (const s of saved) await recordCreate(db, workspace.id, input(s.title, { savedAt: s.savedAt }));
    await drainOutbox(db);

    const notion = notionForWorkspace(db, workspace);
    const { results } = await notion.dataSources.query({
      data_source_id: workspace.dataSourceId!,
      filter: { property: "Name", title: { starts_with: "quick " } },
      page_size: 100,
    });
    const inNotion = Object.fromEntries(
      results.flatMap((r) => ("properties" in r ? [r as PageObjectResponse] : [])).map((page) => {
        const name = page.properties.Name;
        const date = page.properties.Saved;
        return [name?.type === "title" ? name.title.map((t) => t.plain_text).join("") : "", date?.type === "date" ? date.date?.start : null];
      }),
    );
    for (const s of saved) expect(Date.parse(inNotion[s.title] ?? "")).toBe(Date.parse(s.savedAt));

    const newestFirst = saved.map((s) => s.title).reverse();
    const quick = (titles: string[]) => titles.filter((t) => t.startsWith("quick "));
    expect(quick(await pagedTitles(db, workspace))).toEqual(newestFirst);
    await syncWorkspace(db, workspace, { full: true });
    expect(quick(await pagedTitles(db, workspace))).toEqual(newestFirst);

    // A mirror filled afresh from Notion (a new instance, a lost database) orders by Saved alone.
    await db.delete(bookmarks).where(eq(bookmarks.workspaceId, workspace.id));
    await syncWorkspace(db, workspace, { full: true });
    expect(quick(await pagedTitles(db, workspace))).toEqual(newestFirst);
  });

  it("sorts rows without a Saved value stably: by created time, then in the order first read", async () => {
    const parent = { data_source_id: workspace.dataSourceId! };
    for (const n of [1, 2, 3]) {
      await admin.addPage({ parent, properties: { Name: { title: [{ text: { content: `from notion ${n}` } }] }, URL: { url: `https://notion-made.example/${n}` } } });
    }
    await syncWorkspace(db, workspace);
    const fromNotion = (titles: string[]) => titles.filter((t) => t.startsWith("from notion"));
    const first = fromNotion(await pagedTitles(db, workspace, {}, 2));
    expect(first).toHaveLength(3);
    await syncWorkspace(db, workspace, { full: true });
    expect(fromNotion(await pagedTitles(db, workspace, {}, 2))).toEqual(first);
  });

  it("finds bookmarks by a tag's prefix and by host, and counts the matches", async () => {
    await recordCreate(db, workspace.id, input("Grid systems", { tags: ["design"], url: "https://layout.example/grids" }));
    await recordCreate(db, workspace.id, input("Colour", { tags: ["Design", "art"], url: "https://colour.example/" }));
    await recordCreate(db, workspace.id, input("Kerning", { url: "https://type.github.io/kerning" }));
    const titles = async (q: string) => (await pagedTitles(db, workspace, { q })).sort();

    expect(await titles("desig")).toEqual(["Colour", "Grid systems"]);
    expect(await titles("github.io")).toEqual(["Kerning"]);
    expect(await titles("layout")).toEqual(["Grid systems"]);
    expect(await countMatching(db, workspace.id, { q: "desig", tags: [] })).toBe(2);
    expect(await countMatching(db, workspace.id, { q: "desig", tags: ["art"] })).toBe(1);
    await drainOutbox(db);
  });
});
