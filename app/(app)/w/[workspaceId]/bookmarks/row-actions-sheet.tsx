"use client";

import { SquareArrowOutUpRight } from "lucide-react";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import { displayHost } from "@/lib/bookmarks/url";
import { BookmarkActions } from "./bookmark-row";

type Props = {
  bookmark: ListedBookmark | null;
  readOnly: boolean;
  onClose: () => void;
  onEdit: (bookmark: ListedBookmark) => void;
  onRemove: (bookmark: ListedBookmark) => void;
};

// The row's own icon buttons, each shown with its name (its aria-label) as a full-width line, so
// every action BookmarkActions gains shows here too without a second list of them.
const labelled =
  "flex flex-col [&>*]:h-12 [&>*]:w-full [&>*]:justify-start [&>*]:gap-3 [&>*]:px-3 [&>*]:text-sm [&>*]:text-ink [&>*]:after:content-[attr(aria-label)]";

/** A row's actions as a bottom sheet: what a long press on a phone opens (use-long-press.ts). */
export function RowActionsSheet({ bookmark, readOnly, onClose, onEdit, onRemove }: Props) {
  const href = bookmark && safeHref(bookmark.url);
  return (
    <Dialog open={bookmark !== null} onOpenChange={(open) => !open && onClose()}>
      {bookmark && (
        <DialogContent placement="sheet" title={bookmark.title || "Untitled"} className="flex flex-col gap-1" data-testid="row-actions" focusSelf>
          <p className="-mt-3 mb-2 truncate text-xs text-muted">{displayHost(bookmark.url)}</p>
          {/* Any action closes the sheet once it has run (bubbling after the button's own click). */}
          <div className={labelled} onClick={onClose}>
            {href && (
              <a href={href} target="_blank" rel="noopener noreferrer" aria-label="Open link" className="inline-flex items-center rounded-md hover:bg-surface">
                <SquareArrowOutUpRight className="size-3.5 text-muted" aria-hidden />
              </a>
            )}
            <BookmarkActions
              bookmarkId={bookmark.id}
              notion={safeHref(bookmark.notionUrl)}
              readOnly={readOnly}
              saving={false}
              onEdit={() => onEdit(bookmark)}
              onRemove={() => onRemove(bookmark)}
            />
          </div>
        </DialogContent>
      )}
    </Dialog>
  );
}
