import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { isFileFormat, MAX_FILE_BYTES } from "@/lib/bookmark-files";
import { UserFacingError } from "@/lib/errors";
import { getImport, listImports, TOO_BIG_MESSAGE } from "@/lib/imports/service";
import { ExportForm } from "./export-form";
import { ImportHistory } from "./import-history";
import { ImportJob } from "./import-job";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Import & export" };

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  const query = await searchParams;
  const jobParam = query.job;
  const askedFormat = isFileFormat(query.format) ? query.format : undefined;
  const asked = typeof jobParam === "string" && jobParam.length <= 100 ? jobParam : null;
  const ctx = { db: await getDb(), workspace };
  const history = await listImports(ctx);
  // Without a choice, an import still under way is what the person wants to see.
  const jobId = asked ?? history.find((j) => j.status === "running" || j.status === "paused")?.id ?? null;
  const job = jobId
    ? await getImport(ctx, jobId).catch((error: unknown) => {
        if (error instanceof UserFacingError && error.code === "not_found") return null;
        throw error;
      })
    : null;
  if (jobId && !job) notFound();

  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <h1 className="text-2xl font-semibold tracking-tight">Import &amp; export</h1>
      <Card as="section" aria-labelledby="import-heading">
        <h2 id="import-heading" className="font-medium">
          Import bookmarks
        </h2>
        {job ? (
          <ImportJob workspaceId={workspace.id} job={job} />
        ) : (
          <UploadForm workspaceId={workspace.id} maxBytes={MAX_FILE_BYTES} tooBigMessage={TOO_BIG_MESSAGE} initialFormat={askedFormat} />
        )}
      </Card>
      <ImportHistory workspaceId={workspace.id} imports={history} currentId={job?.id ?? null} />
      <ExportForm workspaceId={workspace.id} />
    </div>
  );
}
