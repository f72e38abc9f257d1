import { History, KeyRound, KeySquare, Link2, LogIn, LogOut, RefreshCw, ShieldAlert, ShieldOff, Unlink, Upload, type LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { describeAuditEvent, eventWorkspaceName } from "@/lib/audit/describe";
import type { AuditEventKind, AuditEventRow } from "@/lib/audit/queries";
import { exactTime, relativeTime } from "@/lib/audit/time";

const ICONS: Record<AuditEventKind, LucideIcon> = {
  sign_in: LogIn,
  workspace_connected: Link2,
  workspace_reconnected: RefreshCw,
  workspace_disconnected: Unlink,
  token_refresh_failed: ShieldAlert,
  signed_out_everywhere: LogOut,
  import_started: Upload,
  api_token_created: KeyRound,
  api_token_new_client: KeySquare,
  api_token_revoked: ShieldOff,
};

/** Newest first; each event says what happened, when, where and from which kind of client. */
export function ActivityList({ events, now }: { events: AuditEventRow[]; now: Date }) {
  return (
    <Card as="ol" padding="none" aria-label="Security events" className="divide-y divide-line">
      {events.map((event) => {
        const Icon = ICONS[event.kind];
        const workspace = eventWorkspaceName(event);
        return (
          <li key={event.id} data-testid="audit-event" data-kind={event.kind} className="flex gap-3 px-3 py-3 sm:px-4">
            <Icon className={`mt-0.5 size-4 shrink-0 ${event.kind === "token_refresh_failed" ? "text-danger" : "text-muted"}`} aria-hidden />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <p className="font-medium break-words" data-testid="audit-event-title">
                {describeAuditEvent(event)}
              </p>
              <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
                <div>
                  <dt className="sr-only">When</dt>
                  <dd>
                    <time dateTime={event.createdAt.toISOString()} title={exactTime(event.createdAt)}>
                      {relativeTime(event.createdAt, now)}
                    </time>{" "}
                    <span className="text-xs">({exactTime(event.createdAt)})</span>
                  </dd>
                </div>
                {workspace && (
                  <div className="min-w-0">
                    <dt className="sr-only">Workspace</dt>
                    <dd className="break-words" data-testid="audit-event-workspace">
                      {workspace}
                    </dd>
                  </div>
                )}
                {/* The client and its address stay together when the line wraps. */}
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <dt className="sr-only">From</dt>
                  <dd data-testid="audit-event-client">{event.client ?? "Noticed by Shelf"}</dd>
                  {event.ipPrefix && (
                    <>
                      <dt className="sr-only">Address</dt>
                      <dd className="font-mono text-xs" data-testid="audit-event-address">
                        {event.ipPrefix}
                      </dd>
                    </>
                  )}
                </div>
              </dl>
            </div>
          </li>
        );
      })}
    </Card>
  );
}

/** The first page says nothing happened yet; a later one that nothing is older (the pager leads back). */
export function NoActivity({ older }: { older: boolean }) {
  return (
    <Card tone="dashed" padding="lg" className="flex flex-col items-center gap-2 text-center py-12" data-testid="no-activity">
      <History className="size-6 text-muted" aria-hidden />
      <p className="font-medium">{older ? "No older activity" : "No security activity yet"}</p>
      <p className="max-w-sm text-sm text-muted">
        {older ? "There is nothing before this point." : "Sign-ins and changes to your Notion connections will be listed here."}
      </p>
    </Card>
  );
}
