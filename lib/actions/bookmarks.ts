"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { saveUnlessDuplicate } from "@/lib/bookmarks/duplicates";
import { bookmarkIdSchema, bookmarkInputSchema, bookmarkUpdateSchema, saveAnywaySchema } from "@/lib/bookmarks/schema";
import {
  refreshBookmarks,
  resolveParked,
  trashBookmark,
  updateBookmark,
} from "@/lib/bookmarks/service";

const inWorkspace = z.object({ workspaceId: workspaceIdSchema });

export const createBookmarkAction = workspaceAction(inWorkspace.and(bookmarkInputSchema).and(saveAnywaySchema), ({ db, workspace, input }) =>
  saveUnlessDuplicate({ db, workspace }, input, input.saveAnyway ?? false),
);

export const updateBookmarkAction = workspaceAction(inWorkspace.and(bookmarkUpdateSchema), ({ db, workspace, input }) =>
  updateBookmark({ db, workspace }, input.id, input),
);

const byId = inWorkspace.extend({ id: bookmarkIdSchema });

export const trashBookmarkAction = workspaceAction(byId, ({ db, workspace, input }) =>
  trashBookmark({ db, workspace }, input.id, true),
);

export const restoreBookmarkAction = workspaceAction(byId, ({ db, workspace, input }) =>
  trashBookmark({ db, workspace }, input.id, false),
);

export const refreshBookmarksAction = workspaceAction(inWorkspace, ({ db, workspace }) => refreshBookmarks({ db, workspace }));

export const resolveParkedAction = workspaceAction(
  byId.extend({ decision: z.enum(["retry", "discard"], "Choose retry or discard.") }),
  ({ db, workspace, input }) => resolveParked({ db, workspace }, input.id, input.decision),
);
