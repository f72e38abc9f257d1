"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { allTagsByUse } from "@/lib/bookmarks/tags";

/** The dashboard sidebar's "Show all": every tag with its count, read from the mirror. */
export const allTagsAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema }), ({ db, workspace }) => allTagsByUse({ db, workspace }));
