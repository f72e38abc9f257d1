import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { inRequestContext, log } from "@/lib/log";
import { notionForWorkspace } from "@/lib/notion/client";
import { bookmarkPagesOf, type BookmarkPagesFilter } from "@/lib/notion/bookmarks";
import {
  backgroundSyncPaused,
  findWorkspace,
  recordBackgroundSyncFailure,
  recordSyncDone,
  recordSyncProgress,
} from "@/lib/workspaces/queries";
import { markTrashedInNotion, upsertFromNotion } from "./queries";
import { resolveSource } from "./source";

/** Notion rounds last_edited_time to the minute; re-reading a little more than that misses nothing. */
const CURSOR_MARGIN_MS = 2 * 60_000;

export type SyncResult = { upserted: number; trashed: number };

// Next bundles the page renders, route handlers (the list version's watch) and actions apart, each
// with its own copy of this module: the registry of running syncs lives on globalThis, so "one
// sync per workspace" holds for the process. Two first fills side by side each counted their own
// rows into sync_progress, and the dashboard's count jumped back.
const globalForSync = globalThis as unknown as {
  shelfSyncs?: { running: Map<string, Promise<SyncResult>>; queued: Map<string, { full: boolean; result: Promise<SyncResult> }> };
};
const { running, queued } = (globalForSync.shelfSyncs ??= { running: new Map(), queued: new Map() });

/**
 * Brings the mirror up to date with Notion. Incremental: pages edited since the cursor (minus the
 * margin), and pages moved to the trash since then. Full (`full: true`, or the first fill): every
 * page, and rows Notion no longer has are marked trashed.
 *
 * One sync per workspace runs at a time here. A sync asked for while one runs must still see
 * changes made after that one began, so it waits for it and runs once more (callers asking in the
 * meantime share that second run).
 */
export function syncWorkspace(db: Database, workspace: Workspace, options: { full?: boolean } = {}): Promise<SyncResult> {
  const full = options.full ?? false;
  const current = running.get(workspace.id);
  if (!current) return start(db, workspace.id, full);
  const next = queued.get(workspace.id);
  if (next) {
    next.full ||= full;
    return next.result;
  }
  const follow: { full: boolean; result: Promise<SyncResult> } = { full, result: Promise.resolve({ upserted: 0, trashed: 0 }) };
  follow.result = current
    .catch(() => undefined)
    .then(() => {
      queued.delete(workspace.id);
      return start(db, workspace.id, follow.full);
    });
  queued.set(workspace.id, follow);
  return follow.result;
}

function start(db: Database, workspaceId: string, full: boolean): Promise<SyncResult> {
  const flight = runSync(db, workspaceId, full).finally(() => running.delete(workspaceId));
  running.set(workspaceId, flight);
  return flight;
}

/**
 * After a background sync fails, the next one waits: every poll of a stale view asks for one, and
 * against a Notion that is down each would fail again. The pause doubles per failure and stays
 * short enough that the mirror catches up within seconds of recovery. It is kept on the workspace
 * row, so every instance (and every bundle's copy of this module) waits; a successful sync ends it.
 * Refresh is never held back.
 */
const FIRST_PAUSE_MS = 2_000;
const LONGEST_PAUSE_MS = 8_000;

export function backgroundSyncPause(failures: number): number {
  return Math.min(FIRST_PAUSE_MS * 2 ** Math.max(0, failures - 1), LONGEST_PAUSE_MS);
}

/**
 * A sync nobody waits for: its failure shows on the workspace's screens, and in the log. Answers
 * whether one was started (false while paused after a failure); never rejects.
 */
export function syncInBackground(db: Database, workspace: Workspace, options: { full?: boolean } = {}): Promise<boolean> {
  // A page's render starts these outside any log context: bind the request's id, so the failure
  // line names the request that started the sync.
  return inRequestContext(async () => {
    try {
      if (await backgroundSyncPaused(db, workspace.id)) return false;
    } catch (error) {
      log.warn({ err: error, workspaceId: workspace.id }, "background sync not started");
      return false;
    }
    void syncWorkspace(db, workspace, options).catch(async (error: unknown) => {
      const failures = await recordBackgroundSyncFailure(db, workspace.id, backgroundSyncPause).catch(() => undefined);
      log.warn({ err: error, workspaceId: workspace.id, failures }, "background sync failed");
    });
    return true;
  });
}

/**
 * Resolves once this process's sync of the workspace (if one runs) is over, whatever its outcome.
 * A tag rename re-applies itself after it (lib/bookmarks/tags.ts): a read that began before Notion
 * renamed an option writes the old name back, since the rename leaves the pages' edit times alone.
 */
export async function syncSettled(workspaceId: string): Promise<void> {
  await running.get(workspaceId)?.catch(() => undefined);
}

export function isSyncing(workspaceId: string): boolean {
  return running.has(workspaceId);
}

async function runSync(db: Database, workspaceId: string, forceFull: boolean): Promise<SyncResult> {
  // Read afresh: the cursor and status may have moved since the caller loaded the row.
  const workspace = await findWorkspace(db, workspaceId);
  if (!workspace || workspace.status === "disconnected") return { upserted: 0, trashed: 0 };
  const notion = notionForWorkspace(db, workspace);
  const source = await resolveSource({ db, workspace }, notion);
  if (!source) return { upserted: 0, trashed: 0 };
  const full = forceFull || !workspace.syncCursor;
  const since = full || !workspace.syncCursor ? null : new Date(workspace.syncCursor.getTime() - CURSOR_MARGIN_MS);
  const filter: BookmarkPagesFilter | undefined = since
    ? { timestamp: "last_edited_time", last_edited_time: { on_or_after: since.toISOString() } }
    : undefined;

  let upserted = 0;
  let cursor: Date | null = null;
  // The earliest edit of a page left for the outbox to link: the cursor stays before it, so the
  // next incremental sync reads it again (and lists it, if its create was given up meanwhile).
  let firstDeferred: Date | null = null;
  const seen: string[] = [];
  for await (const batch of bookmarkPagesOf(notion, source, filter, false)) {
    const deferred = await upsertFromNotion(db, workspace.id, batch);
    upserted += batch.length - deferred.length;
    for (const b of batch) {
      seen.push(b.id);
      const edited = new Date(b.lastEditedTime);
      if (!cursor || edited > cursor) cursor = edited;
    }
    for (const b of deferred) {
      const edited = new Date(b.lastEditedTime);
      if (!firstDeferred || edited < firstDeferred) firstDeferred = edited;
    }
    if (!workspace.lastSyncedAt) await recordSyncProgress(db, workspace.id, upserted);
  }
  if (firstDeferred && cursor && firstDeferred < cursor) cursor = firstDeferred;

  let trashed: number;
  if (full) {
    trashed = await markTrashedInNotion(db, workspace.id, { allBut: seen });
  } else {
    trashed = 0;
    for await (const batch of bookmarkPagesOf(notion, source, filter, true)) {
      trashed += await markTrashedInNotion(db, workspace.id, { trashed: batch.map((b) => b.id) });
    }
  }
  await recordSyncDone(db, workspace.id, { cursor, full });
  return { upserted, trashed };
}
