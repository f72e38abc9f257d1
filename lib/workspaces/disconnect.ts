import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import type { ClientInfo } from "@/lib/audit/client-info";
import { recordAuditEvent, workspaceDetail } from "@/lib/audit/queries";
import { NotionOAuthError, revokeToken } from "@/lib/notion/oauth";
import { openToken } from "@/lib/notion/tokens";
import { disconnectWorkspace } from "./queries";

/**
 * Revokes the workspace's token at Notion, then forgets both tokens. The local tokens go even when
 * Notion cannot be reached: the person asked Shelf to stop, and `revoked: false` lets the screen
 * tell them to remove the connection in Notion too.
 */
export async function disconnect(db: Database, workspace: Workspace, client: ClientInfo | null): Promise<{ revoked: boolean }> {
  let revoked = true;
  if (workspace.accessToken) {
    try {
      await revokeToken(openToken(workspace.accessToken, workspace.botId, "access"));
    } catch (error) {
      // invalid_grant: Notion already considers the token dead, which is what we want.
      revoked = error instanceof NotionOAuthError && error.failure === "invalid_grant";
    }
  }
  await db.transaction(async (tx) => {
    await disconnectWorkspace(tx, workspace.id);
    const event = { userId: workspace.userId, workspaceId: workspace.id, kind: "workspace_disconnected", detail: workspaceDetail(workspace.name) } as const;
    await recordAuditEvent(tx, event, client);
  });
  return { revoked };
}
