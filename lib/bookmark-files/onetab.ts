import type { ParsedBookmark, ParseResult } from "./types";

const SEPARATOR = " | ";
// A OneTab line: an address (any scheme, no spaces), then " | " and the title.
const ONETAB_LINE = /^[a-z][a-z0-9+.-]*:\S* \| /i;
const SAMPLE_LINES = 20;

/** True when most of the first lines are OneTab's "address | title". */
export function looksLikeOneTab(text: string): boolean {
  const lines = text.slice(0, 65_536).split("\n", SAMPLE_LINES * 4).filter((line) => line.trim() !== "").slice(0, SAMPLE_LINES);
  const matching = lines.filter((line) => ONETAB_LINE.test(line.trim())).length;
  return lines.length > 0 && matching * 2 > lines.length;
}

/**
 * Reads OneTab's "Export URLs" text: one "address | title" a line, tab groups
 * apart by blank lines (the groups have no names in the export).
 */
export function parseOneTab(text: string): ParseResult {
  const bookmarks: ParsedBookmark[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    line += 1;
    const row = text.slice(start, stop).trim();
    if (row !== "") {
      const separator = row.indexOf(SEPARATOR);
      bookmarks.push({
        line,
        url: (separator === -1 ? row : row.slice(0, separator)).trim(),
        title: separator === -1 ? "" : row.slice(separator + SEPARATOR.length).trim(),
        description: "",
        tags: [],
        folders: [],
        addedAt: null,
      });
    }
    start = stop + 1;
  }
  return { format: "onetab", bookmarks, problems: [] };
}
