"use client";

import { Loader2, Merge } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { safeHref } from "@/components/bookmarks/safe-href";
import { SavedDate } from "@/components/bookmarks/saved-date";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { restoreBookmarkAction } from "@/lib/actions/bookmarks";
import type { DuplicateGroup } from "@/lib/bookmarks/duplicates";
import { displayHost } from "@/lib/bookmarks/url";
import { mergeDuplicatesAction } from "./actions";

/** One link's bookmarks: choose the one to keep (the oldest unless changed) and merge the rest into it. */
export function DuplicateGroupCard({ workspaceId, group }: { workspaceId: string; group: DuplicateGroup }) {
  const router = useRouter();
  const id = useId();
  const [keepId, setKeepId] = useState(group.bookmarks[0]?.id ?? "");
  const [pending, setPending] = useState(false);
  const kept = group.bookmarks.find((b) => b.id === keepId);
  const others = group.bookmarks.filter((b) => b.id !== keepId);

  async function merge() {
    setPending(true);
    const result = await mergeDuplicatesAction({ workspaceId, keepId, otherIds: others.map((b) => b.id) }).catch(() => null);
    setPending(false);
    if (!result) return void toast.error("Shelf could not be reached. Check your connection; nothing was changed.");
    if (!result.ok) return void toast.error(result.error);
    const { trashedIds } = result.data;
    toast(`Merged into “${result.data.kept.title}”`, {
      description: `${trashedIds.length} ${trashedIds.length === 1 ? "copy" : "copies"} moved to the trash.`,
      duration: 8000,
      action: { label: "Undo", onClick: () => void undo(trashedIds) },
    });
    router.refresh();
  }

  // Brings the copies back; the kept bookmark keeps the united tags, which lose nothing.
  async function undo(ids: string[]) {
    const results = await Promise.all(ids.map((bookmarkId) => restoreBookmarkAction({ workspaceId, id: bookmarkId })));
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) toast.error(failed.error);
    router.refresh();
  }

  const host = displayHost(group.normalizedUrl);
  return (
    <Card as="fieldset" padding="none" className="bg-canvas" data-testid="duplicate-group" disabled={pending}>
      <legend className="sr-only">Bookmarks of {group.normalizedUrl}</legend>
      <div className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-2 sm:px-4">
        <p className="min-w-0 flex-1 break-all text-sm font-medium">
          {host || group.normalizedUrl}
        </p>
        <span className="text-xs text-muted">{group.bookmarks.length} saved</span>
      </div>
      <ul className="divide-y divide-line">
        {group.bookmarks.map((bookmark, index) => {
          const href = safeHref(bookmark.url);
          const radio = `${id}-${bookmark.id}`;
          return (
            <li key={bookmark.id} className="flex items-start gap-3 px-3 py-2.5 sm:px-4">
              <input
                type="radio"
                id={radio}
                name={`${id}-keep`}
                checked={keepId === bookmark.id}
                onChange={() => setKeepId(bookmark.id)}
                className="mt-1 size-4 shrink-0 accent-[var(--color-accent)]"
              />
              <div className="min-w-0 flex-1">
                <label htmlFor={radio} className="block text-sm font-medium break-words">
                  Keep “{bookmark.title}”{index === 0 && <span className="font-normal text-muted"> (oldest)</span>}
                </label>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="block truncate text-xs text-muted hover:underline">
                    {bookmark.url}
                  </a>
                ) : (
                  <p className="truncate text-xs text-muted">{bookmark.url}</p>
                )}
                {bookmark.tags.length > 0 && (
                  <ul className="mt-1.5 flex flex-wrap gap-1" aria-label="Tags">
                    {bookmark.tags.map((tag) => (
                      <li key={tag} className="max-w-full truncate rounded border border-line bg-surface px-1.5 py-px text-xs text-muted">
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <SavedDate iso={bookmark.savedAt} className="shrink-0" />
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-line px-3 py-2 sm:px-4">
        <p className="mr-auto text-xs text-muted">
          {others.length} {others.length === 1 ? "other goes" : "others go"} to the trash; tags are combined.
        </p>
        <Button variant="primary" onClick={() => void merge()} disabled={pending || !kept} aria-busy={pending}>
          {pending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Merge className="size-4" aria-hidden />}
          {pending ? "Merging…" : "Merge"}
        </Button>
      </div>
    </Card>
  );
}
