"use client";

import { Undo2, X } from "lucide-react";
import { useTransition } from "react";
import { SignInButton } from "@/app/_components/sign-in-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { IconButton } from "@/components/ui/icon-button";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { BulkJobView } from "@/lib/bulk/service";
import { count, headline } from "./bulk-words";

/**
 * The bulk jobs' bars: counts while one runs, Reconnect while it waits, Undo once it is done. Undo
 * here and Ctrl/⌘+Z are one entry (useBulkStatus), so a job is reversed once whichever is pressed.
 */
export function BulkProgress({
  workspaceId,
  jobs,
  onUndo,
  onDismiss,
}: {
  workspaceId: string;
  jobs: BulkJobView[];
  onUndo: (job: BulkJobView) => Promise<void>;
  onDismiss: (jobId: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  if (jobs.length === 0) return null;

  return (
    <div className="flex flex-col gap-2" data-testid="bulk-progress">
      {jobs.map((job) => {
        const handled = job.done + job.failed + job.unchanged;
        const finished = job.status !== "running" && job.remaining === 0;
        return (
          <Card key={job.id} padding="none" className="flex flex-col gap-2 p-3" role="status" aria-live="polite" aria-atomic="false" data-testid="bulk-job">
            <div className="flex items-start gap-2">
              <p className="min-w-0 flex-1 text-sm font-medium break-words" data-testid="bulk-headline">
                {headline(job)}
              </p>
              {finished && job.undoable && (
                <Button size="sm" disabled={pending} onClick={() => startTransition(() => onUndo(job))}>
                  <Undo2 className="size-3.5" aria-hidden /> Undo
                </Button>
              )}
              {finished && (
                <IconButton label="Dismiss" size="sm" onClick={() => onDismiss(job.id)}>
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
