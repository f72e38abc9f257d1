/**
 * A saved page's readable content as Shelf keeps it: plain text with a few marks and vetted links,
 * never HTML. lib/notion/blocks.ts turns it into Notion blocks; the reader view renders it as text.
 */

/** A run of text. `href` is an absolute http(s) address; nothing else survives extraction. */
export type Inline = { text: string; bold?: true; italic?: true; code?: true; href?: string };

export type ArticleBlock =
  | { type: "heading"; level: 1 | 2 | 3; inlines: Inline[] }
  | { type: "paragraph"; inlines: Inline[] }
  /** `children` keep the list's nesting as found; the Notion writer flattens what Notion can't take in one request. */
  | { type: "list_item"; ordered: boolean; inlines: Inline[]; children: ArticleBlock[] }
  | { type: "quote"; inlines: Inline[] }
  | { type: "code"; language: string | null; text: string }
  /** Public https images only (see images.ts). */
  | { type: "image"; url: string; caption: string }
  | { type: "divider" };

export type Article = {
  /** Where the page was read, after redirects. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** As the page states it (ISO 8601 when it follows schema.org). */
  publishedTime: string | null;
  leadImage: string | null;
  blocks: ArticleBlock[];
  /** The article's words, paragraph by paragraph, for search and the reader view. */
  text: string;
};

/** Why a page was left as a plain bookmark. Each has a sentence for the person in `message`. */
export type NotArticleReason =
  | "no-article"
  | "challenge"
  | "paywall"
  | "not-html"
  | "too-large"
  | "blocked-address"
  | "unreachable";

export type ReadOutcome = { ok: true; article: Article } | { ok: false; reason: NotArticleReason; message: string };
