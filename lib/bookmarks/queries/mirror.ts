// Mirror reads: the workspace's bookmarks as the dashboard lists, counts and opens them.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
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

export function toBookmark(row: BookmarkRow): Bookmark {
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
  if (terms) where.push(sql`(${bookmarks.search} @@ to_tsquery('simple', ${terms}) or ${bookmarks.contentSearch} @@ to_tsquery('simple', ${terms}))`);
  if (query.tags.length > 0) where.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);
  return where;
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
 * what page 1 does. Every order has its index (db/schema.ts); search uses the GIN indexes on
 * `search` and `content_search`.
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where = matching(workspaceId, query);

  // By date: (saved_at, seq), the instant it was saved and then save order, so links saved in
  // the same millisecond (an import's batch) still list in a fixed order (docs/decisions/030).
  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.savedAt;
  const tie = byTitle ? bookmarks.id : bookmarks.seq;
  const ascending = query.sort !== "newest";
  const placeOf = (row: BookmarkRow) => (byTitle ? { key: row.title.toLowerCase(), tie: row.id } : { key: row.savedAt.toISOString(), tie: String(row.seq) });
  const cursor = decodeCursor(query.cursor, byTitle);
  // Backwards, the rows before the cursor are read in the reverse order and turned back.
  const forward = !cursor?.before;
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates and bigints differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const tieValue = byTitle ? sql`${cursor.tie}` : sql`${cursor.tie}::bigint`;
    where.push(ascending === forward ? sql`(${key}, ${tie}) > (${keyValue}, ${tieValue})` : sql`(${key}, ${tie}) < (${keyValue}, ${tieValue})`);
  }
  const order = ascending === forward ? [asc(key), asc(tie)] : [desc(key), desc(tie)];
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(...where))
    .orderBy(...order)
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
