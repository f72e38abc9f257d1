import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { NotionOAuthError, revokeToken } from "@/lib/notion/oauth";
import { openToken } from "@/lib/notion/tokens";
import { disconnectWorkspace } from "./queries";

/**
 * Revokes the workspace's token at Notion, then forgets both tokens. The local tokens go even when
 * Notion cannot be reached: the person asked Shelf to stop, and `revoked: false` lets the screen
 * tell them to remove the connection in Notion too.
 */
export async function disconnect(db: Database, workspace: Workspace): Promise<{ revoked: boolean }> {
  let revoked = true;
  if (workspace.accessToken) {
    try {
      await revokeToken(openToken(workspace.accessToken, workspace.botId, "access"));
    } catch (error) {
      // invalid_grant: Notion already considers the token dead, which is what we want.
      revoked = error instanceof NotionOAuthError && error.failure === "invalid_grant";
    }
  }
  await disconnectWorkspace(db, workspace.id);
  return { revoked };
}
