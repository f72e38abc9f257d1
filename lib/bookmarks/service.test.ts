import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { workspaceIdSchema } from "@/lib/actions/safe-action";
import { pageToBookmark, type NotionBookmark } from "@/lib/notion/mapping";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { findWorkspace } from "@/lib/workspaces/queries";
import { describeEachDatabase } from "@/test/db";
import { connectSandboxWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { bookmarkInputSchema, listQuerySchema, type ListQuery } from "./schema";
import { PAGE_SIZE } from "./queries";
import { createBookmark, listBookmarks, listVersion, trashBookmark, updateBookmark } from "./service";
import { syncWorkspace } from "./sync";
import { startWorker, type Worker } from "./worker";
import type { Bookmark } from "./types";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});

afterAll(async () => {
  await sandbox?.stop();
});

const SEEDED = 1000;
const query = (view: Partial<ListQuery> = {}): ListQuery => ({ ...listQuerySchema.parse({}), ...view });

// What the sandbox's comparisons do: text case-insensitively, times at minute precision.
const lower = (text: string) => text.toLowerCase();
const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);
type Row = Pick<Bookmark, "title" | "url" | "description" | "tags" | "createdTime">;
const newestFirst = (a: Row, b: Row) => minute(b.createdTime) - minute(a.createdTime);
const byTitle = (a: Row, b: Row) => {
  const [x, y] = [lower(a.title), lower(b.title)];
  return x === y ? newestFirst(a, b) : x < y ? -1 : 1;
};

describeEachDatabase("bookmarks service on the sandbox", (handle) => {
  let db: Database;
  let workspace: Workspace;
  let worker: Worker | undefined;

  /** Every live row of the workspace's data source, read through the sandbox's back door. */
  async function rowsInNotion(): Promise<NotionBookmark[]> {
    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    return pages.filter((page) => !page.in_trash).map((page) => pageToBookmark(page, workspace.propertyMap!));
  }

  /**
   * Follows the cursors to the end; returns the bookmarks' addresses in order (Shelf's ids are not
   * Notion's, and every seeded row has its own address) and how many pages it took.
   */
  async function listAll(view: Partial<ListQuery>): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listBookmarks({ db, workspace }, query({ ...view, cursor }));
      expect(page.items.length).toBeLessThanOrEqual(PAGE_SIZE);
      ids.push(...page.items.map((b) => b.url));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    return { ids, pages };
  }

  beforeAll(async () => {
    db = handle().db;
    const { workspace: connected } = await connectSandboxWorkspace(db, admin, { person: "alan", workspace: "labs", template: true });
    expect(connected.status).toBe("needs_setup");
    // The first list finds the duplicated template's database and remembers it on the workspace.
    expect((await listBookmarks({ db, workspace: connected }, query())).items).toEqual([]);
    workspace = (await findWorkspace(db, connected.id))!;
    expect(workspace).toMatchObject({ status: "active", dataSourceId: expect.any(String) });
    await admin.seedRows(workspace.dataSourceId!, SEEDED);
    await syncWorkspace(db, workspace, { full: true });
    workspace = (await findWorkspace(db, connected.id))!;
    worker = startWorker(db, { pollMs: 50, syncEveryMs: 0 });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("pages through every bookmark exactly once, in each sort order", async () => {
    const rows = await rowsInNotion();
    expect(rows).toHaveLength(SEEDED);
    const expected = {
      newest: rows.toSorted(newestFirst),
      oldest: rows.toSorted((a, b) => newestFirst(b, a)),
      title: rows.toSorted(byTitle),
    };
    for (const sort of ["newest", "oldest", "title"] as const) {
      const { ids, pages } = await listAll({ sort });
      expect(pages, sort).toBe(Math.ceil(SEEDED / PAGE_SIZE));
      expect(new Set(ids).size, sort).toBe(SEEDED);
      expect(ids, sort).toEqual(expected[sort].map((b) => b.url));
    }
  });

  it("searches title, address and description, case-insensitively", async () => {
    const rows = await rowsInNotion();
    const text = (b: Row) => lower([b.title, b.url, b.description].join(" "));
    // A title word, a description-only phrase, an address-only path, and different casing.
    for (const q of ["compilers", "Bookmark 17 about", "example.com/maps/3", "NOTES ON"]) {
      const { ids } = await listAll({ q });
      const found = new Set(ids);
      // Every bookmark containing the phrase is found, and everything found has each of its words.
      for (const b of rows.filter((row) => text(row).includes(lower(q)))) expect(found.has(b.url), `${q}: ${b.url}`).toBe(true);
      const words = lower(q).split(/[^a-z0-9]+/).filter(Boolean);
      for (const b of rows.filter((row) => found.has(row.url))) expect(words.every((w) => text(b).includes(w)), `${q}: ${b.url}`).toBe(true);
      expect(ids, q).toEqual(rows.filter((row) => found.has(row.url)).toSorted(newestFirst).map((b) => b.url));
    }
    expect((await listAll({ q: "no such words anywhere" })).ids).toEqual([]);
  });

  it("filters by every chosen tag, alone and with a search", async () => {
    const rows = await rowsInNotion();
    const { tagOptions } = await listBookmarks({ db, workspace }, query());
    expect(tagOptions).toEqual(expect.arrayContaining(["ai", "news", "reading"]));
    const views: Array<{ tags: string[]; q?: string }> = [{ tags: ["ai"] }, { tags: ["ai", "news"] }, { tags: ["news"], q: "coffee" }];
    for (const view of views) {
      const q = lower(view.q ?? "");
      const expected = rows
        .filter((b) => view.tags.every((tag) => b.tags.some((t) => lower(t) === lower(tag))))
        .filter((b) => [b.title, b.url, b.description].some((text) => lower(text).includes(q)))
        .toSorted(newestFirst);
      const { ids } = await listAll(view);
      expect(ids.length, JSON.stringify(view)).toBeGreaterThan(0);
      expect(ids, JSON.stringify(view)).toEqual(expected.map((b) => b.url));
    }
  });

  it("creates, updates, trashes and restores a bookmark, and each change reaches Notion", async () => {
    const ctx = { db, workspace };
    const inNotion = async (url: string) => (await admin.visibleTo(workspace.botId, workspace.dataSourceId!)).pages.find((page) => pageToBookmark(page, workspace.propertyMap!).url === url);
    const read = async (url: string) => {
      const page = await inNotion(url);
      return page && { ...pageToBookmark(page, workspace.propertyMap!), inTrash: page.in_trash };
    };

    const created = await createBookmark(ctx, bookmarkInputSchema.parse({ url: "example.org/a", title: "<b>Hi</b>", description: "Two\nlines", tags: ["ai", "fresh"] }));
    expect(created).toMatchObject({ url: "https://example.org/a", title: "<b>Hi</b>", tags: ["ai", "fresh"], inTrash: false });
    expect((await listBookmarks(ctx, query())).items[0]?.id).toBe(created.id);
    await expect.poll(() => read("https://example.org/a")).toMatchObject({ title: "<b>Hi</b>", description: "Two\nlines", tags: ["ai", "fresh"], inTrash: false });

    await updateBookmark(ctx, created.id, bookmarkInputSchema.parse({ url: "https://example.org/b", title: "Renamed", tags: ["news"] }));
    await expect.poll(() => read("https://example.org/b")).toMatchObject({ title: "Renamed", description: "", tags: ["news"], inTrash: false });

    await trashBookmark(ctx, created.id, true);
    expect((await listBookmarks(ctx, query({ q: "Renamed" }))).items).toEqual([]);
    await expect.poll(async () => (await read("https://example.org/b"))?.inTrash).toBe(true);

    await trashBookmark(ctx, created.id, false);
    expect((await listBookmarks(ctx, query({ q: "Renamed" }))).items.map((b) => b.id)).toEqual([created.id]);
    await expect.poll(async () => (await read("https://example.org/b"))?.inTrash).toBe(false);
  });

  it("refuses an id that is not one of this workspace's bookmarks as not found", async () => {
    await expect(trashBookmark({ db, workspace }, "00000000-0000-4000-8000-000000000000", true)).rejects.toMatchObject({ code: "not_found" });
  });

  const createInput = z.object({ workspaceId: workspaceIdSchema }).and(bookmarkInputSchema);
  const good = { workspaceId: "w", url: "https://example.com", title: "Fine", description: "", tags: ["ok"] };
  it.each([
    ["a javascript: URL", { url: "javascript:alert(1)" }, "url"],
    ["a data: URL", { url: "data:text/html,<script>alert(1)</script>" }, "url"],
    ["an empty URL", { url: "" }, "url"],
    ["a whitespace URL", { url: "   " }, "url"],
    ["a URL with spaces", { url: "https://example.com/a b" }, "url"],
    ["a URL with a control character", { url: "https://example.com/\u0000" }, "url"],
    ["a 2,001-character title", { title: "x".repeat(2001) }, "title"],
    ["a title with a control character", { title: "bell\u0007" }, "title"],
    ["a description with a control character", { description: "nul\u0000" }, "description"],
    ["a tag with a comma", { tags: ["a,b"] }, "tags"],
    ["101 tags", { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, "tags"],
  ])("refuses %s with a field error and no Notion call", async (_, bad, field) => {
    await admin.clearRequests();
    const parsed = createInput.safeParse({ ...good, ...bad });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(field);
    // Exactly like the action: the service only ever sees parsed input.
    if (parsed.success) await createBookmark({ db, workspace }, parsed.data);
    expect(await admin.requests()).toHaveLength(0);
  });

  it("shows a revoked workspace's mirror read-only instead of hiding it", async () => {
    const revoked = { ...workspace, status: "reconnect_required" as const };
    const page = await listBookmarks({ db, workspace: revoked }, query());
    expect(page.readOnly).toBe("reconnect_required");
    expect(page.items).toHaveLength(PAGE_SIZE);
    // Without a mirror there is nothing to show, and the screen says why instead.
    await expect(listBookmarks({ db, workspace: { ...revoked, lastSyncedAt: null } }, query())).rejects.toMatchObject({ code: "reconnect_required" });
  });

  it("keeps the list's version until the list changes, and matches the one a view renders with", async () => {
    const ctx = { db, workspace: (await findWorkspace(db, workspace.id))! };
    const before = await listVersion(ctx);
    expect(await listVersion(ctx)).toBe(before);
    expect((await listBookmarks(ctx, query())).sync.version).toBe(before);
    const created = await createBookmark(ctx, bookmarkInputSchema.parse({ url: "https://example.com/versioned", title: "Versioned", tags: [] }));
    expect(await listVersion(ctx)).not.toBe(before);
    await trashBookmark(ctx, created.id, true);
  });
});
