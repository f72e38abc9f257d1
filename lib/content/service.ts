/**
 * Readable content for bookmarks: queued with a save or an import when the workspace asks for it,
 * or by the person per bookmark; written by the content writer (writer.ts) in the background,
 * never holding up the save.
 */
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { findBookmark } from "@/lib/bookmarks/queries";
import { UserFacingError } from "@/lib/errors";
import { findWorkspace, setContentMode } from "@/lib/workspaces/queries";
import { CONTENT_PRIORITY, findContent, queueContent, requeueContent } from "./queries";
import type { PollingLoop } from "@/lib/background/polling-loop";
import { startContentWriter } from "./writer";

export type ContentMode = Workspace["contentMode"];

type Context = { db: Database; workspace: Workspace };

/**
 * In the transaction of a save (`kind: "save"`) or of an import's batch: queues the content of
 * the new bookmarks when the workspace's setting covers them. Imports go behind everything else.
 */
export async function contentLater(
  tx: Database,
  workspace: Pick<Workspace, "id" | "contentMode"> | string,
  bookmarkIds: string[],
  kind: "save" | "imported",
): Promise<void> {
  if (bookmarkIds.length === 0) return;
  // A save has its workspace at hand; an import batch reads the setting once.
  const { id: workspaceId, contentMode: mode } = typeof workspace === "string" ? ((await findWorkspace(tx, workspace)) ?? { id: workspace, contentMode: "off" }) : workspace;
  if (mode === "off" || (kind === "imported" && mode !== "saves_and_imports")) return;
  const priority = kind === "save" ? CONTENT_PRIORITY.save : CONTENT_PRIORITY.imported;
  await queueContent(tx, bookmarkIds.map((bookmarkId) => ({ workspaceId, bookmarkId, priority })));
}

/**
 * "Save content now" and "Refresh content": (re)writes the body. A body edited in Notion is kept
 * unless `replaceEdited` (the person confirmed); the job then stops as a conflict and says so.
 */
export async function writeContentNow(ctx: Context, bookmarkId: string, replaceEdited = false): Promise<void> {
  if (!(await findBookmark(ctx.db, ctx.workspace.id, bookmarkId))) throw new UserFacingError("This bookmark was not found.", "not_found");
  if (!(await requeueContent(ctx.db, { workspaceId: ctx.workspace.id, bookmarkId, replaceEdited }))) {
    throw new UserFacingError("Shelf is writing this bookmark's content right now. Try again when it is done.", "busy");
  }
  kickContentWriter();
}

export async function chooseContentMode(ctx: Context, mode: ContentMode): Promise<void> {
  await setContentMode(ctx.db, ctx.workspace.id, mode);
}

export const contentOf = (ctx: Context, bookmarkId: string) => findContent(ctx.db, ctx.workspace.id, bookmarkId);

const globalForWriter = globalThis as unknown as { shelfContentWriter?: PollingLoop };

/** The server's content writer (one per process, kept across dev reloads). */
export function serverContentWriter(db: Database): PollingLoop {
  globalForWriter.shelfContentWriter ??= startContentWriter(db);
  return globalForWriter.shelfContentWriter;
}

export function kickContentWriter(): void {
  globalForWriter.shelfContentWriter?.kick();
}
