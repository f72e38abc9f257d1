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
    notionUrl: row.notionUrl,
    inTrash: row.inTrash,
    syncState: row.syncState,
    syncError: row.syncError,
  };
}

/**
 * A row's place in the order, the number of the page it leads to, and the way: `before` pages
 * towards the start of the list (to the previous page). The number lets "Previous" on page 2 be
 * the plain first page without a query to find out.
 */
type Cursor = { key: string; id: string; page: number; before: boolean };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id, cursor.page, cursor.before ? 1 : 0])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, id, page, before] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof key !== "string" || typeof id !== "string") return null;
    // A cursor from before page numbers (a bookmarked URL) leads to a second page.
    return { key, id, page: Number.isSafeInteger(page) && (page as number) >= 2 ? (page as number) : 2, before: before === 1 };
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
 * One page of the mirror, keyset-paginated on (sort key, id) both ways, so page 200 costs what
 * page 1 does. Every order has its index (db/schema.ts); search uses the GIN indexes on `search`
 * and on `content_search` (the saved article's words, lib/content).
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where: Array<SQL | undefined> = [savedIn(workspaceId)];
  const terms = searchQuery(query.q);
  if (terms) where.push(sql`(${bookmarks.search} @@ to_tsquery('simple', ${terms}) or ${bookmarks.contentSearch} @@ to_tsquery('simple', ${terms}))`);
  if (query.tags.length > 0) where.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);

  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.createdTime;
  const ascending = query.sort !== "newest";
  const keyOf = (row: BookmarkRow) => (byTitle ? row.title.toLowerCase() : row.createdTime.toISOString());
  const cursor = decodeCursor(query.cursor);
  // Backwards, the rows before the cursor are read in the reverse order and turned back.
  const forward = !cursor?.before;
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const after = ascending === forward ? sql`(${key}, ${bookmarks.id}) > (${keyValue}, ${cursor.id})` : sql`(${key}, ${bookmarks.id}) < (${keyValue}, ${cursor.id})`;
    where.push(after);
  }
  const order = ascending === forward ? [asc(key), asc(bookmarks.id)] : [desc(key), desc(bookmarks.id)];
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
  const nextCursor = last && (more || !forward) ? encodeCursor({ key: keyOf(last), id: last.id, page: page + 1, before: false }) : null;
  let prevCursor: string | null = null;
  if (cursor && (forward || more)) {
    prevCursor = page <= 2 || !first ? FIRST_PAGE : encodeCursor({ key: keyOf(first), id: first.id, page: page - 1, before: true });
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
