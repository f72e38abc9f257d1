// Mirror reads: the workspace's bookmarks as the dashboard lists, counts and opens them.
import { and, asc, desc, eq, getTableColumns, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, type BookmarkRow } from "@/db/schema";
import type { ListQuery } from "../schema";
import type { Bookmark } from "../types";
import { inWorkspace, savedIn } from "./scope";

export const PAGE_SIZE = 50;

/**
 * `prevCursor` is null on the first page (and on a page reached backwards with nothing before it),
 * and "" (FIRST_PAGE) on the second, so "Previous" lands on the plain first page, where new
 * bookmarks show.
 */
export type MirrorPage = { items: Bookmark[]; nextCursor: string | null; prevCursor: string | null };

export const FIRST_PAGE = "";

/**
 * How many rows of the list's own order a search reads before it asks the search indexes instead
 * (listMirror). A word on a fifth of the rows fills a page within 255 of them; one that does not
 * fill a page in this many is rare enough that its matches are fewer than the rows a walk would read.
 */
export const SEARCH_WINDOW = 1_000;

// What a list shows of a row: every column but the two search vectors, which can be larger than
// the rest of the row (an article's words) and are only ever read by the database.
const vectors = new Set(["search", "contentSearch"]);
export const listedColumns = Object.fromEntries(Object.entries(getTableColumns(bookmarks)).filter(([name]) => !vectors.has(name))) as Omit<typeof bookmarks._.columns, "search" | "contentSearch">;
export type ListedRow = Omit<BookmarkRow, "search" | "contentSearch">;

export function toBookmark(row: ListedRow): Bookmark {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    description: row.description,
    tags: row.tags,
    createdTime: row.createdTime.toISOString(),
    lastEditedTime: row.lastEditedTime.toISOString(),
    savedAt: row.savedAt.toISOString(),
    notionUrl: row.notionUrl,
    inTrash: row.inTrash,
    syncState: row.syncState,
    syncError: row.syncError,
  };
}

/**
 * A row's place in the order (its sort key and tie-breaker: Shelf's id by title, seq by date), the
 * number of the page it leads to, and the way: `before` pages towards the start of the list (to
 * the previous page). The number lets "Previous" on page 2 be the plain first page without a query
 * to find out.
 */
type Cursor = { key: string; tie: string; page: number; before: boolean };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.tie, cursor.page, cursor.before ? 1 : 0])).toString("base64url");
}

function decodeCursor(value: string | undefined, byTitle: boolean): Cursor | null {
  if (!value) return null;
  try {
    const [key, tie, page, before] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof key !== "string" || typeof tie !== "string") return null;
    // By date the tie is a seq; a link from before seq existed (its tie an id) starts over.
    if (!byTitle && !/^\d{1,18}$/.test(tie)) return null;
    // A cursor from before page numbers (a bookmarked URL) leads to a second page.
    return { key, tie, page: Number.isSafeInteger(page) && (page as number) >= 2 ? (page as number) : 2, before: before === 1 };
  } catch {
    return null;
  }
}

/** Words of a search as a prefix match on every word, in the folding the search column uses. */
export function searchQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w.toLowerCase()}:*`).join(" & ") : null;
}

/**
 * The rows a list's search and tag filter match, in the saved rows or the trash: title, URL (so
 * the host), description and tags, by word prefix, or the words of the saved article
 * (`content_search`, lib/content). The list's own condition, which bulk actions' "select all
 * matching" resolves too.
 */
export function matching(workspaceId: string, query: Pick<ListQuery, "q" | "tags">, trash = false): Array<SQL | undefined> {
  const where: Array<SQL | undefined> = [trash ? and(inWorkspace(workspaceId), eq(bookmarks.inTrash, true)) : savedIn(workspaceId)];
  const terms = searchQuery(query.q);
  if (terms) where.push(wordsMatch(terms, bookmarks.search, bookmarks.contentSearch));
  if (query.tags.length > 0) where.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);
  return where;
}

function wordsMatch(terms: string, search: AnyColumn | SQL.Aliased, content: AnyColumn | SQL.Aliased): SQL {
  return sql`(${search} @@ to_tsquery('simple', ${terms}) or ${content} @@ to_tsquery('simple', ${terms}))`;
}

/** How many saved rows a search and tag filter select (the "37" of "37 of 2,430"). */
export async function countMatching(db: Database, workspaceId: string, query: Pick<ListQuery, "q" | "tags">): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookmarks)
    .where(and(...matching(workspaceId, query)));
  return row?.n ?? 0;
}

/**
 * One page of the mirror, keyset-paginated on (sort key, tie-breaker) both ways, so page 200 costs
 * what page 1 does. Every order has its index (db/schema.ts); search reads that order or the GIN
 * indexes on `search` and `content_search` (searchPage).
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where = matching(workspaceId, { q: "", tags: query.tags });

  // By date: (saved_at, seq), the instant it was saved and then save order, so links saved in
  // the same millisecond (an import's batch) still list in a fixed order (docs/decisions/030).
  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.savedAt;
  const tie = byTitle ? bookmarks.id : bookmarks.seq;
  const ascending = query.sort !== "newest";
  const placeOf = (row: ListedRow) => (byTitle ? { key: row.title.toLowerCase(), tie: row.id } : { key: row.savedAt.toISOString(), tie: String(row.seq) });
  const cursor = decodeCursor(query.cursor, byTitle);
  // Backwards, the rows before the cursor are read in the reverse order and turned back.
  const forward = !cursor?.before;
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates and bigints differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const tieValue = byTitle ? sql`${cursor.tie}` : sql`${cursor.tie}::bigint`;
    where.push(ascending === forward ? sql`(${key}, ${tie}) > (${keyValue}, ${tieValue})` : sql`(${key}, ${tie}) < (${keyValue}, ${tieValue})`);
  }
  const up = ascending === forward;
  const terms = searchQuery(query.q);
  const rows = terms
    ? await searchPage(db, { where, key, tie, up, terms }, pageSize + 1)
    : await db
        .select(listedColumns)
        .from(bookmarks)
        .where(and(...where))
        .orderBy(...(up ? [asc(key), asc(tie)] : [desc(key), desc(tie)]))
        .limit(pageSize + 1);

  const items = rows.slice(0, pageSize);
  if (!forward) items.reverse();
  const page = cursor?.page ?? 1;
  const first = items.at(0);
  const last = items.at(-1);
  const more = rows.length > pageSize;
  // A page reached backwards always has the page it came from after it.
  const nextCursor = last && (more || !forward) ? encodeCursor({ ...placeOf(last), page: page + 1, before: false }) : null;
  let prevCursor: string | null = null;
  if (cursor && (forward || more)) {
    prevCursor = page <= 2 || !first ? FIRST_PAGE : encodeCursor({ ...placeOf(first), page: page - 1, before: true });
  }
  return { items: items.map(toBookmark), nextCursor, prevCursor };
}

type SearchOrder = { where: Array<SQL | undefined>; key: AnyColumn | SQL; tie: AnyColumn; up: boolean; terms: string };

/**
 * A page of search results in the list's order. Postgres cannot estimate a prefix search
 * (`word:*`): it takes every prefix for 2 % of the rows, and their conjunction for 2 % of 2 %, so
 * left alone it walks the order index for a rare word (every row of a 100,000-bookmark library)
 * and sorts every match of a common pair. The choice is made here instead (docs/decisions/038):
 * first the list's newest SEARCH_WINDOW rows are read in order and filtered, which fills the page
 * of any common word; when that is not enough, the matches come from the GIN indexes and are
 * sorted. Both answer exactly the rows and order of the plain query.
 */
/** The listed columns of a subquery that selected them. */
function columnsOf(subquery: Record<keyof typeof listedColumns, unknown>): typeof listedColumns {
  return Object.fromEntries(Object.keys(listedColumns).map((name) => [name, subquery[name as keyof typeof listedColumns]])) as typeof listedColumns;
}

async function searchPage(db: Database, order: SearchOrder, limit: number): Promise<ListedRow[]> {
  const direction = (column: AnyColumn | SQL | SQL.Aliased) => (order.up ? asc(column) : desc(column));
  const scope = and(...order.where);
  const recent = db
    .select({ ...listedColumns, search: bookmarks.search, contentSearch: bookmarks.contentSearch, sortKey: sql`${order.key}`.as("sort_key"), sortTie: sql`${order.tie}`.as("sort_tie") })
    .from(bookmarks)
    .where(scope)
    .orderBy(direction(order.key), direction(order.tie))
    .limit(SEARCH_WINDOW)
    .as("recent");
  const inWindow = await db
    .select(columnsOf(recent))
    .from(recent)
    .where(wordsMatch(order.terms, recent.search, recent.contentSearch))
    .orderBy(direction(recent.sortKey), direction(recent.sortTie))
    .limit(limit);
  if (inWindow.length === limit) return inWindow;
  // The rest only when the window was full (else it held every row): a one-time filter, so a
  // short list never reaches the GIN indexes, which hold every workspace's rows.
  const windowRows = db.select({ one: sql`1`.as("one") }).from(bookmarks).where(scope).orderBy(direction(order.key), direction(order.tie)).limit(SEARCH_WINDOW).as("window_rows");
  const windowFull = sql`(${db.select({ n: sql`count(*)` }).from(windowRows)}) = ${SEARCH_WINDOW}`;
  // A window function is a fence: Postgres plans this subquery for every match (the GIN
  // indexes) instead of walking the order index for the first few, then sorts the matches.
  const found = db
    .select({ ...listedColumns, sortKey: sql`${order.key}`.as("sort_key"), sortTie: sql`${order.tie}`.as("sort_tie"), matches: sql`count(*) over ()`.as("matches") })
    .from(bookmarks)
    .where(and(scope, windowFull, wordsMatch(order.terms, bookmarks.search, bookmarks.contentSearch)))
    .as("found");
  const all = await db
    .select(columnsOf(found))
    .from(found)
    .orderBy(direction(found.sortKey), direction(found.sortTie))
    .limit(limit);
  // Nothing here: the window was the whole list (or nothing matches at all, in both).
  return all.length > 0 ? all : inWindow;
}

/** The tags in use, for filters and autocomplete. */
export async function listTags(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${bookmarks.tags})` })
    .from(bookmarks)
    .where(savedIn(workspaceId));
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b));
}

export async function findBookmark(db: Database, workspaceId: string, id: string): Promise<BookmarkRow | null> {
  const [row] = await db.select().from(bookmarks).where(and(inWorkspace(workspaceId), eq(bookmarks.id, id)));
  return row ?? null;
}

export async function countBookmarks(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookmarks)
    .where(savedIn(workspaceId));
  return row?.n ?? 0;
}

export async function findBookmarks(db: Database, workspaceId: string, ids: string[]): Promise<BookmarkRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(bookmarks)
    .where(and(inWorkspace(workspaceId), inArray(bookmarks.id, ids)));
}
