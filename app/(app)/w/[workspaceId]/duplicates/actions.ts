"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { mergeDuplicates } from "@/lib/bookmarks/duplicates";
import { bookmarkIdSchema } from "@/lib/bookmarks/schema";

const mergeInput = z.object({
  workspaceId: workspaceIdSchema,
  keepId: bookmarkIdSchema,
  otherIds: z.array(bookmarkIdSchema, "Choose the bookmarks to merge.").min(1, "Choose the bookmarks to merge.").max(100, "Merge at most 100 bookmarks at once."),
});

export const mergeDuplicatesAction = workspaceAction(mergeInput, ({ db, workspace, input }) =>
  mergeDuplicates({ db, workspace }, input.keepId, input.otherIds),
);
