"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { dialogContent, dialogOverlay, dialogTitle } from "@/app/_components/dialog-styles";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { BookmarkInput } from "@/lib/bookmarks/schema";
import type { Bookmark } from "@/lib/bookmarks/types";
import { BookmarkForm } from "./bookmark-form";

type Props = {
  bookmark: Bookmark | null;
  tagOptions: string[];
  onClose: () => void;
  save: (bookmark: Bookmark, input: BookmarkInput) => Promise<ActionResult<unknown>>;
};

/** Stays open while saving and on failure, so what was typed is never lost; closes when Notion agrees. */
export function EditDialog({ bookmark, tagOptions, onClose, save }: Props) {
  return (
    <Dialog.Root open={bookmark !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={dialogOverlay} />
        <Dialog.Content className={dialogContent} aria-describedby={undefined}>
          <Dialog.Title className={`${dialogTitle} mb-4`}>Edit bookmark</Dialog.Title>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
