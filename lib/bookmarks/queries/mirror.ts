// Mirror reads: the workspace's bookmarks as the dashboard lists, counts and opens them.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, type BookmarkRow } from "@/db/schema";
import type { ListQuery } from "../schema";
import type { Bookmark } from "../types";
import { inWorkspace, savedIn } from "./scope";

export const PAGE_SIZE = 50;

/**
 * `prevCursor` is null on the first page, and "" (FIRST_PAGE) when the previous page is the first
 * one, so "Previous" lands on the plain first page, where new bookmarks show.
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

/** A row's place in the order; `before` pages towards the start of the list (to the previous page). */
type Cursor = { key: string; id: string; before: boolean };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor.before ? [cursor.key, cursor.id, "before"] : [cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, id, direction] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    return typeof key === "string" && typeof id === "string" ? { key, id, before: direction === "before" } : null;
  } catch {
    return null;
  }
}

/** Words of a search as a prefix match on every word, in the folding the search column uses. */
function searchQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w.toLowerCase()}:*`).join(" & ") : null;
}

/**
 * One page of the mirror, keyset-paginated on (sort key, id) both ways, so page 200 costs what
 * page 1 does. Every order has its index (db/schema.ts); search uses the GIN index on `search`.
 * A page reached by a cursor asks (up to a page of rows) what lies before it, for "Previous".
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const filters: Array<SQL | undefined> = [savedIn(workspaceId)];
  const terms = searchQuery(query.q);
  if (terms) filters.push(sql`${bookmarks.search} @@ to_tsquery('simple', ${terms})`);
  if (query.tags.length > 0) filters.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);

  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.createdTime;
  const ascending = query.sort !== "newest";
  const keyOf = (row: BookmarkRow) => (byTitle ? row.title.toLowerCase() : row.createdTime.toISOString());
  // Rows past `row` towards the end of the list (forward) or towards its start.
  const past = (row: { key: string; id: string }, forward: boolean) => {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates differently.
    const keyValue = byTitle ? sql`${row.key}` : sql`${row.key}::timestamptz`;
    return ascending === forward ? sql`(${key}, ${bookmarks.id}) > (${keyValue}, ${row.id})` : sql`(${key}, ${bookmarks.id}) < (${keyValue}, ${row.id})`;
  };
  const inOrder = (forward: boolean) => (ascending === forward ? [asc(key), asc(bookmarks.id)] : [desc(key), desc(bookmarks.id)]);

  const cursor = decodeCursor(query.cursor);
  const forward = !cursor?.before;
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(...filters, cursor ? past(cursor, forward) : undefined))
    .orderBy(...inOrder(forward))
    .limit(pageSize + 1);

  const items = rows.slice(0, pageSize);
  if (!forward) items.reverse();
  const first = items.at(0);
  const last = items.at(-1);
  // A page reached backwards always has the page it came from after it.
  const nextCursor = last && (!forward || rows.length > pageSize) ? encodeCursor({ key: keyOf(last), id: last.id, before: false }) : null;

  let prevCursor: string | null = null;
  if (cursor && first) {
    const firstAt = { key: keyOf(first), id: first.id };
    const earlier = await db
      .select({ id: bookmarks.id })
      .from(bookmarks)
      .where(and(...filters, past(firstAt, false)))
      .orderBy(...inOrder(false))
      .limit(pageSize + 1);
    if (earlier.length > pageSize) prevCursor = encodeCursor({ ...firstAt, before: true });
    else if (earlier.length > 0) prevCursor = FIRST_PAGE;
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
