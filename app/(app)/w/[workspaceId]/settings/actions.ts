"use server";

import { z } from "zod";
import { userAction, workspaceAction, workspaceIdSchema } from "@/lib/actions/safe-action";
import { requestClientInfo } from "@/lib/audit/request";
import { disconnect } from "@/lib/workspaces/disconnect";
import { signOutEverywhere } from "@/lib/workspaces/queries";

export const disconnectWorkspaceAction = workspaceAction(z.object({ workspaceId: workspaceIdSchema }), async ({ db, workspace }) =>
  disconnect(db, workspace, await requestClientInfo()),
);

export const signOutEverywhereAction = userAction(z.object({}), async ({ db, user }) => {
  await signOutEverywhere(db, user.id, await requestClientInfo());
  return null;
});
