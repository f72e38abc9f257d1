"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { deleteTag, deleteTagFields, mergeTag, mergeTagFields, notIntoItself, renameTag, renameTagFields } from "@/lib/bookmarks/tags";

export const renameTagAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema, ...renameTagFields }), ({ db, workspace, input }) =>
  renameTag({ db, workspace }, input),
);

export const mergeTagAction = workspaceAction(
  z.object({ workspaceId: workspaceIdSchema, ...mergeTagFields }).refine(...notIntoItself),
  ({ db, workspace, input }) => mergeTag({ db, workspace }, input),
);

export const deleteTagAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema, ...deleteTagFields }), ({ db, workspace, input }) =>
  deleteTag({ db, workspace }, input),
);
