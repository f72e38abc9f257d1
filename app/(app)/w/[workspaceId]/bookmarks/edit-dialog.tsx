"use client";

import { useState } from "react";
import { BookmarkForm } from "@/components/bookmarks/bookmark-form";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { BookmarkInput } from "@/lib/bookmarks/schema";
import type { ListedBookmark } from "@/lib/bookmarks/types";

type Props = {
  bookmark: ListedBookmark | null;
  tagOptions: string[];
  onClose: () => void;
  save: (bookmark: ListedBookmark, input: BookmarkInput) => Promise<ActionResult<unknown>>;
};

/** Stays open while saving and on failure, so what was typed is never lost; closes when Notion agrees. */
export function EditDialog({ bookmark, tagOptions, onClose, save }: Props) {
  return (
    <Dialog open={bookmark !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent title="Edit bookmark">
          {bookmark && (
            <BookmarkForm
              key={bookmark.id}
              variant="edit"
              initial={{ url: bookmark.url, title: bookmark.title, description: bookmark.description, tags: bookmark.tags }}
              tagOptions={tagOptions}
              onCancel={onClose}
              save={async (input) => {
                const result = await save(bookmark, input);
                if (result.ok) onClose();
                return result;
              }}
            />
          )}
      </DialogContent>
    </Dialog>
  );
}

/** The bookmark being edited, opened at once for `?edit=` (the link of "Already saved"). */
export function useEditing(editTarget: ListedBookmark | null) {
  const [editing, setEditing] = useState<ListedBookmark | null>(editTarget);
  // Compared by id: every refresh sends a new object for the same ?edit=, which must not reopen it.
  const [editTargetId, setEditTargetId] = useState(editTarget?.id);
  if (editTarget?.id !== editTargetId) {
    setEditTargetId(editTarget?.id);
    if (editTarget) setEditing(editTarget);
  }
  return [editing, setEditing] as const;
}
