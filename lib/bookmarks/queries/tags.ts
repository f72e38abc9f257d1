// Tags across the mirror: counts for the tag screen and filter menu, and the mirror's side of a
// rename, merge or delete (docs/decisions/032).
import { and, eq, sql, type SQLWrapper } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, pendingWrites } from "@/db/schema";
import { inWorkspace, savedIn } from "./scope";

export type TagCount = { tag: string; count: number };

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Every tag of the bookmarks outside the trash with how many carry it; one pass over the GIN-indexed column. */
export async function tagCounts(db: Database, workspaceId: string): Promise<TagCount[]> {
  const tag = sql<string>`unnest(${bookmarks.tags})`;
  const rows = await db
    .select({ tag, count: sql<number>`count(*)::int` })
    .from(bookmarks)
    .where(savedIn(workspaceId))
    .groupBy(sql`1`);
  return rows.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Whether any bookmark of the workspace, in the trash or not, carries the tag (exact name). */
export async function tagInUse(db: Database, workspaceId: string, tag: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bookmarks.id })
    .from(bookmarks)
    .where(and(inWorkspace(workspaceId), sql`${bookmarks.tags} @> ${sql.param([tag])}::text[]`))
    .limit(1);
  return row !== undefined;
}

/**
 * The tag list of every row carrying `from`, with `from` replaced by `to` (or dropped when the row
 * has `to` already, or when `to` is null), keeping the order. SQL over the array, so 5,000 rows
 * are one statement.
 */
function replaced(column: SQLWrapper, from: string, to: string | null) {
  return to === null
    ? sql`array_remove(${column}, ${from})`
    : sql`case when ${to} = any(${column}) then array_remove(${column}, ${from}) else array_replace(${column}, ${from}, ${to}) end`;
}

/**
 * A rename or delete Notion made itself (in place, on every page, in the trash too): the mirror
 * follows without the outbox (`mirror`), and writes still waiting in the outbox get `outbox`
 * instead of `from`, so delivering them later does not bring the old option back. Null drops the
 * tag. Returns the mirror rows changed.
 */
export async function replaceTagEverywhere(
  tx: Transaction,
  workspaceId: string,
  from: string,
  to: { mirror: string | null; outbox: string | null },
): Promise<number> {
  const changed = await tx
    .update(bookmarks)
    .set({ tags: replaced(bookmarks.tags, from, to.mirror) })
    .where(and(inWorkspace(workspaceId), sql`${bookmarks.tags} @> ${sql.param([from])}::text[]`))
    .returning({ id: bookmarks.id });
  const tags = sql`array(select jsonb_array_elements_text(${pendingWrites.payload} -> 'tags'))`;
  await tx
    .update(pendingWrites)
    .set({ payload: sql`jsonb_set(${pendingWrites.payload}, '{tags}', to_jsonb(${replaced(tags, from, to.outbox)}))` })
    .where(and(eq(pendingWrites.workspaceId, workspaceId), sql`jsonb_exists(${pendingWrites.payload} -> 'tags', ${from})`));
  return changed.length;
}

/**
 * A merge Notion can't do in place: every bookmark outside the trash carrying `from` gets its tag
 * list with `to` instead, in the mirror and as one outbox update each (the whole payload, as every
 * edit), in one transaction, so each page is edited exactly once. Returns how many were queued.
 */
export async function queueTagMerge(tx: Transaction, workspaceId: string, from: string, to: string): Promise<number> {
  const rows = await tx
    .update(bookmarks)
    .set({ tags: replaced(bookmarks.tags, from, to), lastEditedTime: new Date(), syncState: "pending", syncError: null })
    .where(and(savedIn(workspaceId), sql`${bookmarks.tags} @> ${sql.param([from])}::text[]`))
    .returning({ id: bookmarks.id, title: bookmarks.title, url: bookmarks.url, description: bookmarks.description, tags: bookmarks.tags });
  const BATCH = 1_000;
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insert(pendingWrites).values(
      rows.slice(i, i + BATCH).map(({ id, ...payload }) => ({ workspaceId, bookmarkId: id, kind: "update" as const, payload })),
    );
  }
  return rows.length;
}
