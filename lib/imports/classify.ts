import type { ParseResult } from "@/lib/bookmark-files/types";
import { bookmarkInputSchema } from "@/lib/bookmarks/schema";
import { normalizeUrl, parseHttpUrl } from "@/lib/bookmarks/url";

// Notion's limit on a rich text value (lib/bookmarks/schema.ts refuses longer ones).
const TEXT_MAX = 2000;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A bookmark keeps at most this many tags (lib/bookmarks/schema.ts), also after copies are merged.
const TAGS_MAX = 100;

export type RowStatus = "new" | "existing" | "duplicate" | "invalid";

/** One row of a file as the preview decided it; `new` rows are what the import will save. */
export type ClassifiedRow = {
  position: number;
  line: number | null;
  status: RowStatus;
  reason: string | null;
  title: string;
  url: string;
  normalizedUrl: string | null;
  description: string;
  tags: string[];
  addedAt: Date | null;
};

export type ClassifyOptions = {
  /** Adds each folder of the row's folder path as a tag. */
  folderTags: boolean;
  /** Normalized URLs already in the workspace (not trashed). */
  existing: ReadonlySet<string>;
};

/** Cuts to Notion's length in UTF-16 units with "…", never inside a surrogate pair. */
export function cutToNotionLength(text: string, max = TEXT_MAX): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

const TAB_OR_NEWLINE = /[\t\n\r]/g;
const EDGE_CONTROLS_OR_SPACES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const WHITESPACE = /\s/g;

/**
 * An address as a browser's URL parser reads it (WHATWG URL): tabs and line
 * breaks anywhere are dropped, controls and spaces at either end trimmed, and
 * the spaces left inside percent-encoded. Exports keep what the person once
 * pasted, and Pocket's hold addresses with literal spaces.
 */
export function cleanAddress(raw: string): string {
  return raw.replace(TAB_OR_NEWLINE, "").replace(EDGE_CONTROLS_OR_SPACES, "").replace(WHITESPACE, (space) => encodeURIComponent(space));
}

const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with an address that still fails validation after cleaning, in words. */
function addressProblem(url: string): string {
  if (url === "") return "This row has no web address.";
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    return `Only http and https addresses can be saved; this one starts with “${scheme}:”.`;
  }
  const control = CONTROL.exec(url)?.[0];
  if (control !== undefined) {
    return `The address contains the control character U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, so it can't be saved.`;
  }
  if (parseHttpUrl(url) === null) return "This isn't a valid web address: its host name can't be read.";
  return "Web addresses can be at most 2,000 characters";
}

/**
 * Browsers export what people once saved; being strict about what a person never typed would only
 * turn good bookmarks away. So titles lose line breaks and control characters and are cut to
 * Notion's limit, descriptions likewise; folder names become tags without commas (Notion's
 * separator). Only what cannot be saved faithfully — the address, tags that are too long or too
 * many — makes a row invalid.
 */
function tidy(row: ParseResult["bookmarks"][number], folderTags: boolean) {
  const title = cutToNotionLength(row.title.replace(/[\s\u2028\u2029]+/g, " ").replace(CONTROL_CHARACTERS, "").trim());
  const description = cutToNotionLength(row.description.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").trim());
  const folders = folderTags ? row.folders.map((folder) => folder.replace(/,/g, " ").replace(/\s+/g, " ").trim()) : [];
  const tags = [...row.tags, ...folders].filter((tag) => tag !== "");
  return { url: cleanAddress(row.url), title, description, tags };
}

/** The copy's tags join the first row's (case-insensitively new ones, up to the limit), and the earlier date wins. */
function mergeInto(first: ClassifiedRow, copy: ClassifiedRow) {
  const known = new Set(first.tags.map((tag) => tag.toLowerCase()));
  for (const tag of copy.tags) {
    if (first.tags.length >= TAGS_MAX) break;
    if (!known.has(tag.toLowerCase())) {
      known.add(tag.toLowerCase());
      first.tags.push(tag);
    }
  }
  if (copy.addedAt !== null && (first.addedAt === null || copy.addedAt < first.addedAt)) first.addedAt = copy.addedAt;
}

/**
 * Decides every row of a parsed file with the app's own validation: invalid (the reason in words),
 * existing (its normalized URL is already saved), duplicate (an earlier row has it) or new.
 * A duplicate is merged into the first row with its address, the way a person filing one page
 * in two folders means it: the union of the tags (folder tags included) and the earlier date.
 * Rows the parser could not read at all follow as invalid.
 */
export function classifyRows(parsed: ParseResult, options: ClassifyOptions): ClassifiedRow[] {
  const firstWith = new Map<string, ClassifiedRow>();
  const rows: ClassifiedRow[] = parsed.bookmarks.map((raw, position) => {
    const fields = tidy(raw, options.folderTags);
    const base = { position, line: raw.line, addedAt: raw.addedAt, ...fields, normalizedUrl: null, reason: null };
    const checked = bookmarkInputSchema.safeParse(fields);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const reason = issue?.path[0] === "url" ? addressProblem(fields.url) : (issue?.message ?? "This row can't be saved");
      return { ...base, status: "invalid", reason };
    }
    const bookmark = checked.data;
    const normalizedUrl = normalizeUrl(bookmark.url);
    const first = firstWith.get(normalizedUrl);
    const status: RowStatus = options.existing.has(normalizedUrl) ? "existing" : first !== undefined ? "duplicate" : "new";
    const classified: ClassifiedRow = { ...base, ...bookmark, tags: [...bookmark.tags], normalizedUrl, status };
    if (first === undefined) {
      firstWith.set(normalizedUrl, classified);
    } else {
      mergeInto(first, classified);
    }
    return classified;
  });
  for (const problem of parsed.problems) {
    rows.push({
      position: rows.length,
      line: problem.line,
      status: "invalid",
      reason: problem.reason,
      title: "",
      url: "",
      normalizedUrl: null,
      description: "",
      tags: [],
      addedAt: null,
    });
  }
  return rows;
}
