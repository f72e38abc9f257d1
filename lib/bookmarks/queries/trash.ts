// The trash: mirror rows in Notion's trash, whether Shelf or a person in Notion put them there.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks } from "@/db/schema";
import type { Bookmark } from "../types";
import { toBookmark } from "./mirror";
import { inWorkspace } from "./scope";

const trashedIn = (workspaceId: string) => and(inWorkspace(workspaceId), eq(bookmarks.inTrash, true));

/** The most recently trashed first (a trash is edited when it is trashed); at most `limit`. */
export async function listTrashed(db: Database, workspaceId: string, limit: number): Promise<Bookmark[]> {
  const rows = await db
    .select()
    .from(bookmarks)
    .where(trashedIn(workspaceId))
    .orderBy(desc(bookmarks.lastEditedTime), desc(bookmarks.id))
    .limit(limit);
  return rows.map(toBookmark);
}

export async function countTrashed(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(bookmarks).where(trashedIn(workspaceId));
  return row?.n ?? 0;
}
