/**
 * The content writer: reads a bookmark's article (lib/reader) and writes it into its Notion page's
 * body, chunk by chunk, exactly once (docs/decisions/035). Every chunk is recorded before it is
 * sent (`in_doubt`) and after Notion answers (its block ids); a job resumed with a chunk in doubt
 * reads the body back and looks for that chunk after the previous one's last block (for the
 * first chunk: the Source callout, whose text names the capture time) before sending it again.
 */
import type { Client } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { BookmarkContent } from "@/db/schema";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { retryDelayMs, type RetryPolicy } from "@/lib/bookmarks/delivery";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { articleBlocks, chunkBlocks, fingerprint, type NotionBlock } from "@/lib/notion/blocks";
import { notionForWorkspace } from "@/lib/notion/client";
import { classifyNotionError } from "@/lib/notion/errors";
import { appendChunk, bodyStart, deleteBlock, readBody, type BodyBlock } from "@/lib/notion/page-body";
import { readArticle } from "@/lib/reader/read";
import type { ArticleBlock } from "@/lib/reader/types";
import { plainTextOf } from "@/lib/reader/walk";
import { findWorkspace } from "@/lib/workspaces/queries";
import { claimContent, recordProgress, releaseContent, storeContentSearch, type ClaimedContent } from "./queries";

/** What the mirror keeps of an article's text for search and the reader view. */
export const MAX_TEXT_BYTES = 100 * 1024;

export const CONTENT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2000, maxDelayMs: 10 * 60_000 };

export type ContentWriterOptions = {
  pollMs?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Tests read pages from 127.0.0.1 (LINK_METADATA_ALLOW_LOOPBACK). */
  allowLoopback?: boolean;
};

/** Cuts text to at most `bytes` of UTF-8 without splitting a character. */
export function cutText(text: string, bytes = MAX_TEXT_BYTES): string {
  const encoded = Buffer.from(text);
  if (encoded.length <= bytes) return text;
  return new TextDecoder().decode(encoded.subarray(0, bytes)).replace(/\uFFFD$/, "");
}

/** The article's first blocks whose text fits in `bytes`, as `text` is cut: the reader view shows what search knows. */
export function cutBlocks(blocks: ArticleBlock[], bytes = MAX_TEXT_BYTES): ArticleBlock[] {
  let left = bytes;
  const kept: ArticleBlock[] = [];
  for (const block of blocks) {
    // plainTextOf puts a blank line between blocks.
    left -= Buffer.byteLength(plainTextOf([block])) + 2;
    if (left < 0) break;
    kept.push(block);
  }
  return kept;
}

class LostClaim extends Error {}

/** Thrown when the body is not what this job left: a person edited it meanwhile. */
class BodyChanged extends Error {}

type Run = { db: Database; job: ClaimedContent; notion: Client; leaseMs: number };

async function progress(run: Run, patch: Parameters<typeof recordProgress>[2]): Promise<void> {
  if (!(await recordProgress(run.db, run.job, patch, run.leaseMs))) throw new LostClaim();
}

/** Reads the article and freezes the chunks to send; a page that is not an article ends the job with its reason. */
async function extract(run: Run, options: ContentWriterOptions): Promise<boolean> {
  const outcome = await readArticle(run.job.url, { allowLoopback: options.allowLoopback ?? env().linkMetadata.allowLoopback });
  if (!outcome.ok) {
    await releaseContent(run.db, run.job, { status: "refused", reason: outcome.message });
    return false;
  }
  const { blocks, text, ...meta } = outcome.article;
  const capturedAt = new Date();
  await progress(run, {
    status: "writing",
    capturedAt,
    meta: { url: meta.url, title: meta.title || run.job.title, byline: meta.byline, siteName: meta.siteName, publishedTime: meta.publishedTime, leadImage: meta.leadImage },
    text: cutText(text),
    blocks: cutBlocks(blocks),
    chunks: chunkBlocks(articleBlocks({ url: meta.url, blocks }, capturedAt)),
    chunksDone: 0,
    inDoubt: false,
    writtenIds: [],
  });
  return true;
}

const editedSince = (block: BodyBlock, writtenAt: Date | null) =>
  // Notion keeps edit times to the minute: a block edited in the minute it was written reads as unedited.
  writtenAt !== null && new Date(block.last_edited_time).getTime() > Math.floor(writtenAt.getTime() / 60_000) * 60_000;

/**
 * Before the first chunk: the body must be empty, or hold only what Shelf wrote last time (a
 * refresh deletes that first). Anything else is the person's, and is kept unless they said replace.
 * One call for an empty body (the "+1" of the bench's calls per article).
 */
async function clearTheWay(run: Run): Promise<"ok" | "conflict"> {
  const { job } = run;
  const ours = new Set(job.replacingIds);
  const { blocks, more } = await bodyStart(run.notion, job.notionPageId);
  const body = more ? await readBody(run.notion, job.notionPageId) : blocks;
  const foreign = body.filter((block) => !ours.has(block.id));
  const edited = body.filter((block) => ours.has(block.id) && editedSince(block, job.writtenAt));
  if ((foreign.length > 0 || edited.length > 0) && !job.replaceEdited) return "conflict";
  const doomed = job.replaceEdited ? body.map((b) => b.id) : body.map((b) => b.id).filter((id) => ours.has(id));
  let left = doomed;
  for (const id of doomed) {
    try {
      await deleteBlock(run.notion, id);
    } catch (error) {
      // Already gone (deleted by the person, or by a lost answer of ours): what was wanted.
      const failure = classifyNotionError(error);
      if (failure?.kind !== "not_found" && !(failure?.kind === "refused" && /archived/i.test(failure.message))) throw error;
    }
    left = left.filter((other) => other !== id);
    await progress(run, { replacingIds: left });
  }
  await progress(run, { replacingIds: [] });
  return "ok";
}

/**
 * Whether chunk `index` reached the page although its answer was lost: its blocks follow the
 * previous chunk's last block (or, for the first, start at the Source callout of this capture).
 * Answers their ids when they did, null when they did not; throws BodyChanged when the body is
 * neither (a person changed it meanwhile), which stops the job rather than risk a second copy.
 */
async function landed(run: Run, index: number, chunk: NotionBlock[]): Promise<string[] | null> {
  const body = await readBody(run.notion, run.job.notionPageId);
  const anchor = index > 0 ? run.job.writtenIds[index - 1]!.at(-1)! : null;
  const start = anchor ? body.findIndex((b) => b.id === anchor) + 1 : body.findIndex((b) => fingerprint(b) === fingerprint(chunk[0]!));
  if (anchor && start === 0) throw new BodyChanged();
  if (start < 0 || start >= body.length) return null;
  const found = body.slice(start, start + chunk.length);
  const matches = found.length === chunk.length && found.every((block, i) => fingerprint(block) === fingerprint(chunk[i]!));
  if (!matches) throw new BodyChanged();
  return found.map((b) => b.id);
}

async function write(run: Run): Promise<void> {
  const { job } = run;
  const chunks = (job.chunks ?? []) as NotionBlock[][];
  if (job.chunksDone === 0 && !job.inDoubt && (await clearTheWay(run)) === "conflict") {
    await releaseContent(run.db, job, {
      status: "conflict",
      reason: "The page's body in Notion has content Shelf did not write. Refresh content and confirm to replace it.",
    });
    return;
  }
  for (let index = job.chunksDone; index < chunks.length; index++) {
    const chunk = chunks[index]!;
    let ids = job.inDoubt ? await landed(run, index, chunk) : null;
    if (!ids) {
      await progress(run, { inDoubt: true });
      ids = await appendChunk(run.notion, job.notionPageId, chunk);
    }
    await progress(run, { chunksDone: index + 1, inDoubt: false, writtenIds: [...job.writtenIds, ids], attempts: 0 });
  }
  await releaseContent(run.db, job, { status: "done", reason: null, chunks: null, writtenAt: new Date() });
  await storeContentSearch(run.db, job.bookmarkId);
}

/** What to do after a failed Notion call; `inDoubt` stays set only when the call may have been carried out. */
function afterFailure(error: unknown, job: BookmarkContent, policy: RetryPolicy): { patch: Parameters<typeof releaseContent>[2]; delayMs?: number } {
  const failure = classifyNotionError(error);
  const retry = (reason: string, sure: boolean, retryAfterSeconds?: number) => ({
    patch: { reason, ...(sure ? { inDoubt: false } : {}) },
    delayMs: retryDelayMs(job.attempts, policy, retryAfterSeconds),
  });
  switch (failure?.kind) {
    case "refused":
      return { patch: { status: "failed", reason: `Notion refused the content: ${failure.message}`, inDoubt: false } };
    case "not_found":
      return { patch: { status: "failed", reason: "Notion no longer has this bookmark's page.", inDoubt: false } };
    case "reconnect":
      return { patch: { reason: failure.message }, delayMs: 60_000 };
    case "answered":
      // 429 and 409 were not carried out; a 5xx may have been.
      return retry(`Notion answered ${failure.status}`, failure.status < 500, failure.retryAfterSeconds);
    case "timeout":
      return retry("Notion did not answer in time", false);
    case "unreachable":
      return retry("Shelf could not reach Notion", false);
    default:
      return retry(error instanceof Error ? error.message : String(error), false);
  }
}

/** Runs one claimed job as far as it goes; never throws. */
export async function runContentJob(db: Database, job: ClaimedContent, options: ContentWriterOptions & { leaseMs: number }): Promise<void> {
  const policy = options.retry ?? CONTENT_RETRY;
  try {
    const workspace = await findWorkspace(db, job.workspaceId);
    if (!workspace || workspace.status !== "active") return await releaseContent(db, job, { reason: "Waiting for the workspace to be usable again" }, 60_000);
    // The job has its own retry policy, and every attempt counts against the workspace's rate limit.
    const run: Run = { db, job, notion: notionForWorkspace(db, workspace, { retry: false }), leaseMs: options.leaseMs };
    if (job.chunks === null && !(await extract(run, options))) return;
    await write(run);
  } catch (error) {
    if (error instanceof LostClaim) return;
    if (error instanceof BodyChanged) {
      return releaseContent(db, job, { status: "conflict", reason: "The page's body changed in Notion while Shelf was writing it. Refresh content to write it again.", inDoubt: false });
    }
    const { patch, delayMs } = afterFailure(error, job, policy);
    log.warn({ err: error, bookmarkId: job.bookmarkId, attempts: job.attempts, chunk: job.chunksDone }, "content job failed");
    await releaseContent(db, job, patch, delayMs).catch(() => {
      // The lease lapses on its own; the job is due again then.
    });
  }
}

const CONCURRENCY = 2;

/**
 * Claims and runs up to two due content jobs to their end (or their next retry); answers how many.
 * The writer's loop and the cron drain's pass both step this way.
 */
export async function stepContent(db: Database, options: ContentWriterOptions = {}): Promise<number> {
  // Long enough for one Notion call and the fetch; every chunk extends it.
  const leaseMs = options.leaseMs ?? Math.max(env().notionTimeoutMs, 15_000) + 30_000;
  const jobs = await claimContent(db, CONCURRENCY, leaseMs, (options.retry ?? CONTENT_RETRY).maxAttempts);
  await Promise.all(jobs.map((job) => runContentJob(db, job, { ...options, leaseMs })));
  return jobs.length;
}

/** Claims and runs due content jobs until stopped, on every instance, behind the outbox (they wait for the page). */
export function startContentWriter(db: Database, options: ContentWriterOptions = {}): PollingLoop {
  return startPollingLoop({
    component: "content",
    pollMs: options.pollMs ?? 2000,
    step: async () => ((await stepContent(db, options)) > 0 ? "more" : "idle"),
  });
}
