import { csvWriter, parseCsv, toCsv } from "./csv";
import { BookmarkFileError } from "./errors";
import { jsonWriter, parseJson, toJson } from "./json";
import { netscapeWriter, parseNetscape, toNetscapeHtml } from "./netscape";
import type { FileFormat, ParseResult } from "./types";
import { MAX_FILE_BYTES } from "./limits";
import { normalizeNewlines, stripBom } from "./values";

export type { ExportBookmark, FileFormat, FileWriter, ParsedBookmark, ParseProblem, ParseResult } from "./types";
export { BookmarkFileError, csvWriter, jsonWriter, MAX_FILE_BYTES, netscapeWriter, toCsv, toJson, toNetscapeHtml };

export const MAX_FILE_BOOKMARKS = 50_000;

const NETSCAPE_MARKERS = /<!DOCTYPE\s+NETSCAPE-Bookmark|<dl[\s>]|<a\s[^>]*href/i;
const MARKER_SAMPLE = 65_536;
const EXTENSION_FORMATS: Record<string, FileFormat> = {
  html: "netscape",
  htm: "netscape",
  json: "json",
  csv: "csv",
  tsv: "csv",
  txt: "csv",
};
// A binary file (a zip, a spreadsheet, an image) read as text has NULs or many
// replacement characters early on; one bad byte in a title is not that.
const BINARY_SAMPLE = 4096;
const BINARY_REPLACEMENTS = 16;

function looksBinary(content: string): boolean {
  const sample = content.slice(0, BINARY_SAMPLE);
  return sample.includes("\u0000") || (sample.match(/\ufffd/g)?.length ?? 0) >= BINARY_REPLACEMENTS;
}

const countFormat = new Intl.NumberFormat("en-US");

function extensionOf(fileName: string | undefined): string | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName ?? "");
  return match?.[1]?.toLowerCase();
}

/**
 * The file's format from its content (markup or a leading [ or { first), then
 * from its extension, then from markup further in; CSV is what's left.
 */
export function detectFormat(text: string, fileName?: string): FileFormat {
  const content = stripBom(text).trimStart();
  if (content === "") {
    throw new BookmarkFileError("This file is empty.");
  }
  if (looksBinary(content)) {
    throw new BookmarkFileError(
      "This doesn't look like a bookmarks file. Shelf reads bookmark exports saved as HTML, CSV or JSON.",
    );
  }
  if (content.startsWith("<")) {
    return "netscape";
  }
  if (content.startsWith("[") || content.startsWith("{")) {
    return "json";
  }
  // Markup further in decides only when the name doesn't: a CSV may quote
  // "<a href=…>" in a note.
  const hinted = EXTENSION_FORMATS[extensionOf(fileName) ?? ""];
  if (hinted !== undefined) {
    return hinted;
  }
  return NETSCAPE_MARKERS.test(content.slice(0, MARKER_SAMPLE)) ? "netscape" : "csv";
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i += 1;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** Reads a bookmarks file of any supported format. Throws only BookmarkFileError, for a file that cannot be read as a whole. */
export function parseBookmarkFile(text: string, fileName?: string): ParseResult {
  // Every character is at least one byte, so the exact count is only needed near the limit.
  const bytes = text.length > MAX_FILE_BYTES / 3 ? utf8Length(text) : text.length;
  if (bytes > MAX_FILE_BYTES) {
    throw new BookmarkFileError(
      `This file is ${megabytes(bytes)}; Shelf imports files up to ${megabytes(MAX_FILE_BYTES)}. Split it and import the parts one after another.`,
    );
  }
  const format = detectFormat(text, fileName);
  const content = normalizeNewlines(stripBom(text));
  const result = format === "netscape" ? parseNetscape(content) : format === "json" ? parseJson(content) : parseCsv(content);
  if (result.bookmarks.length > MAX_FILE_BOOKMARKS) {
    throw new BookmarkFileError(
      `This file has ${countFormat.format(result.bookmarks.length)} bookmarks; Shelf imports up to ${countFormat.format(MAX_FILE_BOOKMARKS)} at a time.`,
    );
  }
  return result;
}
