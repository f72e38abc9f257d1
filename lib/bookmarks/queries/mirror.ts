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
    notionUrl: row.notionUrl,
    inTrash: row.inTrash,
    syncState: row.syncState,
    syncError: row.syncError,
  };
}

type Cursor = { key: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    return typeof key === "string" && typeof id === "string" ? { key, id } : null;
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
 * The rows a list's search and tag filter match, in the saved rows or the trash: the list's own
 * condition, which bulk actions' "select all matching" resolves too.
 */
export function matching(workspaceId: string, query: Pick<ListQuery, "q" | "tags">, trash = false): Array<SQL | undefined> {
  const where: Array<SQL | undefined> = [trash ? and(inWorkspace(workspaceId), eq(bookmarks.inTrash, true)) : savedIn(workspaceId)];
  const terms = searchQuery(query.q);
  if (terms) where.push(sql`${bookmarks.search} @@ to_tsquery('simple', ${terms})`);
  if (query.tags.length > 0) where.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);
  return where;
}

/**
 * One page of the mirror, keyset-paginated on (sort key, id) so page 200 costs what page 1 does.
 * Every order has its index (db/schema.ts); search uses the GIN index on `search`.
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where: Array<SQL | undefined> = matching(workspaceId, query);

  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.createdTime;
  const ascending = query.sort !== "newest";
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const after = ascending ? sql`(${key}, ${bookmarks.id}) > (${keyValue}, ${cursor.id})` : sql`(${key}, ${bookmarks.id}) < (${keyValue}, ${cursor.id})`;
    where.push(after);
  }
  const order = ascending ? [asc(key), asc(bookmarks.id)] : [desc(key), desc(bookmarks.id)];
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
      ? encodeCursor({ key: byTitle ? last.title.toLowerCase() : last.createdTime.toISOString(), id: last.id })
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
