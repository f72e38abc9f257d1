import { csvWriter, parseCsv, toCsv } from "./csv";
import { decodeBytes } from "./decode";
import { BookmarkFileError } from "./errors";
import { decompressMozLz4, MOZLZ4_MAGIC } from "./firefox-lz4";
import { familyOf } from "./formats";
import { jsonWriter, parseJson, toJson } from "./json";
import { MAX_FILE_BYTES } from "./limits";
import { netscapeWriter, parseNetscape, toNetscapeHtml } from "./netscape";
import { looksLikeOneTab, parseOneTab } from "./onetab";
import { BPLIST_MAGIC, parseSafariPlist } from "./safari-plist";
import type { FileFormat, FileReading, ParseResult } from "./types";
import { normalizeNewlines, stripBom } from "./values";

export type { ExportBookmark, FileFormat, FileReading, FileWriter, ParsedBookmark, ParseProblem, ParseResult } from "./types";
export { encodingName, FILE_FORMATS, FORMAT_NAMES, isFileFormat } from "./formats";
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
 * The file's kind from its content (markup, a leading [ or {, OneTab's
 * "address | title" lines), then from its extension, then from markup further
 * in; CSV is what's left. The readers then tell the exact format apart.
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
  if (looksLikeOneTab(content)) {
    return "onetab";
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
export function parseBookmarkFile(text: string, fileName?: string, as?: FileFormat): ParseResult {
  // Every character is at least one byte, so the exact count is only needed near the limit.
  const bytes = text.length > MAX_FILE_BYTES / 3 ? utf8Length(text) : text.length;
  refuseOverLimit(bytes);
  return parseText(text, fileName, as);
}

function refuseOverLimit(bytes: number) {
  if (bytes > MAX_FILE_BYTES) {
    throw new BookmarkFileError(
      `This file is ${megabytes(bytes)}; Shelf imports files up to ${megabytes(MAX_FILE_BYTES)}. Split it and import the parts one after another.`,
    );
  }
}

/** `as` is followed only within the kind of file detected: CSV can be read as Pocket's, not as JSON. */
function parseText(text: string, fileName: string | undefined, as: FileFormat | undefined): ParseResult {
  const detected = detectFormat(text, fileName);
  const chosen = as !== undefined && familyOf(as).includes(detected) ? as : undefined;
  const format = chosen ?? detected;
  const content = normalizeNewlines(stripBom(text));
  let result: ParseResult;
  if (format === "netscape") {
    result = parseNetscape(content);
  } else if (format === "onetab") {
    result = parseOneTab(content);
  } else if (familyOf(format).includes("json")) {
    result = parseJson(content, chosen);
  } else {
    result = parseCsv(content, chosen as Parameters<typeof parseCsv>[1]);
  }
  return refuseTooMany(result);
}

function refuseTooMany(result: ParseResult): ParseResult {
  if (result.bookmarks.length > MAX_FILE_BOOKMARKS) {
    throw new BookmarkFileError(
      `This file has ${countFormat.format(result.bookmarks.length)} bookmarks; Shelf imports up to ${countFormat.format(MAX_FILE_BOOKMARKS)} at a time.`,
    );
  }
  return result;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return bytes.length >= magic.length && Buffer.from(bytes.buffer, bytes.byteOffset, magic.length).toString("latin1") === magic;
}

/**
 * Reads an uploaded file from its bytes: Safari's binary plist and Firefox's
 * compressed backups by their magic bytes, anything else decoded to text by
 * its byte-order mark, declared character set or content (decode.ts).
 * `as` is a format the person chose instead of the detected one.
 */
export function readBookmarkFile(bytes: Uint8Array, fileName?: string, as?: FileFormat): FileReading {
  refuseOverLimit(bytes.length);
  if (startsWith(bytes, BPLIST_MAGIC)) {
    return { ...refuseTooMany(parseSafariPlist(bytes)), encoding: "binary", alternatives: [] };
  }
  if (startsWith(bytes, MOZLZ4_MAGIC)) {
    const json = new TextDecoder().decode(decompressMozLz4(bytes));
    return { ...refuseTooMany(parseJson(json, "firefox-jsonlz4")), encoding: "utf-8", alternatives: [] };
  }
  const { text, encoding } = decodeBytes(bytes);
  const result = parseText(text, fileName, as);
  return { ...result, encoding, alternatives: familyOf(result.format).filter((format) => format !== result.format) };
}
