/**
 * Finds the article in a page's HTML with Mozilla's Readability (the reader view of Firefox) over
 * linkedom, a server DOM without scripts or layout, and tells apart what is not an article: app
 * shells, bot challenges, paywalls. Pure: the HTML is given (read.ts fetches it).
 */
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Article, ReadOutcome } from "./types";
import { publicImageUrl } from "./urls";
import { blocksOf, plainTextOf } from "./walk";

// Below this many characters of text, what Readability found is a fragment, not an article.
const MIN_ARTICLE_CHARS = 250;

// Cloudflare, Akamai, DataDome, PerimeterX…: the page a bot gets instead of the content.
const CHALLENGE_TITLES = /^(attention required|just a moment|access denied|please wait|checking your browser|verify(ing)? you are (a )?human|are you a robot|security check|one more step|pardon our interruption|ddos-guard)\b/i;
const CHALLENGE_MARKERS = ["#challenge-form", "#cf-challenge-running", "#challenge-running", ".cf-browser-verification", "#px-captcha", "[data-cf-beacon]#challenge"];
const CHALLENGE_SCRIPTS = /\/cdn-cgi\/challenge-platform\/|captcha-delivery\.com|\/_Incapsula_Resource|perimeterx|hcaptcha\.com\/1\/api|challenges\.cloudflare\.com/i;

// schema.org's way of saying the full text is for subscribers.
const PAYWALLED = /"isAccessibleForFree"\s*:\s*(false|"false")/i;
const PAYWALL_MARKERS = [".paywall", "#paywall", "[class*='paywall']", ".subscriber-only", ".premium-content"];

function isChallenge(document: Document, html: string): boolean {
  const title = document.querySelector("title")?.textContent?.trim() ?? "";
  if (CHALLENGE_TITLES.test(title)) return true;
  if (CHALLENGE_MARKERS.some((selector) => document.querySelector(selector))) return true;
  return CHALLENGE_SCRIPTS.test(html) && (document.body?.textContent ?? "").trim().length < 2000;
}

const meta = (document: Document, ...names: string[]) => {
  for (const name of names) {
    const value = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return null;
};

const NO_ARTICLE = "no readable article";

/** The article of `html`, found at `url` (after redirects), or why there is none. */
export function extractArticle(html: string, url: string): ReadOutcome {
  const { document } = parseHTML(html);
  const base = document.querySelector("base[href]")?.getAttribute("href");
  const baseUrl = base ? new URL(base, url).href : url;
  if (isChallenge(document, html)) {
    return { ok: false, reason: "challenge", message: `${NO_ARTICLE}: the site showed a bot check instead of the page` };
  }
  const leadImage = publicImageUrl(meta(document, "og:image", "og:image:secure_url", "twitter:image"), baseUrl);
  const siteName = meta(document, "og:site_name", "application-name");
  const paywalled = PAYWALLED.test(html) || PAYWALL_MARKERS.some((selector) => document.querySelector(selector));
  const readerable = isProbablyReaderable(document as unknown as Document);
  // Readability takes the document apart; classes stay so code blocks keep their language.
  const parsed = new Readability(document as unknown as Document, { keepClasses: true, serializer: (node: Node) => node }).parse();
  const blocks = parsed?.content ? blocksOf(parsed.content, baseUrl) : [];
  const text = plainTextOf(blocks);
  if (text.length < MIN_ARTICLE_CHARS || (!readerable && text.length < MIN_ARTICLE_CHARS * 4)) {
    return paywalled
      ? { ok: false, reason: "paywall", message: `${NO_ARTICLE}: the article is for subscribers` }
      : { ok: false, reason: "no-article", message: `${NO_ARTICLE}: the page is an app or a listing, not an article` };
  }
  const article: Article = {
    url,
    title: parsed?.title?.trim() || meta(document, "og:title") || "",
    byline: parsed?.byline?.trim() || null,
    siteName: parsed?.siteName?.trim() || siteName,
    publishedTime: parsed?.publishedTime?.trim() || meta(document, "article:published_time") || null,
    leadImage,
    blocks,
    text,
  };
  return { ok: true, article };
}
