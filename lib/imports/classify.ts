import type { ParseResult } from "@/lib/bookmark-files/types";
import { bookmarkInputSchema } from "@/lib/bookmarks/schema";
import { normalizeUrl } from "@/lib/bookmarks/url";

// Notion's limit on a rich text value (lib/bookmarks/schema.ts refuses longer ones).
const TEXT_MAX = 2000;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

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
  return { url: row.url.trim(), title, description, tags };
}

/**
 * Decides every row of a parsed file with the app's own validation: invalid (the reason in words),
 * existing (its normalized URL is already saved), duplicate (an earlier row has it) or new.
 * Rows the parser could not read at all follow as invalid.
 */
export function classifyRows(parsed: ParseResult, options: ClassifyOptions): ClassifiedRow[] {
  const seen = new Set<string>();
  const rows: ClassifiedRow[] = parsed.bookmarks.map((raw, position) => {
    const fields = tidy(raw, options.folderTags);
    const base = { position, line: raw.line, addedAt: raw.addedAt, ...fields, normalizedUrl: null, reason: null };
    const checked = bookmarkInputSchema.safeParse(fields);
    if (!checked.success) {
      return { ...base, status: "invalid", reason: checked.error.issues[0]?.message ?? "This row can't be saved" };
    }
    const bookmark = checked.data;
    const normalizedUrl = normalizeUrl(bookmark.url);
    const status: RowStatus = options.existing.has(normalizedUrl) ? "existing" : seen.has(normalizedUrl) ? "duplicate" : "new";
    seen.add(normalizedUrl);
    return { ...base, ...bookmark, normalizedUrl, status };
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
