import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ImportSummary } from "@/lib/imports/types";

const STATUS_NAMES: Record<ImportSummary["status"], string> = {
  preview: "Not started",
  running: "Importing",
  paused: "Paused",
  cancelled: "Cancelled",
  completed: "Finished",
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Earlier imports of the workspace, newest first, each linking to its progress or report. */
export function ImportHistory({ workspaceId, imports, currentId }: { workspaceId: string; imports: ImportSummary[]; currentId: string | null }) {
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-3">
      <h2 id="history-heading" className="font-medium">
        Past imports
      </h2>
      {imports.length === 0 ? (
        <p className="text-sm text-muted">No imports yet. Files you import show up here with what became of each row.</p>
      ) : (
        <Card as="ul" padding="none" className="divide-y divide-line" data-testid="import-history">
          {imports.map((job) => (
            <li key={job.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <Link
                href={`/w/${workspaceId}/import?job=${job.id}`}
                aria-current={job.id === currentId ? "page" : undefined}
                className="min-w-0 break-all font-medium underline-offset-2 hover:underline aria-[current=page]:underline"
              >
                {job.fileName}
              </Link>
              <span className="text-muted">
                {STATUS_NAMES[job.status]} · {job.done.toLocaleString("en")} of {job.total.toLocaleString("en")} saved
                {job.failed > 0 && ` · ${job.failed.toLocaleString("en")} failed`}
                {job.skipped > 0 && ` · ${job.skipped.toLocaleString("en")} skipped`} · {dateFormat.format(new Date(job.createdAt))} UTC
              </span>
            </li>
          ))}
        </Card>
      )}
    </section>
  );
}
