/**
 * Readable content for bookmarks: queued with a save or an import when the workspace asks for it,
 * or by the person per bookmark; written by the content writer (writer.ts) in the background,
 * never holding up the save.
 */
import type { Database } from "@/db/client";
import type { BookmarkContent, Workspace } from "@/db/schema";
import { findBookmark, toBookmark } from "@/lib/bookmarks/queries";
import type { Bookmark } from "@/lib/bookmarks/types";
import { UserFacingError } from "@/lib/errors";
import type { ArticleBlock } from "@/lib/reader/types";
import { findWorkspace, setContentMode } from "@/lib/workspaces/queries";
import type { ContentMode, ContentState } from "./types";
import { CONTENT_PRIORITY, contentSnippets, findContent, queueContent, requeueContent } from "./queries";
import type { PollingLoop } from "@/lib/background/polling-loop";
import { startContentWriter } from "./writer";

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
  await ownBookmark(ctx, bookmarkId);
  if (!(await requeueContent(ctx.db, { workspaceId: ctx.workspace.id, bookmarkId, replaceEdited }))) {
    throw new UserFacingError("Shelf is writing this bookmark's content right now. Try again when it is done.", "busy");
  }
  kickContentWriter();
}

export async function chooseContentMode(ctx: Context, mode: ContentMode): Promise<void> {
  await setContentMode(ctx.db, ctx.workspace.id, mode);
}

export const contentOf = (ctx: Context, bookmarkId: string) => findContent(ctx.db, ctx.workspace.id, bookmarkId);

export function describeContent(row: BookmarkContent | null): ContentState {
  if (!row) return { status: "none" };
  switch (row.status) {
    case "queued":
      // A retry keeps the row queued; its reason says what the last attempt met.
      return { status: "queued", reason: row.reason };
    case "writing":
      return { status: "writing", done: row.chunksDone, total: row.chunks?.length ?? null };
    case "done":
      return { status: "done", capturedAt: (row.capturedAt ?? row.updatedAt).toISOString() };
    default:
      return { status: row.status, reason: row.reason ?? "Shelf could not save this page's content." };
  }
}

/** A bookmark of this workspace (not in the trash), or not found — someone else's id included. */
async function ownBookmark(ctx: Context, bookmarkId: string) {
  const row = await findBookmark(ctx.db, ctx.workspace.id, bookmarkId);
  if (!row || row.inTrash) throw new UserFacingError("This bookmark was not found.", "not_found");
  return row;
}

export async function contentState(ctx: Context, bookmarkId: string): Promise<ContentState> {
  await ownBookmark(ctx, bookmarkId);
  return describeContent(await findContent(ctx.db, ctx.workspace.id, bookmarkId));
}

/** What the reader view shows: the bookmark, where its content stands and, once saved, the article. */
export type ReaderPage = {
  bookmark: Bookmark;
  state: ContentState;
  article: { title: string; byline: string | null; siteName: string | null; publishedTime: string | null; blocks: ArticleBlock[] } | null;
};

/** The reader view's bookmark, or null when this workspace has no such bookmark (or it is in the trash). */
export async function readerPage(ctx: Context, bookmarkId: string): Promise<ReaderPage | null> {
  const row = await findBookmark(ctx.db, ctx.workspace.id, bookmarkId);
  if (!row || row.inTrash) return null;
  const content = await findContent(ctx.db, ctx.workspace.id, bookmarkId);
  const state = describeContent(content);
  // A refresh under way keeps the previous article readable; the text is replaced only when it is done.
  const kept = content?.text ? content : null;
  const article = kept && {
    title: kept.meta?.title || row.title,
    byline: kept.meta?.byline ?? null,
    siteName: kept.meta?.siteName ?? null,
    publishedTime: kept.meta?.publishedTime ?? null,
    // Content saved before the blocks were kept shows as its paragraphs of text.
    blocks: (kept.blocks as ArticleBlock[] | null) ?? kept.text!.split("\n").filter(Boolean).map((text): ArticleBlock => ({ type: "paragraph", inlines: [{ text }] })),
  };
  return { bookmark: toBookmark(row), state, article };
}

/** The saved articles' best passages for a search, by bookmark id, for the rows on screen. */
export async function searchSnippets(ctx: Context, bookmarkIds: string[], q: string | undefined): Promise<Record<string, string>> {
  if (!q?.trim()) return {};
  return Object.fromEntries(await contentSnippets(ctx.db, ctx.workspace.id, bookmarkIds, q));
}

const globalForWriter = globalThis as unknown as { shelfContentWriter?: PollingLoop };

/** The server's content writer (one per process, kept across dev reloads). */
export function serverContentWriter(db: Database): PollingLoop {
  globalForWriter.shelfContentWriter ??= startContentWriter(db);
  return globalForWriter.shelfContentWriter;
}

export function kickContentWriter(): void {
  globalForWriter.shelfContentWriter?.kick();
}
