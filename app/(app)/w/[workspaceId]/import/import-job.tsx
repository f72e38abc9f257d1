"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { usePolling } from "@/components/bookmarks/use-polling";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTrigger } from "@/components/ui/dialog";
import { encodingName, FORMAT_NAMES, isFileFormat } from "@/lib/bookmark-files/formats";
import { etaInWords } from "@/lib/imports/eta";
import type { ImportView } from "@/lib/imports/types";
import { cancelImportAction, pauseImportAction, resumeImportAction, startImportAction } from "./actions";

const count = (n: number) => n.toLocaleString("en");

type Act = typeof startImportAction;

/** One import: its preview, then its progress with pause/resume/cancel, then its report. */
export function ImportJob({ workspaceId, job }: { workspaceId: string; job: ImportView }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const { progress, counts } = job;
  const settling = job.status === "running" || job.status === "paused" || (job.status === "cancelled" && progress.remaining > 0);
  usePolling(settling, 1000);

  function act(action: Act, after?: () => void) {
    start(async () => {
      const result = await action({ workspaceId, jobId: job.id });
      if (!result.ok) return void toast.error(result.error);
      after?.();
      router.refresh();
    });
  }

  return (
    <div className="mt-3 flex flex-col gap-5" data-testid="import-job">
      <p className="text-sm text-muted" data-testid="import-file">
        <span className="font-medium text-ink break-all">{job.fileName}</span> · read as{" "}
        <span data-testid="import-format">{isFileFormat(job.format) ? FORMAT_NAMES[job.format] : job.format}</span>
        {job.encoding && job.encoding !== "binary" && <span data-testid="import-encoding"> · {encodingName(job.encoding)}</span>}
        {job.folderTags && " · folder names as tags"}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="What the file holds">
        <Count label="New" value={counts.toImport} testId="count-new" />
        <Count label="Already saved" value={counts.existing} testId="count-existing" />
        <Count label="Copies merged" value={counts.duplicate} testId="count-duplicate" />
        <Count label="Invalid" value={counts.invalid} testId="count-invalid" />
      </dl>

      {job.status === "preview" && counts.duplicate > 0 && (
        <p className="text-sm text-muted">
          Addresses that appear more than once become one bookmark with the tags of every copy and the earliest date.
        </p>
      )}
      {job.status === "preview" && job.alternatives.length > 0 && (
        <ReadAs job={job} onChoose={(format) => act(cancelImportAction, () => router.push(`/w/${workspaceId}/import?format=${format}`))} pending={pending} />
      )}

      {job.status === "preview" ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="primary" disabled={pending || counts.toImport === 0} onClick={() => act(startImportAction)}>
            {counts.toImport === 0 ? "Nothing new to import" : `Import ${count(counts.toImport)} bookmark${counts.toImport === 1 ? "" : "s"}`}
          </Button>
          <Button disabled={pending} onClick={() => act(cancelImportAction, () => router.push(`/w/${workspaceId}/import`))}>
            Discard
          </Button>
        </div>
      ) : (
        <Progress job={job} />
      )}

      {(job.status === "running" || job.status === "paused") && (
        <div className="flex flex-wrap items-center gap-2">
          {job.status === "running" ? (
            <Button disabled={pending} onClick={() => act(pauseImportAction)}>
              Pause
            </Button>
          ) : (
            <Button variant="primary" disabled={pending} onClick={() => act(resumeImportAction)}>
              Resume
            </Button>
          )}
          <CancelDialog disabled={pending} onConfirm={() => act(cancelImportAction)} remaining={progress.remaining} />
        </div>
      )}

      <Problems workspaceId={workspaceId} job={job} />

      {(job.status === "completed" || job.status === "cancelled") && (
        <p>
          <Link href={`/w/${workspaceId}/import`} className="text-sm text-accent underline underline-offset-2">
            Import another file
          </Link>
        </p>
      )}
    </div>
  );
}

/** For a file read as the wrong format: discards this preview and asks for the file again, as the chosen one. */
function ReadAs({ job, onChoose, pending }: { job: ImportView; onChoose: (format: string) => void; pending: boolean }) {
  const [choice, setChoice] = useState(job.alternatives[0] ?? "");
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onChoose(choice);
      }}
    >
      <label htmlFor="read-as" className="text-muted">
        Not what the file is?
      </label>
      <select
        id="read-as"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        className="h-8 rounded-md border border-line-strong bg-surface px-2 pointer-coarse:h-11"
      >
        {job.alternatives.map((format) => (
          <option key={format} value={format}>
            {FORMAT_NAMES[format]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending}>
        Choose the file again as this
      </Button>
    </form>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-md bg-surface px-3 py-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {count(value)}
      </dd>
    </div>
  );
}

const HEADLINES = {
  running: "Importing…",
  paused: "Paused. Bookmarks already sent still arrive in Notion.",
  cancelled: "Cancelled. Bookmarks already saved stay.",
  completed: "Import finished.",
} as const;

function Progress({ job }: { job: ImportView }) {
  const { done, failed, skipped } = job.progress;
  const total = job.counts.toImport;
  const handled = done + failed + skipped;
  const eta = etaInWords(job.progress.etaSeconds);
  const headline = job.status === "preview" ? "" : HEADLINES[job.status];
  return (
    <div className="flex flex-col gap-2" role="status" aria-live="polite" aria-atomic="false">
      <p className="text-sm font-medium" data-testid="import-headline">
        {job.status === "cancelled" && job.progress.remaining > 0 ? "Cancelled. Finishing the bookmarks already sent…" : headline}
      </p>
      <ProgressBar label="Import progress" value={handled} max={total} />
      <p className="flex flex-wrap gap-x-3 text-sm text-muted" data-testid="import-progress">
        <span>
          <span className="font-medium text-ink">{count(done)}</span> saved
        </span>
        <span>
          <span className="font-medium text-ink">{count(failed)}</span> failed
        </span>
        <span>
          <span className="font-medium text-ink">{count(skipped)}</span> skipped
        </span>
        {eta && <span>· {eta}</span>}
      </p>
    </div>
  );
}

function CancelDialog({ disabled, onConfirm, remaining }: { disabled: boolean; onConfirm: () => void; remaining: number }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={disabled}>Cancel import…</Button>
      </DialogTrigger>
      <DialogContent title="Cancel this import?">
          <DialogDescription className="text-sm text-muted">
            The {count(remaining)} bookmarks not saved yet are skipped. Bookmarks already saved stay in Shelf and Notion.
          </DialogDescription>
          <div className="mt-5 flex justify-end gap-2">
            <DialogClose asChild>
              <Button>Keep importing</Button>
            </DialogClose>
            <Button
              variant="danger"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              Cancel import
            </Button>
          </div>
      </DialogContent>
    </Dialog>
  );
}

function Problems({ workspaceId, job }: { workspaceId: string; job: ImportView }) {
  if (job.problemCount === 0) return null;
  const finished = job.status === "completed" || job.status === "cancelled";
  return (
    <section aria-labelledby="problems-heading" className="flex flex-col gap-2">
      <h3 id="problems-heading" className="text-sm font-medium">
        {finished ? "Not imported" : "Will not be imported"} ({count(job.problemCount)})
      </h3>
      <ul className="max-h-72 divide-y divide-line overflow-y-auto rounded-md border border-line text-sm">
        {job.problems.map((problem, index) => (
          <li key={index} className="flex flex-col gap-0.5 px-3 py-2">
            <span className="break-all">{problem.url || <span className="text-muted">(no address)</span>}</span>
            <span className="text-muted">
              {problem.line !== null && `Line ${problem.line}: `}
              {problem.reason}
            </span>
          </li>
        ))}
      </ul>
      {job.problemCount > job.problems.length && (
        <p className="text-xs text-muted">The first {job.problems.length} are shown; the report has all of them.</p>
      )}
      {/* A route handler, not a page: a plain link downloads it. */}
      <Button asChild className="self-start">
        <a href={`/w/${workspaceId}/import/${job.id}/report`} download>
          <Download className="size-4" aria-hidden /> Download the report (CSV)
        </a>
      </Button>
    </section>
  );
}
