import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import type { ClientInfo } from "@/lib/audit/client-info";
import { recordAuditEvent, workspaceDetail, type AuditEventKind } from "@/lib/audit/queries";
import {
  findLinkedUserId,
  findWorkspaceOfBot,
  linkNotionAccount,
  setLastWorkspace,
  updateUserProfile,
  upsertUserOfPerson,
  upsertWorkspaceOfBot,
  wakeWaitingWrites,
} from "./queries";

export type NotionPerson = { id: string; name: string | null; email: string | null; avatarUrl: string | null };

export type Connection = {
  botId: string;
  notionWorkspaceId: string;
  name: string | null;
  icon: string | null;
  duplicatedTemplateId: string | null;
  /** Already sealed with lib/notion/tokens. */
  accessToken: string;
  refreshToken: string | null;
};

export type ConnectResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; reason: "linked_to_another_user" };

/**
 * One sign-in: finds or creates the Shelf user of this Notion person (or links the person to the
 * user already signed in, when connecting another workspace) and upserts the workspace by bot id,
 * all in one transaction, so nobody is ever signed in without the workspace they just authorized.
 * The security events (sign-in, connect or reconnect) are recorded in the same transaction.
 */
export async function connectWorkspace(
  db: Database,
  input: { person: NotionPerson; connection: Connection; signedInUserId: string | null; client?: ClientInfo | null },
): Promise<ConnectResult> {
  const { person, connection, signedInUserId } = input;
  return db.transaction(async (tx) => {
    const linkedUserId = await findLinkedUserId(tx, person.id);
    // A Notion person belongs to one Shelf user: connecting them to someone else is refused.
    if (linkedUserId && signedInUserId && linkedUserId !== signedInUserId) {
      return { ok: false, reason: "linked_to_another_user" } as const;
    }

    const profile = { name: person.name, image: person.avatarUrl, ...(person.email ? { email: person.email } : {}) };
    let userId = linkedUserId ?? signedInUserId;
    if (!userId) userId = await upsertUserOfPerson(tx, person.id, profile);
    // The profile follows Notion for the person's own user, not for a user they were linked into.
    else if (userId === linkedUserId) await updateUserProfile(tx, userId, profile);
    if (!linkedUserId) await linkNotionAccount(tx, userId, person.id);

    const previous = await findWorkspaceOfBot(tx, connection.botId);
    const workspaceId = await upsertWorkspaceOfBot(tx, userId, {
      botId: connection.botId,
      notionWorkspaceId: connection.notionWorkspaceId,
      name: connection.name,
      icon: connection.icon,
      ownerNotionUserId: person.id,
      duplicatedTemplateId: connection.duplicatedTemplateId,
      accessToken: connection.accessToken,
      refreshToken: connection.refreshToken,
    });
    await setLastWorkspace(tx, userId, workspaceId);
    await wakeWaitingWrites(tx, workspaceId);
    for (const kind of connectEvents(signedInUserId, previous, userId)) {
      await recordAuditEvent(tx, { userId, workspaceId, kind, detail: workspaceDetail(connection.name) }, input.client);
    }
    return { ok: true, userId, workspaceId } as const;
  });
}

/**
 * What one authorization means for the person: a sign-in unless they were signed in already; a new
 * connection for a bot they did not have; a reconnection when they re-authorize one they had, on
 * purpose or because it had ended. Signing in again through a working workspace is only a sign-in.
 */
function connectEvents(
  signedInUserId: string | null,
  previous: Pick<Workspace, "userId" | "status"> | null,
  userId: string,
): AuditEventKind[] {
  const events: AuditEventKind[] = signedInUserId ? [] : ["sign_in"];
  if (!previous || previous.userId !== userId) events.push("workspace_connected");
  else if (signedInUserId || previous.status === "reconnect_required" || previous.status === "disconnected") {
    events.push("workspace_reconnected");
  }
  return events;
}
