import type { Database } from "@/db/client";
import { fetchFile, LinkFetchError, type FetchPageOptions } from "@/lib/link-metadata/fetch";
import type { IconLink, PageMetadata } from "@/lib/link-metadata/parse";
import { log } from "@/lib/log";
import { ImageRefused, LIMITS, processImage, type ImageKind } from "./process";
import { findImage, linkBookmarkImages, saveImage, type ImageOutcome, type StoredImage } from "./queries";

/** A host's icon or a URL's preview fetched less than this long ago is used again as it is (found or not). */
const FRESH_MS = 7 * 24 * 60 * 60_000;
/** Icon files tried per host at most: the page's best few, then /favicon.ico. */
export const MAX_ICON_TRIES = 3;

const SVG = /\.svgz?($|[?#])/i;

function sizeOf(icon: IconLink): number {
  const sizes = (icon.sizes ?? "").toLowerCase().match(/(\d+)x(\d+)/g) ?? [];
  return Math.max(0, ...sizes.map((s) => Number(s.split("x")[0])));
}

/**
 * The icon URLs to try, best first: the page's bitmap icons nearest 64 px (a stated size of at
 * least 32 beats an unstated one), apple-touch-icons after them, /favicon.ico last. SVG icons are
 * left out: they are refused anyway (lib/link-images/process.ts).
 */
export function iconCandidates(pageUrl: string, icons: IconLink[] = []): string[] {
  const rank = (icon: IconLink) => {
    const size = sizeOf(icon);
    return (icon.apple ? 1000 : 0) + (size >= 32 ? Math.abs(size - 64) : size === 0 ? 100 : 200);
  };
  const urls = icons
    .filter((icon) => icon.type?.toLowerCase() !== "image/svg+xml" && !SVG.test(icon.href))
    .sort((a, b) => rank(a) - rank(b))
    .map((icon) => resolved(icon.href, pageUrl))
    .filter((url): url is string => url !== null);
  const favicon = resolved("/favicon.ico", pageUrl);
  return [...new Set([...urls, ...(favicon ? [favicon] : [])])].slice(0, MAX_ICON_TRIES);
}

function resolved(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The first candidate that downloads within its cap and decodes as a bitmap, or why none did. */
async function firstImage(kind: ImageKind, candidates: string[], options: FetchPageOptions): Promise<ImageOutcome> {
  let failure = "none found";
  for (const url of candidates) {
    try {
      const file = await fetchFile(url, { ...options, maxBytes: LIMITS[kind].maxBytes });
      return { image: await processImage(kind, file.bytes), sourceUrl: url };
    } catch (error) {
      if (!(error instanceof LinkFetchError || error instanceof ImageRefused)) throw error;
      failure = error instanceof LinkFetchError ? `${error.reason}: ${error.message}` : error.reason;
      // Refusals are logged, never shown: the person sees the letter square.
      log.info({ kind, url, reason: failure }, "link image not used");
    }
  }
  return { failure };
}

async function imageFor(db: Database, kind: ImageKind, key: string, candidates: () => string[], options: FetchPageOptions, refresh: boolean): Promise<StoredImage | null> {
  const known = await findImage(db, kind, key);
  if (known && !refresh && Date.now() - known.fetchedAt.getTime() < FRESH_MS) return known;
  const urls = candidates();
  if (urls.length === 0) return known && !refresh ? known : saveImage(db, kind, key, { failure: "none found" });
  return saveImage(db, kind, key, await firstImage(kind, urls, options));
}

export type LinkImagesJob = {
  workspaceId: string;
  bookmarkId: string;
  /** The bookmark's host and port (icons are kept per site) and normalized URL (previews are kept per URL). */
  host: string;
  normalizedUrl: string;
  /** Where the page was found, after redirects: relative hrefs resolve against it. */
  pageUrl: string;
  refresh?: boolean;
};

/** What the bookmark shows now; the source URLs are for Notion's page icon and cover. */
export type FoundImages = { icon: StoredImage | null; preview: StoredImage | null };

/**
 * Fetches (or reuses) the site's icon and the page's preview image for a bookmark whose page was
 * just read, through the SSRF-guarded fetcher, and points the bookmark at them.
 */
export async function fetchLinkImages(db: Database, job: LinkImagesJob, found: PageMetadata, options: FetchPageOptions): Promise<FoundImages> {
  const refresh = job.refresh ?? false;
  const icon = await imageFor(db, "icon", job.host, () => iconCandidates(job.pageUrl, found.icons), options, refresh);
  const previewUrl = found.image ? resolved(found.image, job.pageUrl) : null;
  const preview = await imageFor(db, "preview", job.normalizedUrl, () => (previewUrl ? [previewUrl] : []), options, refresh);
  const shown = (image: StoredImage | null) => (image?.digest ? image : null);
  await linkBookmarkImages(db, job.workspaceId, job.bookmarkId, { iconId: shown(icon)?.id ?? null, previewId: shown(preview)?.id ?? null });
  return { icon: shown(icon), preview: shown(preview) };
}

/**
 * The URL Notion may show as the page's icon or cover: the image's own address, only when it is
 * https (Notion's clients load it from the person's browser, so a plain-http or private address
 * would leak or fail). With LINK_METADATA_ALLOW_LOOPBACK (tests only), http on loopback passes too.
 */
export function notionImageUrl(image: StoredImage | null, allowLoopback: boolean): string | undefined {
  if (!image?.sourceUrl) return undefined;
  const url = new URL(image.sourceUrl);
  if (url.protocol === "https:") return url.href;
  return allowLoopback && (url.hostname === "127.0.0.1" || url.hostname === "localhost") ? url.href : undefined;
}
