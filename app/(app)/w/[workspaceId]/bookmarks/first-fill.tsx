"use client";

import { usePolling } from "@/components/bookmarks/use-polling";
import { Card } from "@/components/ui/card";

/** The first visit copies the workspace's bookmarks from Notion; this shows how far it got. */
export function FirstFill({ rows }: { rows: number }) {
  usePolling(true, 1000);
  return (
    <Card padding="none" role="status" className="flex flex-col items-start gap-3 p-6" data-testid="first-fill">
      <p className="font-medium">Bringing your bookmarks over from Notion…</p>
      <div className="h-1.5 w-full max-w-md overflow-hidden rounded-full bg-surface" aria-hidden>
        <div className="h-full w-1/3 animate-pulse rounded-full bg-accent" />
      </div>
      <p className="text-sm text-muted">
        {rows === 0 ? "Starting…" : `${rows.toLocaleString("en")} bookmarks so far.`} This happens once; afterwards the list
        opens instantly.
      </p>
    </Card>
  );
}

/**
 * The first sync has brought the first rows, which the list already shows; the count goes on
 * rising above them until it is done. Notion gives no total to count towards.
 */
export function FillingIn({ rows }: { rows: number }) {
  return (
    <p role="status" className="text-sm text-muted" data-testid="first-fill">
      Bringing your bookmarks over from Notion: {rows.toLocaleString("en")} so far. The list fills in as they arrive.
    </p>
  );
}
