"use client";

import { Loader2, RotateCcw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { SavedDate } from "@/components/bookmarks/saved-date";
import { useListWatch } from "@/components/bookmarks/use-list-watch";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { BackToBookmarks } from "@/components/bookmarks/back-to-bookmarks";
import { EmptyState } from "@/components/ui/empty-state";
import type { TrashList as Trash } from "@/lib/bookmarks/trash";
import { displayHost } from "@/lib/bookmarks/url";
import { restoreBookmarksAction } from "./actions";

const WATCH_MS = 5_000;

/** The trashed bookmarks with a checkbox each; restore the chosen ones or one at a time. */
export function TrashList({ workspaceId, trash }: { workspaceId: string; trash: Trash }) {
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState(false);
  // Pages trashed or restored in Notion arrive with the background sync this watch starts.
  useListWatch(workspaceId, trash.version, WATCH_MS);
  const visible = new Set(trash.items.map((b) => b.id));
  const selected = [...chosen].filter((b) => visible.has(b));
  const allChosen = selected.length === trash.items.length && trash.items.length > 0;

  function toggle(bookmarkId: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(bookmarkId);
      else next.delete(bookmarkId);
      return next;
    });
  }

  async function restore(ids: string[]) {
    setPending(true);
    const result = await restoreBookmarksAction({ workspaceId, ids }).catch(() => null);
    setPending(false);
    if (!result) return void toast.error("Shelf could not be reached. Check your connection; nothing was changed.");
    if (!result.ok) return void toast.error(result.error);
    toast(`Restored ${result.data.restored} ${result.data.restored === 1 ? "bookmark" : "bookmarks"}`);
    setChosen(new Set());
    router.refresh();
  }

  if (trash.items.length === 0) {
    return (
      <EmptyState
        icon={Trash2}
        title="The trash is empty"
        titleAs="h2"
        action={<BackToBookmarks workspaceId={workspaceId} />}
      >
        Bookmarks you remove, here or in Notion, wait here until Notion empties its trash.
      </EmptyState>
    );
  }

  return (
    <Card as="fieldset" padding="none" className="bg-canvas" disabled={pending}>
      <legend className="sr-only">Trashed bookmarks</legend>
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-3 py-2 sm:px-4">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={allChosen}
            onChange={(e) => setChosen(e.target.checked ? new Set(visible) : new Set())}
            className="size-4 accent-[var(--color-accent)]"
          />
          Select all
        </label>
        <p className="mr-auto text-xs text-muted">
          {trash.total > trash.items.length ? `The newest ${trash.items.length} of ${trash.total}` : `${trash.total} in the trash`}
        </p>
        <Button variant="primary" size="sm" onClick={() => void restore(selected)} disabled={pending || selected.length === 0} aria-busy={pending}>
          {pending ? <Loader2 className="size-3.5 animate-spin" aria-hidden /> : <RotateCcw className="size-3.5" aria-hidden />}
          {selected.length > 0 ? `Restore ${selected.length}` : "Restore"}
        </Button>
      </div>
      <ul className="divide-y divide-line" aria-label="Trashed bookmarks">
        {trash.items.map((bookmark) => {
          const box = `${id}-${bookmark.id}`;
          return (
            <li key={bookmark.id} className="flex items-start gap-3 px-3 py-2.5 sm:px-4" data-testid="trash-row">
              <input
                type="checkbox"
                id={box}
                checked={chosen.has(bookmark.id)}
                onChange={(e) => toggle(bookmark.id, e.target.checked)}
                className="mt-1 size-4 shrink-0 accent-[var(--color-accent)]"
              />
              <div className="min-w-0 flex-1">
                <label htmlFor={box} className="block break-words text-sm font-medium">
                  {bookmark.title}
                </label>
                <p className="truncate text-xs text-muted">
                  {displayHost(bookmark.url) || bookmark.url} · <span aria-hidden>trashed </span>
                  <SavedDate iso={bookmark.lastEditedTime} label="Trashed" className="text-[length:inherit]" />
                  {bookmark.syncState === "pending" && " · waiting to sync"}
                </p>
              </div>
              <Button size="sm" variant="quiet" onClick={() => void restore([bookmark.id])} aria-label={`Restore ${bookmark.title}`}>
                <RotateCcw className="size-3.5" aria-hidden />
                Restore
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
