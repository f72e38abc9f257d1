import type { Database } from "@/db/client";
import { findUserWorkspace, rememberLastWorkspace } from "./queries";

/**
 * Remembers the workspace the person has open, for `/` and /save to land on next time. Only their
 * own workspace: anyone else's id (or a missing one) is not found and changes nothing.
 */
export async function rememberVisit(db: Database, userId: string, workspaceId: string): Promise<boolean> {
  const workspace = await findUserWorkspace(db, userId, workspaceId);
  if (!workspace) return false;
  await rememberLastWorkspace(db, userId, workspace.id);
  return true;
}
