import { parseHttpUrl } from "@/lib/bookmarks/url";

/** What /save starts its form with: the page's address, title and any other words that came along. */
export type SharedLink = { url: string; title: string; description: string };

type Params = Record<string, string | string[] | undefined>;

// Stops at whitespace, quotes and angle brackets, which never end a URL pasted into prose.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/i;
// Sentence punctuation right after a URL belongs to the sentence.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
/** One line: a page title may carry line breaks, which a bookmark title can't. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The first http(s) address in free text, e.g. "Look at this https://example.com/a." → https://example.com/a. */
export function firstUrlIn(text: string): string | null {
  return urlMatch(text)?.url ?? null;
}

/** The address and the text it was found as (with the punctuation after it, which goes too). */
function urlMatch(text: string): { url: string; found: string } | null {
  const match = URL_IN_TEXT.exec(text);
  if (!match) return null;
  const url = match[0].replace(TRAILING_PUNCTUATION, "");
  return parseHttpUrl(url) ? { url, found: match[0] } : null;
}

/**
 * Reads /save's query: ?url=&title= from the bookmarklet, or ?title=&text=&url= from a phone's
 * share sheet, where many apps leave `url` empty and put the address inside `text`. Words of
 * `text` besides the address become the title when there is none, else the description.
 */
export function sharedLink(params: Params): SharedLink {
  const url = first(params.url).trim();
  const title = oneLine(first(params.title));
  const text = first(params.text).trim();
  const inText = urlMatch(text);
  const fromText = parseHttpUrl(url) || !inText ? url : inText.url;
  // "Airfoils, explained: https://…" leaves "Airfoils, explained".
  const rest = oneLine(inText ? text.replace(inText.found, " ") : text).replace(/\s*[:|–—-]$/, "");
  const words = rest === fromText || rest === url ? "" : rest;
  return { url: fromText, title: title || oneLine(words), description: title ? words : "" };
}

/** The /save address that reproduces these params, for coming back to it after signing in. */
export function saveHref(params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) query.append(key, v);
  const search = query.toString();
  return search ? `/save?${search}` : "/save";
}
