import { and, asc, desc, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bookmarks, users, workspaces } from "@/db/schema";
import { describeEachDatabase } from "@/test/db";
import { listMirror, matching, SEARCH_WINDOW } from "./queries";
import { listQuerySchema, type ListQuery } from "./schema";

const ROWS = SEARCH_WINDOW * 2 + 600;

/** Every id of a search, page by page as the dashboard reads it. */
async function paged(db: Database, workspaceId: string, query: Partial<ListQuery>, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMirror(db, workspaceId, listQuerySchema.parse({ ...query, cursor }), pageSize);
    ids.push(...page.items.map((b) => b.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** The same search as one plain query over every matching row: what the list must show. */
async function expected(db: Database, workspaceId: string, query: Pick<ListQuery, "q" | "tags" | "sort">): Promise<string[]> {
  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.savedAt;
  const tie = byTitle ? bookmarks.id : bookmarks.seq;
  const order = query.sort === "newest" ? [desc(key), desc(tie)] : [asc(key), asc(tie)];
  const rows = await db
    .select({ id: bookmarks.id })
    .from(bookmarks)
    .where(and(...matching(workspaceId, query)))
    .orderBy(...order);
  return rows.map((r) => r.id);
}

describeEachDatabase("search past the window of recent rows", (handle) => {
  let db: Database;
  let workspaceId: string;

  beforeAll(async () => {
    db = handle().db;
    const [user] = await db.insert(users).values({ notionUserId: "search-window-user", name: "Search" }).returning();
    const [workspace] = await db
      .insert(workspaces)
      .values({ userId: user!.id, botId: "search-window-bot", notionWorkspaceId: "search-window-ws", name: "Search", ownerNotionUserId: "search-window-user", status: "active" })
      .returning();
    workspaceId = workspace!.id;
    // "walrus" on one row in 500, "otter" on one in 40 (too few to fill a page from the newest
    // window), "heron" on one in 3; "kelp" only in saved article text, one in 60; a fifth trashed
    // rows that match too; pairs of rows sharing an instant, so the tie-breaker decides.
    await db.execute(sql`
      insert into bookmarks (id, workspace_id, title, url, normalized_url, description, tags, created_time, last_edited_time, saved_at, in_trash, content_search)
      select gen_random_uuid()::text, ${workspaceId}, 'Row ' || (i * 7919 % ${ROWS}) || case when i % 3 = 0 then ' heron' else '' end,
        'https://window.example/' || i, 'window.example/' || i,
        case when i % 500 = 7 then 'a walrus' when i % 40 = 3 then 'an otter' else '' end,
        case when i % 2 = 0 then array['even'] else array['odd'] end,
        timestamptz '2025-01-01' + (i / 2) * interval '1 minute', timestamptz '2025-01-01', timestamptz '2025-01-01' + (i / 2) * interval '1 minute',
        i % 5 = 4,
        case when i % 60 = 11 then to_tsvector('simple', 'the kelp forest') end
      from generate_series(1, ${ROWS}) as i
    `);
  });

  it("lists exactly the rows and order of a plain query, for rare, middling and common words, in every order", async () => {
    const searches: Array<Pick<ListQuery, "q" | "tags">> = [{ q: "walrus", tags: [] }, { q: "otte", tags: [] }, { q: "heron", tags: [] }, { q: "kelp", tags: [] }, { q: "otter", tags: ["odd"] }, { q: "row her", tags: [] }, { q: "nowhere", tags: [] }];
    for (const search of searches) {
      for (const sort of ["newest", "oldest", "title"] as const) {
        const want = await expected(db, workspaceId, { ...search, sort });
        expect(await paged(db, workspaceId, { ...search, sort }, 50), `${search.q} ${sort}`).toEqual(want);
      }
    }
    // A middling word's pages of 7 come from both ways of reading, page after page.
    expect(await paged(db, workspaceId, { q: "otter", sort: "newest" }, 7)).toEqual(await expected(db, workspaceId, { q: "otter", tags: [], sort: "newest" }));
  });

  it("pages back through a rare word's matches as it paged forward", async () => {
    const query = { q: "otter", sort: "newest" as const };
    const pages: string[][] = [];
    let page = await listMirror(db, workspaceId, listQuerySchema.parse(query), 10);
    pages.push(page.items.map((b) => b.id));
    while (page.nextCursor) {
      page = await listMirror(db, workspaceId, listQuerySchema.parse({ ...query, cursor: page.nextCursor }), 10);
      pages.push(page.items.map((b) => b.id));
    }
    for (let n = pages.length - 1; n > 0 && page.prevCursor; n--) {
      page = await listMirror(db, workspaceId, listQuerySchema.parse({ ...query, cursor: page.prevCursor || undefined }), 10);
      expect(page.items.map((b) => b.id)).toEqual(pages[n - 1]);
    }
  });
});
