import { relativeTime } from "@/lib/audit/time";
import type { TokenSummary } from "./service";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A token's facts in words for the settings list; times relative to `now`. */
export function describeToken(token: TokenSummary, now: Date) {
  const expiresAt = token.expiresAt ? new Date(token.expiresAt) : null;
  const expired = expiresAt !== null && expiresAt <= now;
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.workspaceId ? `Only ${token.workspaceName ?? "an untitled workspace"}` : "All your workspaces",
    permission: token.permission === "write" ? "Read and write" : "Read only",
    created: `Created ${dateFormat.format(new Date(token.createdAt))}`,
    expires: expiresAt ? `${expired ? "Expired" : "Expires"} ${dateFormat.format(expiresAt)}` : "Never expires",
    lastUsed: token.lastUsedAt ? `Last used ${relativeTime(new Date(token.lastUsedAt), now)}${token.lastUsedClient ? ` from ${token.lastUsedClient}` : ""}` : "Never used",
    inactive: token.revokedAt ? "Revoked" : expired ? "Expired" : null,
  };
}
