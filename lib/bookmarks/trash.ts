// The Trash view: bookmarks trashed in Shelf or in Notion (the sync brings Notion's trash too), and
// restoring them through the outbox's `restore` writes.
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { countTrashed, listTrashed } from "./queries";
import { listVersion, trashBookmark } from "./service";
import type { Bookmark } from "./types";

type Context = { db: Database; workspace: Workspace };

/** How many trashed bookmarks the view lists at once; the total is said when there are more. */
export const TRASH_PAGE = 200;

export type TrashList = { items: Bookmark[]; total: number; version: string };

/** The trash, newest first, with the list's version so the open view follows syncs (as the dashboard does). */
export async function listTrash(ctx: Context): Promise<TrashList> {
  const [items, total, version] = await Promise.all([
    listTrashed(ctx.db, ctx.workspace.id, TRASH_PAGE),
    countTrashed(ctx.db, ctx.workspace.id),
    listVersion(ctx),
  ]);
  return { items, total, version };
}

/** Restores each bookmark (mirror now, Notion through the outbox); stops at the first that fails. */
export async function restoreBookmarks(ctx: Context, ids: readonly string[]): Promise<{ restored: number }> {
  for (const id of ids) await trashBookmark(ctx, id, false);
  return { restored: ids.length };
}
