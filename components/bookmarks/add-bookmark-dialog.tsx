"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { createBookmarkAction } from "@/lib/actions/bookmarks";
import { BookmarkForm, EMPTY_DRAFT, type Draft } from "./bookmark-form";
import { reportFailure } from "./report-failure";

type Props = { workspaceId: string; open: boolean; onOpenChange: (open: boolean) => void; tagOptions: string[] };

/**
 * The whole add form in a dialog, opened by `n` and the command palette on any screen of the
 * workspace. What was typed outlives the dialog: closed by Escape or a click outside, it opens again
 * with the same draft; only a save empties it.
 */
export function AddBookmarkDialog({ workspaceId, open, onOpenChange, tagOptions }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="New bookmark">
        <BookmarkForm
          variant="create"
          initial={draft}
          onDraftChange={setDraft}
          tagOptions={tagOptions}
          // No "Edit it" link to an existing copy: its edit dialog would open under this one.
          onCancel={() => onOpenChange(false)}
          save={async (input, saveAnyway) => {
            const result = await createBookmarkAction({ workspaceId, ...input, saveAnyway });
            reportFailure(result);
            if (result.ok) {
              onOpenChange(false);
              toast("Bookmark added", { description: result.data.title });
              router.refresh();
            }
            return result;
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
