import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { notionForWorkspace, ReconnectRequiredError } from "@/lib/notion/client";
import { notionFailure } from "@/lib/notion/errors";
import { findWorkspace } from "@/lib/workspaces/queries";
import {
  deliveryTrouble,
  discardParked,
  countMatching,
  listMirror,
  mirrorCounts,
  recordChange,
  recordCreate,
  retryParked,
  tagCounts,
  toBookmark,
  type DeliveryTrouble,
  type LocalChange,
  type MirrorCounts,
  type MirrorPage,
} from "./queries";
import { emptyFields, fillFromPageLater, kickPageReader, pagesBeingRead } from "./page-metadata";
import { contentLater } from "@/lib/content/service";
import type { BookmarkInput, ListQuery } from "./schema";
import { resolveSource } from "./source";
import { isSyncing, syncInBackground, syncWorkspace, type SyncResult } from "./sync";
import type { Bookmark } from "./types";
import { kickWorker } from "./worker";

type Context = { db: Database; workspace: Workspace };

export type SyncStatus = {
  lastSyncedAt: string | null;
  syncing: boolean;
  /** Rows read so far while the mirror is filled the first time. */
  progress: number | null;
  pending: number;
  parked: number;
  /** New bookmarks whose page is still being read for a title or description (the screen keeps refreshing). */
  readingPages: number;
  /** Changes Notion refused or never answered for, still to be retried: said in words on the dashboard. */
  trouble: DeliveryTrouble | null;
  /** Changes whenever what the list shows would (listVersion): an open page compares it to know when to re-render. */
  version: string;
};

/** Why a list is shown but can't be changed: Notion's access ended, or its database is gone. */
export type ReadOnlyReason = "reconnect_required" | "needs_setup";

/** `tagCounts`: how many bookmarks outside the trash carry each of `tagOptions`, for the filter menu. */
export type BookmarkList = MirrorPage & {
  tagOptions: string[];
  tagCounts: Record<string, number>;
  sync: SyncStatus;
  readOnly: ReadOnlyReason | null;
  /** While a search or tag filter is on: how many bookmarks match, of how many saved. */
  matches: { count: number; total: number } | null;
};

function readOnlyReason(error: unknown): ReadOnlyReason | null {
  if (!(error instanceof UserFacingError)) return null;
  return error.code === "reconnect_required" ? "reconnect_required" : error.code === "needs_setup" || error.code === "database_gone" ? "needs_setup" : null;
}

/**
 * The workspace ready for bookmarks: its database known (found from the template on the first
 * visit) and its mirror filled. Throws in words when it is not.
 */
async function ready(ctx: Context): Promise<Workspace> {
  if (ctx.workspace.status === "active") return ctx.workspace;
  if (ctx.workspace.status === "reconnect_required") throw new ReconnectRequiredError(ctx.workspace.id);
  try {
    const source = await resolveSource(ctx, notionForWorkspace(ctx.db, ctx.workspace));
    if (!source) throw new UserFacingError("Choose the Notion database for your bookmarks first.", "needs_setup");
  } catch (error) {
    throw notionFailure(error, "Shelf could not look for your Bookmarks database.") ?? error;
  }
  return (await findWorkspace(ctx.db, ctx.workspace.id))!;
}

/**
 * A page of bookmarks from the mirror: no Notion call once it is filled. A mirror older than
 * SYNC_MAX_AGE_SECONDS starts a background sync; the screen says when it last synced.
 */
export async function listBookmarks(ctx: Context, query: ListQuery): Promise<BookmarkList> {
  let workspace: Workspace;
  let readOnly: ReadOnlyReason | null = null;
  try {
    workspace = await ready(ctx);
  } catch (error) {
    // Notion's access ended or the database went away, but the mirror still holds what was there:
    // it is shown, read-only, rather than hiding every bookmark behind the banner.
    readOnly = ctx.workspace.lastSyncedAt ? readOnlyReason(error) : null;
    if (!readOnly) throw error;
    workspace = ctx.workspace;
  }
  if (!readOnly) syncIfStale(ctx.db, workspace);
  const filtering = query.q.trim() !== "" || query.tags.length > 0;
  const [page, tags, trouble, counts, readingPages, matchCount] = await Promise.all([
    listMirror(ctx.db, workspace.id, query),
    tagCounts(ctx.db, workspace.id),
    deliveryTrouble(ctx.db, workspace.id),
    mirrorCounts(ctx.db, workspace.id),
    pagesBeingRead(ctx.db, workspace.id),
    filtering ? countMatching(ctx.db, workspace.id, query) : null,
  ]);
  return {
    ...page,
    tagOptions: tags.map((t) => t.tag),
    tagCounts: Object.fromEntries(tags.map((t) => [t.tag, t.count])),
    readOnly,
    matches: matchCount === null ? null : { count: matchCount, total: counts.rows },
    sync: {
      lastSyncedAt: workspace.lastSyncedAt?.toISOString() ?? null,
      syncing: isSyncing(workspace.id),
      progress: workspace.lastSyncedAt ? null : (workspace.syncProgress ?? 0),
      // The outbox's counts come with the list version's, one query for both.
      pending: counts.pending,
      parked: counts.parked,
      readingPages,
      trouble,
      version: versionOf(workspace, counts, trouble, readingPages),
    },
  };
}

// Failures surface on the next view (status, banner); a list read never waits for Notion.
function syncIfStale(db: Database, workspace: Workspace) {
  const stale = !workspace.lastSyncedAt || Date.now() - workspace.lastSyncedAt.getTime() > env().syncMaxAgeMs;
  if (stale) void syncInBackground(db, workspace);
}

/**
 * Everything the dashboard shows that can change while it is open, as one string: rows, the
 * outbox, Notion's trouble, pages still being read, the first fill's count, and the minute of the
 * last sync (so "Synced 3 minutes ago" moves without re-rendering on every sync).
 */
function versionOf(workspace: Workspace, counts: MirrorCounts, trouble: DeliveryTrouble | null, readingPages: number): string {
  const syncedMinute = workspace.lastSyncedAt ? Math.floor(workspace.lastSyncedAt.getTime() / 60_000) : null;
  return JSON.stringify([counts, trouble, readingPages, workspace.syncProgress, syncedMinute, workspace.status]);
}

/**
 * The list's version for an open dashboard's cheap watch (a few bytes a poll). Like a list view,
 * it starts a background sync when the mirror is stale, so rows changed in Notion arrive.
 */
export async function listVersion(ctx: Context): Promise<string> {
  const workspace = (await findWorkspace(ctx.db, ctx.workspace.id)) ?? ctx.workspace;
  if (workspace.status === "active") syncIfStale(ctx.db, workspace);
  const [counts, trouble, readingPages] = await Promise.all([
    mirrorCounts(ctx.db, workspace.id),
    deliveryTrouble(ctx.db, workspace.id),
    pagesBeingRead(ctx.db, workspace.id),
  ]);
  return versionOf(workspace, counts, trouble, readingPages);
}

/**
 * Syncs now, answering in words when Notion fails: the Refresh button (incremental), and Settings'
 * "Resync everything" (`full`: every page read again, rows Notion no longer has leave the list).
 */
export async function refreshBookmarks(ctx: Context, options: { full?: boolean } = {}): Promise<SyncResult> {
  const workspace = await ready(ctx);
  try {
    return await syncWorkspace(ctx.db, workspace, options);
  } catch (error) {
    throw notionFailure(error, options.full ? "Your bookmarks could not be read again from Notion." : "Your bookmarks could not be refreshed.") ?? error;
  }
}

/**
 * Saved at once in the mirror and the outbox; the worker takes it to Notion. A title or
 * description left empty is filled from the page afterwards (a queued fetch), never holding up the save.
 */
export async function createBookmark(ctx: Context, input: BookmarkInput): Promise<Bookmark> {
  const workspace = await ready(ctx);
  // The page fetch is queued with the bookmark, so a restart right after the save still reads it.
  const row = await ctx.db.transaction(async (tx) => {
    const created = await recordCreate(tx, workspace.id, input);
    await fillFromPageLater(tx, created, emptyFields(input));
    await contentLater(tx, workspace, [created.id], "save");
    return created;
  });
  kickWorker();
  kickPageReader();
  return toBookmark(row);
}

async function change(ctx: Context, id: string, local: LocalChange): Promise<Bookmark> {
  const workspace = await ready(ctx);
  const row = await recordChange(ctx.db, workspace.id, id, local);
  if (!row) throw new UserFacingError("This bookmark was not found.", "not_found");
  kickWorker();
  return toBookmark(row);
}

export const updateBookmark = (ctx: Context, id: string, input: BookmarkInput) => change(ctx, id, { kind: "update", input });

export const trashBookmark = (ctx: Context, id: string, inTrash: boolean) =>
  change(ctx, id, { kind: inTrash ? "trash" : "restore" });

/** The person's answer to a bookmark whose writes Notion kept refusing. */
export async function resolveParked(ctx: Context, id: string, decision: "retry" | "discard"): Promise<void> {
  const done = decision === "retry" ? await retryParked(ctx.db, ctx.workspace.id, id) : await discardParked(ctx.db, ctx.workspace.id, id);
  if (!done) throw new UserFacingError("This bookmark has nothing waiting to sync.", "not_found");
  if (decision === "retry") kickWorker();
}
