import type { AuditEventRow } from "./queries";

type Describable = Pick<AuditEventRow, "kind" | "detail" | "workspaceName">;

/** The workspace an event is about, by the name it had then. */
export function eventWorkspaceName(event: Pick<AuditEventRow, "detail" | "workspaceName">): string | null {
  const recorded = event.detail?.workspace;
  return typeof recorded === "string" ? recorded : event.workspaceName;
}

const tokenName = (event: Describable) => `“${String(event.detail?.token ?? "unnamed")}”`;

/** An event in words, as the person reads it on the activity screen. */
export function describeAuditEvent(event: Describable): string {
  const workspace = eventWorkspaceName(event) ?? "an untitled workspace";
  switch (event.kind) {
    case "sign_in":
      return "Signed in";
    case "workspace_connected":
      return `Connected ${workspace}`;
    case "workspace_reconnected":
      return `Reconnected ${workspace}`;
    case "workspace_disconnected":
      return `Disconnected ${workspace}`;
    case "token_refresh_failed":
      return `Notion stopped accepting Shelf's access to ${workspace}`;
    case "signed_out_everywhere":
      return "Signed out everywhere";
    case "api_token_created":
      return `Created the API token ${tokenName(event)}`;
    case "api_token_new_client":
      return `The API token ${tokenName(event)} was used from a new client`;
    case "api_token_revoked":
      return `Revoked the API token ${tokenName(event)}`;
    case "import_started": {
      const file = event.detail?.fileName;
      const total = Number(event.detail?.total);
      const count = Number.isFinite(total) ? ` (${total} ${total === 1 ? "bookmark" : "bookmarks"})` : "";
      return `Started importing ${typeof file === "string" ? file : "a file"}${count}`;
    }
  }
}
