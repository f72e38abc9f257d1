import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { AlreadySavedError, UserFacingError } from "@/lib/errors";
import { countDuplicates, findBookmarks, findByNormalizedUrl, listDuplicateRows, recordChange, toBookmark, type ListedRow } from "./queries";
import type { BookmarkInput } from "./schema";
import { createBookmark } from "./service";
import type { Bookmark } from "./types";
import { normalizeUrl } from "./url";
import { kickWorker } from "./worker";

type Context = { db: Database; workspace: Workspace };

/** One link saved more than once: its bookmarks, oldest first. */
export type DuplicateGroup = { normalizedUrl: string; bookmarks: Bookmark[] };

// A page of groups is plenty to work through; merging one shows the next.
const MAX_GROUPS = 100;
// Notion takes at most 100 options in one multi_select value.
const MAX_TAGS = 100;

/**
 * Saves the bookmark unless the workspace already has its link (docs/decisions/017): then it
 * answers "Already saved" with that bookmark, and the person may save it anyway.
 */
export async function saveUnlessDuplicate(ctx: Context, input: BookmarkInput, saveAnyway: boolean): Promise<Bookmark> {
  if (!saveAnyway) {
    const existing = await findByNormalizedUrl(ctx.db, ctx.workspace.id, normalizeUrl(input.url));
    if (existing) throw new AlreadySavedError({ id: existing.id, title: existing.title });
  }
  return createBookmark(ctx, input);
}

export async function listDuplicates(ctx: Context): Promise<DuplicateGroup[]> {
  return groupByUrl(await listDuplicateRows(ctx.db, ctx.workspace.id, MAX_GROUPS));
}

export const duplicateCount = (ctx: Context) => countDuplicates(ctx.db, ctx.workspace.id);

/** Rows ordered by normalized URL, as consecutive groups. */
export function groupByUrl(rows: ListedRow[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.normalizedUrl === row.normalizedUrl) last.bookmarks.push(toBookmark(row));
    else groups.push({ normalizedUrl: row.normalizedUrl, bookmarks: [toBookmark(row)] });
  }
  return groups;
}

/** Every tag once, in the order first seen; "AI" and "ai" are one tag (as in the bookmark schema). */
export function uniteTags(lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const tag of lists.flat()) {
    const key = tag.normalize("NFC").toLowerCase();
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

/**
 * Merges a group into `keepId`: it takes the tags of all of them, and the others go to the trash.
 * Both are ordinary outbox writes in one transaction, so Notion gets them and restore undoes a trash.
 */
export async function mergeDuplicates(ctx: Context, keepId: string, otherIds: string[]): Promise<{ kept: Bookmark; trashedIds: string[] }> {
  if (ctx.workspace.status !== "active") {
    throw new UserFacingError("Open this workspace's bookmarks first, then merge.", ctx.workspace.status === "reconnect_required" ? "reconnect_required" : "needs_setup");
  }
  const ids = [...new Set(otherIds)].filter((id) => id !== keepId);
  const rows = await findBookmarks(ctx.db, ctx.workspace.id, [keepId, ...ids]);
  const keep = rows.find((r) => r.id === keepId && !r.inTrash);
  const others = rows.filter((r) => r.id !== keepId && !r.inTrash && r.normalizedUrl === keep?.normalizedUrl);
  if (!keep || ids.length === 0 || others.length !== ids.length) {
    throw new UserFacingError("These bookmarks changed since the list was shown. Reload the page and try again.", "not_found");
  }
  const tags = uniteTags([keep.tags, ...others.map((r) => r.tags)]);
  if (tags.length > MAX_TAGS) throw new UserFacingError(`Together these bookmarks have more than ${MAX_TAGS} tags; remove some first.`, "invalid");

  const kept = await ctx.db.transaction(async (tx) => {
    const updated =
      tags.length === keep.tags.length
        ? keep
        : await recordChange(tx, ctx.workspace.id, keep.id, {
            kind: "update",
            input: { title: keep.title, url: keep.url, description: keep.description, tags },
          });
    for (const other of others) await recordChange(tx, ctx.workspace.id, other.id, { kind: "trash" });
    return updated!;
  });
  kickWorker();
  return { kept: toBookmark(kept), trashedIds: others.map((r) => r.id) };
}
