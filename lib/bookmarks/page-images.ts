import type { Database } from "@/db/client";
import type { PageFetch } from "@/db/schema";
import { env } from "@/lib/env";
import { fetchLinkImages, notionImageUrl } from "@/lib/link-images/fetch-images";
import type { PageMetadata } from "@/lib/link-metadata/parse";
import { log } from "@/lib/log";
import { recordPageImages } from "./queries";
import { normalizeUrl } from "./url";

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
      { workspaceId: job.workspaceId, bookmarkId: job.bookmarkId, host: new URL(job.url).hostname, normalizedUrl: normalizeUrl(job.url), pageUrl, refresh },
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
