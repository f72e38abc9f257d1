import type { Database } from "@/db/client";
import type { BookmarkRow, PageFetch } from "@/db/schema";
import { startPollingLoop, type PollingLoop } from "@/lib/background/polling-loop";
import { env } from "@/lib/env";
import { fetchPage, LinkFetchError } from "@/lib/link-metadata/fetch";
import { parseMetadata } from "@/lib/link-metadata/parse";
import {
  claimPageFetches,
  finishPageFetch,
  queueImportedPageFetches,
  queuePageFetch,
  retryPageFetchLater,
  savesBeingRead,
  type NewPageFetch,
} from "@/lib/link-metadata/queries";
import { log } from "@/lib/log";
import { retryDelayMs } from "./delivery";
import { FETCHES_PER_PAGE, readPageImages } from "./page-images";
import { recordFill, type Fill } from "./queries";
import type { BookmarkInput } from "./schema";
import { fallbackTitle } from "./url";
import { kickWorker } from "./worker";

type Empty = { title: boolean; description: boolean };

/**
 * The fields the person left empty. The form's schema has already put the fallback title in, so
 * a title equal to it counts as empty (typing exactly "host/path" is the same thing anyway).
 */
export function emptyFields(input: Pick<BookmarkInput, "url" | "title" | "description">): Empty {
  return { title: input.title === fallbackTitle(input.url), description: input.description === "" };
}

// Every save's page is read, typed title or not: its icon and preview come from it too.
function pageFetchFor(row: BookmarkRow, empty: Empty): NewPageFetch | null {
  if (!env().linkMetadata.enabled) return null;
  return {
    workspaceId: row.workspaceId,
    bookmarkId: row.id,
    url: row.url,
    savedTitle: empty.title ? row.title : null,
    savedDescription: empty.description ? row.description : null,
  };
}

/**
 * Queues the reading of a saved bookmark's page, to fill the title and description the person
 * left empty. Call it in the save's transaction: the fetch is then as durable as the bookmark.
 */
export async function fillFromPageLater(db: Database, saved: BookmarkRow, empty: Empty): Promise<void> {
  const fetch = pageFetchFor(saved, empty);
  if (fetch) await queuePageFetch(db, fetch);
}

/** Queues imported rows (for their icon and preview, and the title a file left out), behind every save and up to a bound per workspace. */
export async function fillImportedFromPageLater(db: Database, workspaceId: string, rows: BookmarkRow[]): Promise<void> {
  const fetches = rows
    .map((row) => pageFetchFor(row, emptyFields(row)))
    .filter((f): f is NewPageFetch => f !== null);
  await queueImportedPageFetches(db, workspaceId, fetches);
}

/** New bookmarks whose page is still to be read, so the workspace's screen keeps refreshing. */
export const pagesBeingRead = (db: Database, workspaceId: string) => savesBeingRead(db, workspaceId);

const MAX_ATTEMPTS = 5;
// Pages read at once by one instance; the fetches wait on the network, not on this process.
const CONCURRENCY = 4;
const RETRY = { maxAttempts: MAX_ATTEMPTS, baseDelayMs: 5000, maxDelayMs: 10 * 60_000 };

/**
 * Reads one claimed page (lib/link-metadata: SSRF-guarded, capped) and fills the fields that still
 * hold what was saved, through the outbox. A page that can't be read leaves the bookmark as saved
 * and is not asked again; anything else (the database away) is retried later.
 */
async function readPage(db: Database, job: PageFetch): Promise<void> {
  const { allowLoopback, timeoutMs } = env().linkMetadata;
  try {
    let found, page;
    try {
      page = await fetchPage(job.url, { allowLoopback, timeoutMs });
      found = parseMetadata(page.html);
    } catch (error) {
      // Refused, unreachable, too slow, not HTML: the bookmark keeps what was saved.
      if (error instanceof LinkFetchError) return await finishPageFetch(db, job.id);
      throw error;
    }
    const fill = (saved: string | null, value: string | undefined): Fill | undefined =>
      saved !== null && value ? { saved, found: value } : undefined;
    const filled = await recordFill(db, job.workspaceId, job.bookmarkId, {
      title: fill(job.savedTitle, found.title),
      description: fill(job.savedDescription, found.description),
    });
    const imaged = await readPageImages(db, job, page.url, found);
    await finishPageFetch(db, job.id);
    if (filled || imaged) kickWorker();
  } catch (error) {
    log.warn({ err: error, bookmarkId: job.bookmarkId, attempts: job.attempts }, "page fetch failed; retrying later");
    await retryPageFetchLater(db, job.id, retryDelayMs(job.attempts, RETRY)).catch(() => {
      // The lease lapses on its own; the row is due again then.
    });
  }
}

export type PageReaderOptions = { pollMs?: number; leaseMs?: number };

/**
 * Reads queued pages until stopped, on every instance. The lease outlasts the slowest read (the
 * page and its pictures, one timeout each) and its fill, so a live reader never loses its claim; a
 * dead one's lapses and another instance takes the page over.
 */
export function startPageReader(db: Database, options: PageReaderOptions = {}): PollingLoop {
  const leaseMs = options.leaseMs ?? env().linkMetadata.timeoutMs * FETCHES_PER_PAGE + 10_000;
  return startPollingLoop({
    component: "page-fetches",
    pollMs: options.pollMs ?? 1000,
    step: async () => {
      const jobs = await claimPageFetches(db, CONCURRENCY, leaseMs, MAX_ATTEMPTS);
      await Promise.all(jobs.map((job) => readPage(db, job)));
      return jobs.length > 0 ? "more" : "idle";
    },
  });
}

const globalForReader = globalThis as unknown as { shelfPageReader?: PollingLoop };

/** The server's page reader (one per process, kept across dev reloads); a save kicks it. */
export function serverPageReader(db: Database): PollingLoop {
  globalForReader.shelfPageReader ??= startPageReader(db);
  return globalForReader.shelfPageReader;
}

export function kickPageReader(): void {
  globalForReader.shelfPageReader?.kick();
}
