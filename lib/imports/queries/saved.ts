// The saved bookmarks an import compares against and an export reads, apart from the import
// jobs' own tables (index.ts).
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { bookmarks } from "@/db/schema";
import { savedIn } from "@/lib/bookmarks/queries/scope";
import { selectionWhere, type Selection } from "@/lib/bulk/queries";
import type { ExportBookmark } from "@/lib/bookmark-files";

/** Normalized URLs of the workspace's bookmarks that are not in the trash. */
export async function savedNormalizedUrls(db: Database, workspaceId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ url: bookmarks.normalizedUrl })
    .from(bookmarks)
    .where(savedIn(workspaceId));
  return new Set(rows.map((r) => r.url));
}

// Rows an export reads at once: a few hundred KB of text, whatever the size of the workspace.
const EXPORT_BATCH = 1000;

/** Which saved bookmarks an export batch takes: all, only those without a tag, those with one tag, or a bulk selection. */
export type SavedFilter = { untagged: true } | { tag: string } | { selection: Selection; workspaceId: string } | undefined;

function savedFilter(filter: SavedFilter) {
  if (!filter) return undefined;
  if ("selection" in filter) return selectionWhere(filter.workspaceId, filter.selection);
  if ("untagged" in filter) return sql`not exists (select 1 from unnest(${bookmarks.tags}) as t(tag) where btrim(t.tag) <> '')`;
  return sql`exists (select 1 from unnest(${bookmarks.tags}) as t(tag) where btrim(t.tag) = ${filter.tag})`;
}

/**
 * The workspace's saved bookmarks (not in the trash), oldest first, a batch at a time: keyset pages
 * on (saved_at, seq), the order of the saved-at index and of the list. The file's date of each
 * link is when it was saved.
 */
export async function* savedBookmarkBatches(db: Database, workspaceId: string, filter?: SavedFilter): AsyncGenerator<ExportBookmark[]> {
  let after: { savedAt: Date; seq: number } | undefined;
  for (;;) {
    const rows = await db
      .select({ seq: bookmarks.seq, url: bookmarks.url, title: bookmarks.title, description: bookmarks.description, tags: bookmarks.tags, savedAt: bookmarks.savedAt })
      .from(bookmarks)
      .where(
        and(
          savedIn(workspaceId),
          savedFilter(filter),
          after && or(gt(bookmarks.savedAt, after.savedAt), and(eq(bookmarks.savedAt, after.savedAt), gt(bookmarks.seq, after.seq))),
        ),
      )
      .orderBy(asc(bookmarks.savedAt), asc(bookmarks.seq))
      .limit(EXPORT_BATCH);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ url: row.url, title: row.title, description: row.description, tags: row.tags, createdTime: row.savedAt.toISOString() }));
    if (rows.length < EXPORT_BATCH) return;
    const last = rows.at(-1)!;
    after = { savedAt: last.savedAt, seq: last.seq };
  }
}

/**
 * The tags of the workspace's saved bookmarks in the order each first appears (oldest bookmark
 * first), as the Netscape export's folders are ordered. Whitespace-only tags name no folder.
 */
export async function tagsInFirstUseOrder(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db.execute(sql`
    select tag from (
      select distinct on (btrim(t.tag)) btrim(t.tag) as tag, b.saved_at, b.seq
      from ${bookmarks} b, unnest(b.tags) as t(tag)
      where b.workspace_id = ${workspaceId} and not b.in_trash and btrim(t.tag) <> ''
      order by btrim(t.tag), b.saved_at, b.seq
    ) first_seen order by saved_at, seq
  `);
  return resultRows<{ tag: string }>(rows).map((r) => r.tag);
}
