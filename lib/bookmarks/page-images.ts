import type { Database } from "@/db/client";
import type { PageFetch } from "@/db/schema";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { fetchPage, LinkFetchError } from "@/lib/link-metadata/fetch";
import { parseMetadata } from "@/lib/link-metadata/parse";
import { fetchLinkImages, MAX_ICON_TRIES, notionImageUrl } from "@/lib/link-images/fetch-images";
import type { PageMetadata } from "@/lib/link-metadata/parse";
import { log } from "@/lib/log";
import { findBookmark, recordPageImages } from "./queries";
import { kickWorker } from "./worker";
import { normalizeUrl } from "./url";

/** Fetches one page read may make, each under its own timeout: the page, its icon tries, its preview. */
export const FETCHES_PER_PAGE = 1 + MAX_ICON_TRIES + 1;

/**
 * After the page reader has read a bookmark's page: the site's icon and the page's preview image
 * (lib/link-images), and, when they live at public https addresses, the Notion page's icon and
 * cover through the outbox. A failure here never undoes the title fill; it is logged, and the
 * bookmark keeps its letter square. Returns whether an outbox write was queued.
 */
export async function readPageImages(db: Database, job: Pick<PageFetch, "workspaceId" | "bookmarkId" | "url">, pageUrl: string, found: PageMetadata, refresh = false): Promise<boolean> {
  const { allowLoopback, timeoutMs } = env().linkMetadata;
  try {
    const images = await fetchLinkImages(
      db,
      { workspaceId: job.workspaceId, bookmarkId: job.bookmarkId, host: new URL(job.url).host, normalizedUrl: normalizeUrl(job.url), pageUrl, refresh },
      found,
      { allowLoopback, timeoutMs },
    );
    const icon = notionImageUrl(images.icon, allowLoopback);
    const cover = notionImageUrl(images.preview, allowLoopback);
    if (!icon && !cover) return false;
    return (await recordPageImages(db, job.workspaceId, job.bookmarkId, { ...(icon ? { icon } : {}), ...(cover ? { cover } : {}) })) !== null;
  } catch (error) {
    log.warn({ err: error, bookmarkId: job.bookmarkId }, "site icon and preview not stored");
    return false;
  }
}

/**
 * "Refresh preview": reads the bookmark's page again now and fetches its icon and preview afresh
 * (not the week-old copies). Another person's bookmark is not found; a page that can't be read
 * says so in words.
 */
export async function refreshPageImages(ctx: { db: Database; workspace: { id: string } }, bookmarkId: string): Promise<void> {
  const row = await findBookmark(ctx.db, ctx.workspace.id, bookmarkId);
  if (!row || row.inTrash) throw new UserFacingError("This bookmark was not found.", "not_found");
  const { allowLoopback, timeoutMs } = env().linkMetadata;
  let page;
  try {
    page = await fetchPage(row.url, { allowLoopback, timeoutMs });
  } catch (error) {
    if (error instanceof LinkFetchError) throw new UserFacingError("Shelf couldn't read this page, so its preview stays as it was.", "failed");
    throw error;
  }
  const job = { workspaceId: row.workspaceId, bookmarkId: row.id, url: row.url };
  if (await readPageImages(ctx.db, job, page.url, parseMetadata(page.html), true)) kickWorker();
}
