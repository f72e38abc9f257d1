"use client";

import { CircleAlert, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { useListWatch } from "@/components/bookmarks/use-list-watch";
import { Badge } from "@/components/ui/badge";
import { IconButton } from "@/components/ui/icon-button";
import { refreshBookmarksAction } from "@/lib/actions/bookmarks";
import type { SyncStatus as Status } from "@/lib/bookmarks/service";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** How often an open, idle dashboard asks whether the mirror changed, so rows changed in Notion appear without a reload. */
const IDLE_WATCH_MS = 5_000;
/** While something is on its way (a save to Notion, a page being read), it asks more often. */
const BUSY_WATCH_MS = 1_500;

function subscribeToClock(tick: () => void) {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
}

/** The time, ticking every 30 s; null on the server, so relative times never mismatch on hydration. */
export function useNow(): number | null {
  return useSyncExternalStore(subscribeToClock, () => Math.floor(Date.now() / 30_000) * 30_000, () => null);
}

function ago(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds > -45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  return hours > -24 ? relative.format(hours, "hour") : relative.format(Math.round(hours / 24), "day");
}

/** When the list last matched Notion, what is still on its way, and a Refresh button with its own error. */
export function SyncStatus({ workspaceId, sync, readOnly }: { workspaceId: string; sync: Status; readOnly: boolean }) {
  const router = useRouter();
  const [refreshing, start] = useTransition();
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const now = useNow();
  // A first sync under way counts up (first-fill.tsx), so it is looked at as often as a save on its way.
  const busy = sync.pending > 0 || sync.readingPages > 0 || sync.progress !== null;
  // Each look also starts a background sync once the mirror is stale (listVersion).
  useListWatch(workspaceId, sync.version, readOnly ? 60_000 : busy ? BUSY_WATCH_MS : IDLE_WATCH_MS);

  function refresh() {
    start(async () => {
      const result = await refreshBookmarksAction({ workspaceId });
      setRefreshError(result.ok ? null : result.error);
      router.refresh();
    });
  }

  // A Refresh that found Notion's access gone says why, also once the list has turned read-only
  // (a background sync may have found it first).
  const refreshErrorNote = refreshError && (
    <span role="alert" className="inline-flex items-center gap-1 text-danger" data-testid="refresh-error">
      <CircleAlert className="size-3.5 shrink-0" aria-hidden />
      {refreshError}
    </span>
  );
  if (readOnly) {
    return (
      <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-xs text-muted" data-testid="sync-status">
        {refreshErrorNote}
        <Badge tone="warn">Read-only</Badge>
        {sync.lastSyncedAt && now && <span className="ml-2">Last synced {ago(sync.lastSyncedAt, now)}</span>}
      </div>
    );
  }
  // Only the person's own Refresh spins: a background sync is not news until it changes something
  // (then the list re-renders), and one that hangs must never look like work in progress forever.
  const spinning = refreshing;
  return (
    <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-xs text-muted" data-testid="sync-status">
      {refreshErrorNote}
      {sync.pending > 0 && <span>{sync.pending} waiting to sync</span>}
      {sync.parked > 0 && <span className="text-danger">{sync.parked} not saved in Notion</span>}
      <span aria-live="polite">
        {spinning ? "Syncing with Notion…" : sync.lastSyncedAt && now ? `Synced ${ago(sync.lastSyncedAt, now)}` : null}
      </span>
      <IconButton size="md" label="Refresh from Notion" onClick={refresh} disabled={refreshing} aria-busy={refreshing || undefined}>
        <RefreshCw className={spinning ? "size-4 animate-spin" : "size-4"} aria-hidden />
      </IconButton>
    </div>
  );
}
