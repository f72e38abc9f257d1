"use server";

import { z } from "zod";
import { userAction, workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { disconnect } from "@/lib/workspaces/disconnect";
import { deleteAllSessions } from "@/lib/workspaces/queries";

export const disconnectWorkspaceAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema }), ({ db, workspace }) =>
  disconnect(db, workspace),
);

export const signOutEverywhereAction = userAction(z.object({}), async ({ db, user }) => {
  await deleteAllSessions(db, user.id);
  return null;
});
