"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useSyncExternalStore, useTransition } from "react";
import { toast } from "sonner";
import { quietButton } from "@/app/_components/button-styles";
import type { SyncStatus as Status } from "@/lib/bookmarks/service";
import { refreshBookmarksAction } from "./actions";
import { usePolling } from "./use-polling";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function subscribeToClock(tick: () => void) {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
}

/** The time, ticking every 30 s; null on the server, so relative times never mismatch on hydration. */
function useNow(): number | null {
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

/** When the list last matched Notion, what is still on its way, and a Refresh button. */
export function SyncStatus({ workspaceId, sync }: { workspaceId: string; sync: Status }) {
  const router = useRouter();
  const [refreshing, start] = useTransition();
  const now = useNow();
  usePolling(sync.syncing || sync.pending > 0 || sync.readingPages > 0);

  function refresh() {
    start(async () => {
      const result = await refreshBookmarksAction({ workspaceId });
      if (!result.ok) toast.error(result.error);
      router.refresh();
    });
  }

  const busy = refreshing || sync.syncing;
  return (
    <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-xs text-muted" data-testid="sync-status">
      {sync.pending > 0 && <span>{sync.pending} waiting to sync</span>}
      {sync.parked > 0 && <span className="text-danger">{sync.parked} not saved in Notion</span>}
      <span aria-live="polite">
        {busy ? "Syncing with Notion…" : sync.lastSyncedAt && now ? `Synced ${ago(sync.lastSyncedAt, now)}` : null}
      </span>
      <button type="button" className={quietButton} onClick={refresh} disabled={busy} aria-label="Refresh from Notion" title="Refresh from Notion">
        <RefreshCw className={`size-4 ${busy ? "animate-spin" : ""}`} aria-hidden />
      </button>
    </div>
  );
}
