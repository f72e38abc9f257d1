// Duplicates: the same normalized URL saved more than once. bookmark_url_counts (kept by triggers,
// db/schema.ts) names them; its partial index holds only the URLs with more than one copy.
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, bookmarkUrlCounts, type BookmarkRow } from "@/db/schema";
import { listedColumns, type ListedRow } from "./mirror";
import { inWorkspace, savedIn } from "./scope";

/** The oldest bookmark of the workspace, not in the trash, saved under this normalized URL. */
export async function findByNormalizedUrl(db: Database, workspaceId: string, normalizedUrl: string): Promise<BookmarkRow | null> {
  const [row] = await db
    .select()
    .from(bookmarks)
    .where(and(inWorkspace(workspaceId), eq(bookmarks.normalizedUrl, normalizedUrl), eq(bookmarks.inTrash, false)))
    .orderBy(asc(bookmarks.createdTime), asc(bookmarks.id))
    .limit(1);
  return row ?? null;
}

const duplicatedIn = (workspaceId: string) => and(eq(bookmarkUrlCounts.workspaceId, workspaceId), gt(bookmarkUrlCounts.copies, 1));

/** Bookmarks whose normalized URL is saved more than once, by URL then oldest first; at most `maxGroups` URLs. */
export async function listDuplicateRows(db: Database, workspaceId: string, maxGroups: number): Promise<ListedRow[]> {
  const urls = db
    .select({ normalizedUrl: bookmarkUrlCounts.normalizedUrl })
    .from(bookmarkUrlCounts)
    .where(duplicatedIn(workspaceId))
    .orderBy(bookmarkUrlCounts.normalizedUrl)
    .limit(maxGroups)
    .as("urls");
  return db
    .select(listedColumns)
    .from(bookmarks)
    .innerJoin(urls, eq(urls.normalizedUrl, bookmarks.normalizedUrl))
    .where(savedIn(workspaceId))
    .orderBy(asc(bookmarks.normalizedUrl), asc(bookmarks.createdTime), asc(bookmarks.id));
}

/** How many bookmarks a merge of every duplicate group would move to the trash. */
export async function countDuplicates(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${bookmarkUrlCounts.copies} - 1), 0)::int` })
    .from(bookmarkUrlCounts)
    .where(duplicatedIn(workspaceId));
  return row?.n ?? 0;
}
