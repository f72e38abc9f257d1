"use server";

import { userAction } from "@/lib/actions/safe-action";
import { confirmExtensionGrant } from "@/lib/api-tokens/extension-grants";
import { confirmExtensionSchema } from "@/lib/api-tokens/schema";

export const confirmExtensionAction = userAction(confirmExtensionSchema, async ({ db, user, input }) => {
  await confirmExtensionGrant(db, user.id, input);
  return null;
});
