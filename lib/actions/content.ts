"use server";

import { z } from "zod";
import { workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { bookmarkIdSchema } from "@/lib/bookmarks/schema";
import { chooseContentMode, contentState, writeContentNow } from "@/lib/content/service";
import { CONTENT_MODES } from "@/lib/content/types";

const bookmarkInput = z.object({ workspaceId: workspaceIdSchema, id: bookmarkIdSchema });

export const contentModeAction = workspaceAction(
  z.object({ workspaceId: workspaceIdSchema, mode: z.enum(CONTENT_MODES) }),
  async ({ db, workspace, input }) => {
    await chooseContentMode({ db, workspace }, input.mode);
    return input.mode;
  },
);

export const contentStateAction = workspaceAction(bookmarkInput, ({ db, workspace, input }) => contentState({ db, workspace }, input.id));

/**
 * "Save content now" and "Refresh content"; `replaceEdited` only after the person confirmed that
 * the body they edited in Notion may be replaced. Answers the new state (queued).
 */
export const saveContentAction = workspaceAction(bookmarkInput.extend({ replaceEdited: z.boolean().default(false) }), async ({ db, workspace, input }) => {
  await writeContentNow({ db, workspace }, input.id, input.replaceEdited);
  return contentState({ db, workspace }, input.id);
});
