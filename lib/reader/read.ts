import { fetchPage, LinkFetchError, type FetchPageOptions } from "@/lib/link-metadata/fetch";
import { extractArticle } from "./extract";
import type { NotArticleReason, ReadOutcome } from "./types";

/**
 * The reader's limits over the link-metadata fetcher's (same SSRF rules, same redirects): the whole
 * body, up to 5 MB — articles with inline markup run to a few hundred KB, and a page cut short is
 * refused rather than half kept — and a longer time limit to download it.
 */
export const READER_FETCH = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, readUntil: "body" } as const;

const FETCH_REASONS: Record<LinkFetchError["reason"], NotArticleReason> = {
  "unsupported-url": "blocked-address",
  "blocked-address": "blocked-address",
  dns: "unreachable",
  "too-many-redirects": "unreachable",
  timeout: "unreachable",
  "http-status": "unreachable",
  "not-html": "not-html",
  "too-large": "too-large",
  network: "unreachable",
};

/** Reads `url` and finds its article; never throws for a page that can't be read, says why instead. */
export async function readArticle(url: string, options: Pick<FetchPageOptions, "allowLoopback" | "resolve" | "timeoutMs"> = {}): Promise<ReadOutcome> {
  let page;
  try {
    page = await fetchPage(url, { ...READER_FETCH, ...options });
  } catch (error) {
    if (!(error instanceof LinkFetchError)) throw error;
    const reason = FETCH_REASONS[error.reason];
    return { ok: false, reason, message: `no readable article: ${error.message}` };
  }
  if (page.truncated) {
    return { ok: false, reason: "too-large", message: `no readable article: the page is over ${READER_FETCH.maxBytes / 1024 / 1024} MB` };
  }
  return extractArticle(page.html, page.url);
}
