"use client";

import { Undo2, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { SignInButton } from "@/app/_components/sign-in-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { IconButton } from "@/components/ui/icon-button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { undoBulkJob } from "@/lib/actions/bulk";
import type { BulkJobView } from "@/lib/bulk/service";
import { bookmarksWord, count } from "./bulk-words";

const DOING: Record<BulkJobView["action"], [string, string]> = {
  add_tags: ["Adding tags to", "Tagged"],
  remove_tags: ["Removing tags from", "Untagged"],
  trash: ["Moving to the trash:", "Trashed"],
  restore: ["Restoring", "Restored"],
  move: ["Moving", "Moved"],
};

function headline(job: BulkJobView): string {
  const [doing, did] = DOING[job.action];
  const tags = job.tags.length > 0 ? ` “${job.tags.join("”, “")}”` : "";
  const where = job.targetName ? ` to ${job.targetName}` : "";
  const running = job.status === "running" || job.remaining > 0;
  const what = job.undoOf ? (running ? "Undoing: " : "Undone: ") : "";
  if (running) return `${what}${doing} ${bookmarksWord(job.total)}${where}${tags && ` (${tags.trim()})`}`;
  return `${what}${did} ${bookmarksWord(job.done)}${where}${tags && ` (${tags.trim()})`}.`;
}

/** One bulk job's bar: counts while it runs, Reconnect while it waits, Undo once it is done. */
export function BulkProgress({ workspaceId, jobs, onStarted }: { workspaceId: string; jobs: BulkJobView[]; onStarted: (job: BulkJobView) => void }) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const shown = jobs.filter((job) => !dismissed.has(job.id));
  if (shown.length === 0) return null;

  function undo(job: BulkJobView) {
    startTransition(async () => {
      const result = await undoBulkJob({ workspaceId, jobId: job.id });
      if (!result.ok) return void toast.error(result.error);
      setDismissed((current) => new Set(current).add(job.id));
      onStarted(result.data);
    });
  }

  return (
    <div className="flex flex-col gap-2" data-testid="bulk-progress">
      {shown.map((job) => {
        const handled = job.done + job.failed + job.unchanged;
        const finished = job.status !== "running" && job.remaining === 0;
        return (
          <Card key={job.id} padding="none" className="flex flex-col gap-2 p-3" role="status" aria-live="polite" aria-atomic="false" data-testid="bulk-job">
            <div className="flex items-start gap-2">
              <p className="min-w-0 flex-1 text-sm font-medium break-words" data-testid="bulk-headline">
                {headline(job)}
              </p>
              {finished && job.undoable && (
                <Button size="sm" disabled={pending} onClick={() => undo(job)}>
                  <Undo2 className="size-3.5" aria-hidden /> Undo
                </Button>
              )}
              {finished && (
                <IconButton label="Dismiss" size="sm" onClick={() => setDismissed((current) => new Set(current).add(job.id))}>
                  <X className="size-3.5" aria-hidden />
                </IconButton>
              )}
            </div>
            {!finished && (
              <ProgressBar label="Bulk change progress" value={handled} max={job.total} />
            )}
            <p className="flex flex-wrap gap-x-3 text-sm text-muted" data-testid="bulk-counts">
              <span>
                <span className="font-medium text-ink">{count(job.done)}</span> of {count(job.total)} in Notion
              </span>
              {job.unchanged > 0 && (
                <span>
                  <span className="font-medium text-ink">{count(job.unchanged)}</span> needed no change
                </span>
              )}
              {job.failed > 0 && (
                <span>
                  <span className="font-medium text-danger">{count(job.failed)}</span> refused by Notion
                </span>
              )}
            </p>
            {job.waitingForReconnect && (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <p className="flex-1">Waiting: Notion no longer accepts Shelf&apos;s access. Reconnect and the change carries on where it stopped.</p>
                <SignInButton callbackUrl={`/w/${workspaceId}`} variant="secondary">
                  Reconnect
                </SignInButton>
              </div>
            )}
          </Card>
        );
      })}
    </div>
  );
}
