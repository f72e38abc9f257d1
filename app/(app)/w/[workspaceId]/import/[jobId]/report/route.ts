import { UserFacingError } from "@/lib/errors";
import { attachment, downloadContext, notFoundResponse } from "@/lib/imports/download";
import { problemReportCsv } from "@/lib/imports/service";

/** The rows of an import that were not saved, with reasons, as CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ workspaceId: string; jobId: string }> }) {
  const { workspaceId, jobId } = await params;
  const ctx = await downloadContext(workspaceId);
  if (!ctx) return notFoundResponse();
  try {
    const report = await problemReportCsv(ctx, jobId);
    return attachment(report.csv, "text/csv; charset=utf-8", report.fileName);
  } catch (error) {
    if (error instanceof UserFacingError && error.code === "not_found") return notFoundResponse();
    throw error;
  }
}
