"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { findForPalette } from "@/lib/bookmarks/palette";

// Longer than any search needs; listQuerySchema cuts it to the list's own limit anyway.
const typedSchema = z.string("Type something to search for.").max(500, "That is too long to search for.");

/** The command palette's search, on the signed-in person's own workspace only. */
export const paletteSearchAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema, q: typedSchema }), ({ db, workspace, input }) =>
  findForPalette({ db, workspace }, input.q),
);
