"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { refreshPageImages } from "@/lib/bookmarks/page-images";
import { bookmarkIdSchema } from "@/lib/bookmarks/schema";

export const refreshPreviewAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema, id: bookmarkIdSchema }), ({ db, workspace, input }) =>
  refreshPageImages({ db, workspace }, input.id),
);
