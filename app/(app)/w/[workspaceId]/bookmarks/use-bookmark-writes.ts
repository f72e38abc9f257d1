"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { reportFailure } from "@/components/bookmarks/report-failure";
import { registerUndo } from "@/components/undo/undo";
import { createBookmarkAction, resolveParkedAction, restoreBookmarkAction, trashBookmarkAction, updateBookmarkAction } from "@/lib/actions/bookmarks";
import type { BookmarkInput } from "@/lib/bookmarks/schema";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import { LOCAL_ID_PREFIX } from "./bookmark-row";
import type { useOptimisticList } from "./use-optimistic-list";

type Track = ReturnType<typeof useOptimisticList>["track"];

/**
 * The dashboard's own writes: each shows at once in the list (`track`), goes to its server action,
 * and, for edits and removals, leaves a Ctrl/⌘+Z that takes it back the same way.
 */
export function useBookmarkWrites(
  workspaceId: string,
  items: ListedBookmark[],
  track: Track,
  beforeRemove: (bookmark: ListedBookmark, at: number) => void,
) {
  const router = useRouter();

  async function create(input: BookmarkInput, saveAnyway: boolean) {
    const now = new Date().toISOString();
    const draft: ListedBookmark = {
      ...input,
      id: `${LOCAL_ID_PREFIX}${now}-${Math.random()}`,
      savedAt: now,
      notionUrl: null,
      syncState: "pending",
      syncError: null,
    };
    const result = await track({ kind: "put", bookmark: draft }, () => createBookmarkAction({ workspaceId, ...input, saveAnyway }), (saved) => ({
      kind: "put",
      bookmark: saved,
    }));
    reportFailure(result);
    return result;
  }

  async function update(bookmark: ListedBookmark, input: BookmarkInput, undoable = true) {
    const result = await track(
      { kind: "put", bookmark: { ...bookmark, ...input } },
      () => updateBookmarkAction({ workspaceId, id: bookmark.id, ...input }),
      (saved) => ({ kind: "put", bookmark: saved }),
    );
    reportFailure(result);
    // The inverse is the same edit back to what was there, so it reaches Notion the same way.
    const before = { url: bookmark.url, title: bookmark.title, description: bookmark.description, tags: bookmark.tags };
    if (result.ok && undoable) registerUndo(`Edited “${result.data.title}”`, () => update(result.data, before, false));
    return result;
  }

  async function remove(bookmark: ListedBookmark) {
    const at = items.findIndex((b) => b.id === bookmark.id);
    beforeRemove(bookmark, at);
    const result = await track({ kind: "hide", id: bookmark.id }, () => trashBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) return void toast.error(result.error);
    registerUndo(`Trashed “${bookmark.title}”`, () => restore(bookmark, at));
  }

  async function resolve(bookmark: ListedBookmark, decision: "retry" | "discard") {
    const result = await resolveParkedAction({ workspaceId, id: bookmark.id, decision });
    if (!result.ok) return void toast.error(result.error);
    toast(decision === "retry" ? "Trying again to save it in Notion." : "Discarded the change Notion refused.");
    router.refresh();
  }

  async function restore(bookmark: ListedBookmark, at: number) {
    const result = await track({ kind: "put", bookmark, at }, () => restoreBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) toast.error(result.error);
  }

  return { create, update, remove, resolve };
}
