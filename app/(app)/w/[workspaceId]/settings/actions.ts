"use server";

import { z } from "zod";
import { userAction, workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { createTokenSchema, tokenIdSchema } from "@/lib/api-tokens/schema";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/service";
import { requestClientInfo } from "@/lib/audit/request";
import { refreshBookmarks } from "@/lib/bookmarks/service";
import { disconnect } from "@/lib/workspaces/disconnect";
import { signOutEverywhere } from "@/lib/workspaces/queries";

export const disconnectWorkspaceAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema }), async ({ db, workspace }) =>
  disconnect(db, workspace, await requestClientInfo()),
);

/** "Resync everything": every page of the database read again (after a change of its properties in Notion, say). */
export const resyncEverythingAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema }), ({ db, workspace }) =>
  refreshBookmarks({ db, workspace }, { full: true }),
);

export const signOutEverywhereAction = userAction(z.object({}), async ({ db, user }) => {
  await signOutEverywhere(db, user.id, await requestClientInfo());
  return null;
});

export const createApiTokenAction = userAction(createTokenSchema, async ({ db, user, input }) =>
  createApiToken(db, user.id, input, await requestClientInfo()),
);

export const revokeApiTokenAction = userAction(z.object({ id: tokenIdSchema }), async ({ db, user, input }) => {
  await revokeApiToken(db, user.id, input.id, await requestClientInfo());
  return null;
});
