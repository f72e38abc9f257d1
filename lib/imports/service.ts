import type { Database } from "@/db/client";
import type { ImportJob, Workspace } from "@/db/schema";
import { BookmarkFileError, isFileFormat, MAX_FILE_BYTES, type FileFormat } from "@/lib/bookmark-files";
import { TOO_BIG_MESSAGE } from "@/lib/bookmark-files/limits";
import { recordAuditEvent } from "@/lib/audit/queries";
import type { ClientInfo } from "@/lib/audit/client-info";
import { env } from "@/lib/env";
import { RateLimitedError, UserFacingError } from "@/lib/errors";
import { hit, LIMITS, slowDownMessage } from "@/lib/security/rate-limit";
import { csvLine } from "./csv";
import { countItems, findJob, insertJob, itemsWithStatus, listJobs, transitionJob } from "./queries";
import { savedNormalizedUrls } from "./queries/saved";
import { readFileInWorker } from "./read-file";
import { kickImportRunner } from "./runner";
import type { ImportStatus, ImportSummary, ImportView } from "./types";

type Context = { db: Database; workspace: Workspace };

const PROBLEMS_SHOWN = 50;

export { TOO_BIG_MESSAGE };

/**
 * Reads an uploaded file, decides every row against the workspace's bookmarks and stores the
 * result as a job in preview: nothing is saved until the person starts it.
 */
export async function previewImport(
  ctx: Context & { userId: string },
  file: { name: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> },
  options: { folderTags: boolean; format?: FileFormat },
): Promise<ImportView> {
  if (file.size > MAX_FILE_BYTES) throw new UserFacingError(TOO_BIG_MESSAGE, "invalid");
  // "Already saved" is only true of a filled mirror of a chosen database.
  if (ctx.workspace.status !== "active" || !ctx.workspace.lastSyncedAt) {
    throw new UserFacingError("Open your bookmarks once, so Shelf knows what is already saved, then import.", "needs_setup");
  }
  const limited = await hit(ctx.db, LIMITS.import(), ctx.userId);
  if (!limited.allowed) throw new RateLimitedError(slowDownMessage(limited.retryAfterSeconds), limited.retryAfterSeconds);
  const fileName = file.name.slice(0, 200) || "bookmarks";
  const existing = [...(await savedNormalizedUrls(ctx.db, ctx.workspace.id))];
  let preview;
  try {
    // The bytes, not File.text(): the file's own character set decides how they become text.
    const bytes = await file.arrayBuffer();
    preview = await readFileInWorker({ bytes, fileName, format: options.format, folderTags: options.folderTags, existing });
  } catch (error) {
    if (error instanceof BookmarkFileError) throw new UserFacingError(error.message, "invalid");
    throw error;
  }
  if (preview.bookmarks === 0) throw new UserFacingError("This file has no bookmarks in it.", "invalid");
  const job = await insertJob(
    ctx.db,
    {
      workspaceId: ctx.workspace.id,
      userId: ctx.userId,
      format: preview.format,
      fileName,
      options: { folderTags: options.folderTags, encoding: preview.encoding, alternatives: preview.alternatives },
    },
    preview.rows,
  );
  return importView(ctx.db, job);
}

async function ownJob(ctx: Context, jobId: string): Promise<ImportJob> {
  const job = await findJob(ctx.db, ctx.workspace.id, jobId);
  if (!job) throw new UserFacingError("This import was not found.", "not_found");
  return job;
}

/** `alongside` runs in the transaction of the change, so what it records holds exactly when the change does. */
async function move(
  ctx: Context,
  jobId: string,
  [from, to]: [ImportStatus[], ImportStatus],
  refusal: string,
  alongside?: (tx: Database, job: ImportJob) => Promise<void>,
): Promise<ImportView> {
  await ownJob(ctx, jobId);
  const job = await ctx.db.transaction(async (tx) => {
    const moved = await transitionJob(tx, jobId, from, to);
    if (moved) await alongside?.(tx, moved);
    return moved;
  });
  if (!job) throw new UserFacingError(refusal, "invalid");
  if (to === "running") kickImportRunner();
  return importView(ctx.db, job);
}

/** Starts saving a previewed import; the runner takes it from here, in whichever process is up. */
export const startImport = (ctx: Context, jobId: string, client: ClientInfo | null = null) =>
  move(ctx, jobId, [["preview"], "running"], "This import has already been started.", (tx, job) => {
    const detail = { fileName: job.fileName, total: job.total };
    return recordAuditEvent(tx, { userId: job.userId, workspaceId: job.workspaceId, kind: "import_started", detail }, client);
  });

/** Stops handing rows to Notion; rows already on their way still arrive. */
export const pauseImport = (ctx: Context, jobId: string) => move(ctx, jobId, [["running"], "paused"], "Only a running import can be paused.");

export const resumeImport = (ctx: Context, jobId: string) => move(ctx, jobId, [["paused"], "running"], "Only a paused import can be resumed.");

/** Drops the rows not saved yet (counted as skipped); bookmarks already saved stay. */
export const cancelImport = (ctx: Context, jobId: string) =>
  move(ctx, jobId, [["preview", "running", "paused"], "cancelled"], "This import has already finished.");

export async function getImport(ctx: Context, jobId: string): Promise<ImportView> {
  return importView(ctx.db, await ownJob(ctx, jobId));
}

export async function listImports(ctx: Context): Promise<ImportSummary[]> {
  const jobs = await listJobs(ctx.db, ctx.workspace.id);
  return jobs.map((job) => ({
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    createdAt: job.createdAt.toISOString(),
    total: job.total,
    done: job.done,
    failed: job.failed,
    skipped: job.skipped,
  }));
}

async function importView(db: Database, job: ImportJob): Promise<ImportView> {
  const [counts, problems] = await Promise.all([countItems(db, job.id), itemsWithStatus(db, job.id, ["invalid", "failed"], PROBLEMS_SHOWN)]);
  // Rows still to save: a cancelled job only waits for those already in the outbox.
  const remaining = (job.status === "cancelled" ? 0 : counts.new) + counts.queued;
  return {
    id: job.id,
    fileName: job.fileName,
    format: job.format,
    encoding: typeof job.options.encoding === "string" ? job.options.encoding : null,
    alternatives: Array.isArray(job.options.alternatives) ? job.options.alternatives.filter(isFileFormat) : [],
    status: job.status,
    createdAt: job.createdAt.toISOString(),
    folderTags: job.options.folderTags === true,
    counts: { toImport: job.total, existing: counts.existing, duplicate: counts.duplicate, invalid: counts.invalid },
    progress: {
      done: counts.done,
      failed: counts.failed,
      skipped: job.status === "cancelled" ? counts.new : 0,
      remaining,
      // About one Notion request per bookmark at the workspace's rate.
      etaSeconds: job.status === "running" ? Math.ceil(remaining / env().notionRequestsPerSecond) : null,
    },
    problems: problems.map((item) => ({ line: item.line, url: item.url, reason: item.reason ?? "" })),
    problemCount: counts.invalid + counts.failed,
  };
}

/** The rows that were not saved because they were invalid or Notion refused them, as CSV. */
export async function problemReportCsv(ctx: Context, jobId: string): Promise<{ fileName: string; csv: string }> {
  const job = await ownJob(ctx, jobId);
  const items = await itemsWithStatus(ctx.db, job.id, ["invalid", "failed"]);
  const lines = [
    csvLine(["line", "url", "title", "tags", "reason"]),
    ...items.map((item) => csvLine([item.line === null ? "" : String(item.line), item.url, item.title, item.tags.join(", "), item.reason ?? ""])),
  ];
  const base = job.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-") || "import";
  return { fileName: `${base}-not-imported.csv`, csv: `${lines.join("\r\n")}\r\n` };
}
