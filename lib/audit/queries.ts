import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditEvents, workspaces, type AuditEvent } from "@/db/schema";
import type { ClientInfo } from "./client-info";

export type AuditEventKind = AuditEvent["kind"];

export type NewAuditEvent = {
  userId: string;
  workspaceId?: string | null;
  kind: AuditEventKind;
  /** Small, non-secret facts for the screen (a workspace name, a file name). Never tokens. */
  detail?: Record<string, string | number> | null;
};

/**
 * Records one security event. Pass the transaction that makes the event true, so an action that
 * fails records nothing. `client` is null where no person made a request (the worker, a refresh).
 */
export async function recordAuditEvent(db: Database, event: NewAuditEvent, client: ClientInfo | null = null): Promise<void> {
  await db.insert(auditEvents).values({
    userId: event.userId,
    workspaceId: event.workspaceId ?? null,
    kind: event.kind,
    detail: event.detail ?? null,
    ipPrefix: client?.ipPrefix ?? null,
    client: client?.client ?? null,
  });
}

/** The detail most events carry: the workspace's name as it was then (it may be renamed later). */
export function workspaceDetail(name: string | null): Record<string, string> | null {
  return name ? { workspace: name } : null;
}

export type AuditEventRow = Pick<AuditEvent, "id" | "kind" | "detail" | "ipPrefix" | "client" | "createdAt" | "workspaceId"> & {
  /** The workspace's current name, for events whose detail has none. */
  workspaceName: string | null;
};

export type AuditEventPage = { events: AuditEventRow[]; /** Pass as `before` for the next, older page. */ nextCursor: number | null };

/**
 * A person's events, newest first, `limit` at a time. The cursor is the id of the last event shown;
 * paging compares (created_at, id) against that row in SQL, so no timestamp is rounded through
 * JavaScript. A cursor that is not one of the person's events yields an empty page.
 */
export async function listAuditEvents(
  db: Database,
  userId: string,
  options: { before?: number | null; limit: number },
): Promise<AuditEventPage> {
  const { before, limit } = options;
  const olderThanCursor = before
    ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (select c.created_at, c.id from audit_events c where c.id = ${before} and c.user_id = ${userId})`
    : undefined;
  const rows = await db
    .select({
      id: auditEvents.id,
      kind: auditEvents.kind,
      detail: auditEvents.detail,
      ipPrefix: auditEvents.ipPrefix,
      client: auditEvents.client,
      createdAt: auditEvents.createdAt,
      workspaceId: auditEvents.workspaceId,
      workspaceName: workspaces.name,
    })
    .from(auditEvents)
    .leftJoin(workspaces, eq(workspaces.id, auditEvents.workspaceId))
    .where(and(eq(auditEvents.userId, userId), olderThanCursor))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, nextCursor: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}
