// Sync upserts: what a read of Notion changes in the mirror.
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, pendingWrites } from "@/db/schema";
import type { NotionBookmark } from "@/lib/notion/mapping";
import { couldHaveMade, type UnfinishedCreate } from "../lost-creates";
import { normalizeUrl } from "../url";
import { inWorkspace } from "./scope";

/**
 * Upserts bookmarks read from Notion, except pages that an unfinished create of this workspace
 * could have made: only the outbox links a page to a bookmark (docs/decisions/008), so such a page
 * waits, unlisted, until its create is completed or given up. Returns those it left alone.
 *
 * Why this cannot race the outbox: a create is recorded before Notion is called and is deleted in
 * the same transaction that links its page. So when the check below finds no unfinished create,
 * the page is either linked already (and the insert's conflict target finds that row) or not one
 * of Shelf's. Rows with local writes still on their way keep their local values (the outbox will
 * make Notion match), and an older read never overwrites a newer one.
 */
export async function upsertFromNotion(db: Database, workspaceId: string, pages: NotionBookmark[]): Promise<NotionBookmark[]> {
  if (pages.length === 0) return [];
  const linked = await linkedPageIds(db, workspaceId, pages.map((p) => p.id));
  const unlinked = pages.filter((p) => !linked.has(p.id));
  const creates = await unfinishedCreates(db, workspaceId, [...new Set(unlinked.map((p) => p.url))]);
  const deferred = unlinked.filter((page) => creates.some((create) => couldHaveMade(create, page)));
  const settled = pages.filter((page) => !deferred.includes(page));
  if (settled.length === 0) return deferred;

  // Rows Notion made get their seq here, at first sight: sorted by (saved, page id) so a batch
  // numbers them the same way whoever reads it (docs/decisions/030). Rows already mirrored keep theirs.
  const ordered = [...settled].sort((a, b) => Date.parse(a.savedAt) - Date.parse(b.savedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const values = ordered.map((b) => ({
    workspaceId,
    notionPageId: b.id,
    notionUrl: b.notionUrl,
    title: b.title,
    url: b.url,
    normalizedUrl: normalizeUrl(b.url),
    description: b.description,
    tags: b.tags,
    createdTime: new Date(b.createdTime),
    lastEditedTime: new Date(b.lastEditedTime),
    savedAt: new Date(b.savedAt),
    inTrash: b.inTrash,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(bookmarks)
    .values(values)
    .onConflictDoUpdate({
      target: [bookmarks.workspaceId, bookmarks.notionPageId],
      set: {
        notionUrl: excluded("notion_url"),
        title: excluded("title"),
        url: excluded("url"),
        normalizedUrl: excluded("normalized_url"),
        description: excluded("description"),
        tags: excluded("tags"),
        createdTime: excluded("created_time"),
        lastEditedTime: excluded("last_edited_time"),
        savedAt: excluded("saved_at"),
        inTrash: excluded("in_trash"),
      },
      setWhere: sql`${bookmarks.syncState} = 'synced' and ${bookmarks.lastEditedTime} <= excluded.last_edited_time`,
    });
  return deferred;
}

/** Creates of the workspace not yet linked to a page (pending or parked), sent with one of these URLs. */
async function unfinishedCreates(db: Database, workspaceId: string, urls: string[]): Promise<UnfinishedCreate[]> {
  if (urls.length === 0) return [];
  const rows = await db
    .select({ payload: pendingWrites.payload, createdAt: pendingWrites.createdAt })
    .from(pendingWrites)
    .innerJoin(bookmarks, eq(bookmarks.id, pendingWrites.bookmarkId))
    .where(
      and(
        eq(pendingWrites.workspaceId, workspaceId),
        eq(pendingWrites.kind, "create"),
        isNull(bookmarks.notionPageId),
        inArray(sql<string>`${pendingWrites.payload}->>'url'`, urls),
      ),
    );
  return rows.flatMap((r) => (r.payload ? [{ payload: r.payload, createdAt: r.createdAt }] : []));
}

/** Marks synced rows trashed in Notion (seen in the trash, or absent from a full pass). */
export async function markTrashedInNotion(
  db: Database,
  workspaceId: string,
  selector: { trashed: string[] } | { allBut: string[] },
): Promise<number> {
  const pageMatch =
    "trashed" in selector
      ? inArray(bookmarks.notionPageId, selector.trashed)
      : selector.allBut.length > 0
        ? notInArray(bookmarks.notionPageId, selector.allBut)
        : isNotNull(bookmarks.notionPageId);
  if ("trashed" in selector && selector.trashed.length === 0) return 0;
  const rows = await db
    .update(bookmarks)
    .set({ inTrash: true })
    .where(
      and(
        inWorkspace(workspaceId),
        eq(bookmarks.inTrash, false),
        eq(bookmarks.syncState, "synced"),
        isNotNull(bookmarks.notionPageId),
        pageMatch,
      ),
    )
    .returning({ id: bookmarks.id });
  return rows.length;
}

/** Pages already linked to a bookmark of the workspace: a recovered create never claims one twice, and the sync updates them. */
export async function linkedPageIds(db: Database, workspaceId: string, pageIds: string[]): Promise<Set<string>> {
  if (pageIds.length === 0) return new Set();
  const rows = await db
    .select({ id: bookmarks.notionPageId })
    .from(bookmarks)
    .where(and(inWorkspace(workspaceId), inArray(bookmarks.notionPageId, pageIds)));
  return new Set(rows.map((r) => r.id!));
}
