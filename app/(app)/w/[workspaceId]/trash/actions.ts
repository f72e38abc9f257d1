"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { bookmarkIdSchema } from "@/lib/bookmarks/schema";
import { restoreBookmarks, TRASH_PAGE } from "@/lib/bookmarks/trash";

const restoreInput = z.object({
  workspaceId: workspaceIdSchema,
  ids: z
    .array(bookmarkIdSchema, "Choose the bookmarks to restore.")
    .min(1, "Choose the bookmarks to restore.")
    .max(TRASH_PAGE, `Restore at most ${TRASH_PAGE} bookmarks at once.`),
});

export const restoreBookmarksAction = workspaceAction(restoreInput, ({ db, workspace, input }) => restoreBookmarks({ db, workspace }, input.ids));
