// Mirror reads: the workspace's bookmarks as the dashboard lists, counts and opens them.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, type BookmarkRow } from "@/db/schema";
import type { ListQuery } from "../schema";
import type { Bookmark } from "../types";
import { inWorkspace, savedIn } from "./scope";

export const PAGE_SIZE = 50;

export type MirrorPage = { items: Bookmark[]; nextCursor: string | null };

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

/** Where a page ends: the last row's sort key and its tie-breaker (Shelf's id by title, seq by date). */
type Cursor = { key: string; tie: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.tie])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, tie] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    return typeof key === "string" && typeof tie === "string" ? { key, tie } : null;
  } catch {
    return null;
  }
}

/** Words of a search as a prefix match on every word, in the folding the search column uses. */
function searchQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w.toLowerCase()}:*`).join(" & ") : null;
}

/** The saved rows a search and tag filter select: title, URL (so the host), description and tags, by word prefix. */
function matching(workspaceId: string, query: Pick<ListQuery, "q" | "tags">): Array<SQL | undefined> {
  const where: Array<SQL | undefined> = [savedIn(workspaceId)];
  const terms = searchQuery(query.q);
  if (terms) where.push(sql`${bookmarks.search} @@ to_tsquery('simple', ${terms})`);
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
 * One page of the mirror, keyset-paginated on (sort key, id) so page 200 costs what page 1 does.
 * Every order has its index (db/schema.ts); search uses the GIN index on `search`.
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where = matching(workspaceId, query);

  // By date: (saved_at, seq), the instant it was saved and then save order, so links saved in
  // the same millisecond (an import's batch) still list in a fixed order (docs/decisions/110).
  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.savedAt;
  const tie = byTitle ? bookmarks.id : bookmarks.seq;
  const ascending = query.sort !== "newest";
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates and bigints differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const tieValue = byTitle ? sql`${cursor.tie}` : sql`${cursor.tie}::bigint`;
    where.push(ascending ? sql`(${key}, ${tie}) > (${keyValue}, ${tieValue})` : sql`(${key}, ${tie}) < (${keyValue}, ${tieValue})`);
  }
  const order = ascending ? [asc(key), asc(tie)] : [desc(key), desc(tie)];
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize + 1);

  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor(byTitle ? { key: last.title.toLowerCase(), tie: last.id } : { key: last.savedAt.toISOString(), tie: String(last.seq) })
      : null;
  return { items: items.map(toBookmark), nextCursor };
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
