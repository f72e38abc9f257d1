import type { Client } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { recordAuditEvent, workspaceDetail } from "@/lib/audit/queries";
import { UserFacingError } from "@/lib/errors";
import { lockWorkspaceTokens, markReconnectRequired, replaceTokens } from "@/lib/workspaces/queries";
import { env } from "@/lib/env";
import { createNotionClient } from "./config";
import { waitForNotionSlot } from "./rate-limit";
import { NotionOAuthError, refreshTokens } from "./oauth";
import { openToken, sealToken } from "./tokens";

/** The workspace's authorization is gone (revoked, or refresh impossible): the person must reconnect. */
export class ReconnectRequiredError extends UserFacingError {
  constructor(readonly workspaceId: string) {
    super("Notion no longer accepts Shelf's access to this workspace. Reconnect it to continue.", "reconnect_required");
    this.name = "ReconnectRequiredError";
  }
}

type CurrentToken = { accessToken: string; version: number };

// Requests of one process that hit 401 together share one refresh.
const refreshesInFlight = new Map<string, Promise<CurrentToken>>();

/**
 * A Notion client acting for one workspace. Every request waits for a slot of the workspace's rate
 * limit and carries its current access token; on 401 `unauthorized` it refreshes once (rotating the
 * stored pair) and retries, so callers never see an expired token. When refreshing is impossible
 * the workspace becomes `reconnect_required` and the call fails with ReconnectRequiredError.
 * `retry: false` turns off the SDK's own retries, for callers with a retry policy of their own.
 */
export function notionForWorkspace(db: Database, workspace: Workspace, options: { retry?: false } = {}): Client {
  if (!workspace.accessToken) throw new ReconnectRequiredError(workspace.id);
  let current: CurrentToken = {
    accessToken: openToken(workspace.accessToken, workspace.botId, "access"),
    version: workspace.tokenVersion,
  };

  const requestsPerSecond = env().notionRequestsPerSecond;
  return createNotionClient({
    ...options,
    workspaceId: workspace.id,
    through: (send) => async (url, init) => {
      const authorized = async (token: string) => {
        await waitForNotionSlot(db, workspace.id, requestsPerSecond);
        return send(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
      };
      const response = await authorized(current.accessToken);
      if (response.status !== 401) return response;
      current = await refreshOnce(db, workspace.id, current.version);
      return authorized(current.accessToken);
    },
  });
}

function refreshOnce(db: Database, workspaceId: string, seenVersion: number): Promise<CurrentToken> {
  const key = `${workspaceId}:${seenVersion}`;
  let flight = refreshesInFlight.get(key);
  if (!flight) {
    flight = refresh(db, workspaceId, seenVersion).finally(() => refreshesInFlight.delete(key));
    refreshesInFlight.set(key, flight);
  }
  return flight;
}

/**
 * Refresh under a row lock, so two instances never spend the same refresh token: Notion rotates
 * it, and the loser of such a race would otherwise be left with a dead pair.
 */
async function refresh(db: Database, workspaceId: string, seenVersion: number): Promise<CurrentToken> {
  const outcome = await db.transaction(async (tx) => {
    const row = await lockWorkspaceTokens(tx, workspaceId);
    if (!row?.accessToken || row.status === "disconnected") return "reconnect" as const;
    if (row.tokenVersion !== seenVersion) {
      // Someone refreshed (or reconnected) meanwhile: their pair is current.
      return { accessToken: openToken(row.accessToken, row.botId, "access"), version: row.tokenVersion };
    }
    if (!row.refreshToken) return "reconnect" as const;
    try {
      const fresh = await refreshTokens(openToken(row.refreshToken, row.botId, "refresh"));
      const sealed = {
        accessToken: sealToken(fresh.access_token, row.botId, "access"),
        refreshToken: fresh.refresh_token ? sealToken(fresh.refresh_token, row.botId, "refresh") : row.refreshToken,
      };
      await replaceTokens(tx, workspaceId, row.tokenVersion, sealed);
      return { accessToken: fresh.access_token, version: row.tokenVersion + 1 };
    } catch (error) {
      if (error instanceof NotionOAuthError && error.failure === "invalid_grant") return "reconnect" as const;
      throw error;
    }
  });
  if (outcome === "reconnect") {
    await endAuthorization(db, workspaceId);
    throw new ReconnectRequiredError(workspaceId);
  }
  return outcome;
}

/** Marks the workspace for reconnecting and, the first time only, tells its owner in their activity. */
async function endAuthorization(db: Database, workspaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await markReconnectRequired(tx, workspaceId);
    if (!ended) return;
    await recordAuditEvent(tx, { userId: ended.userId, workspaceId, kind: "token_refresh_failed", detail: workspaceDetail(ended.name) });
  });
}
