import { isChromeBookmarks, isFirefoxBackup, readChromeBookmarks, readFirefoxBackup } from "./browser-json";
import { BookmarkFileError } from "./errors";
import {
  isLinkwarden,
  listKind,
  readKarakeepItem,
  readLinkwarden,
  readOmnivoreItem,
  readPinboardItem,
  type ItemReading,
} from "./manager-json";
import { cleanTags, lineIndex, readDate, splitTags } from "./values";
import { writeAll, type ExportBookmark, type FileFormat, type FileWriter, type ParsedBookmark, type ParseProblem, type ParseResult } from "./types";

export const SHELF_JSON_FORMAT = "shelf-bookmarks";
export const SHELF_JSON_VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function readTags(value: unknown): string[] {
  if (Array.isArray(value)) {
    return cleanTags(value.filter((tag): tag is string => typeof tag === "string"));
  }
  return typeof value === "string" ? splitTags(value) : [];
}

/**
 * Offsets where the items of the bookmark list start (the top-level array, or
 * the top-level object's "bookmarks" array), found by a scan of the text
 * JSON.parse has already accepted, so each row can carry its line.
 */
function itemOffsets(source: string): number[] {
  const offsets: number[] = [];
  const topIsObject = source.trimStart().startsWith("{");
  let depth = 0;
  let listDepth = -1;
  let key = "";
  let readingKey = false;
  let awaitingItem = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === " " || char === "\n" || char === "\t" || char === "\r") {
      continue;
    }
    if (awaitingItem && char !== "]") {
      offsets.push(index);
      awaitingItem = false;
    }
    if (char === '"') {
      const end = closingQuote(source, index);
      if (depth === 1 && readingKey) {
        key = source.slice(index + 1, end);
      }
      index = end;
    } else if (char === "{" || char === "[") {
      depth += 1;
      const isList = depth === 1 ? !topIsObject : depth === 2 && topIsObject && key === "bookmarks";
      if (char === "[" && isList && listDepth === -1 && offsets.length === 0) {
        listDepth = depth;
        awaitingItem = true;
      }
      readingKey = depth === 1 && char === "{";
    } else if (char === "}" || char === "]") {
      if (depth === listDepth) {
        listDepth = -2;
        awaitingItem = false;
      }
      depth -= 1;
    } else if (char === ",") {
      awaitingItem = depth === listDepth;
      readingKey = depth === 1 && topIsObject;
    } else if (char === ":" && depth === 1) {
      readingKey = false;
    }
  }
  return offsets;
}

function closingQuote(source: string, open: number): number {
  for (let from = open + 1; ; ) {
    const quote = source.indexOf('"', from);
    if (quote === -1) {
      return source.length;
    }
    let backslashes = 0;
    while (source[quote - 1 - backslashes] === "\\") {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) {
      return quote;
    }
    from = quote + 1;
  }
}

function readShelfItem(item: unknown, index: number): ItemReading {
  if (!isRecord(item) || typeof item.url !== "string") {
    return { problem: `Bookmark ${index + 1} in the list has no “url” text.` };
  }
  const created = item.createdTime ?? item.created;
  return {
    url: item.url.trim(),
    title: readText(item.title),
    description: readText(item.description),
    tags: readTags(item.tags),
    folders: [],
    addedAt: typeof created === "string" || typeof created === "number" ? readDate(created) : null,
  };
}

/** Each item read into a bookmark or a problem, with the line it starts on. */
function parseItems(
  source: string,
  items: unknown[],
  format: FileFormat,
  read: (item: unknown, index: number) => ItemReading,
): ParseResult {
  const lineOf = lineIndex(source);
  const offsets = itemOffsets(source);
  const lineAt = (index: number) => {
    const offset = offsets.length === items.length ? offsets[index] : undefined;
    return offset === undefined ? null : lineOf(offset);
  };
  return collect(format, items.map((item, index) => ({ line: lineAt(index), reading: read(item, index) })));
}

function collect(format: FileFormat, readings: { line: number | null; reading: ItemReading }[]): ParseResult {
  const bookmarks: ParsedBookmark[] = [];
  const problems: ParseProblem[] = [];
  for (const { line, reading } of readings) {
    if ("problem" in reading) {
      problems.push({ line, reason: reading.problem });
    } else {
      bookmarks.push({ line, ...reading });
    }
  }
  return { format, bookmarks, problems };
}

const LIST_READERS = {
  pinboard: { format: "pinboard-json", read: readPinboardItem },
  karakeep: { format: "karakeep-json", read: readKarakeepItem },
  omnivore: { format: "omnivore-json", read: readOmnivoreItem },
  shelf: { format: "json", read: readShelfItem },
} as const satisfies Record<ReturnType<typeof listKind>, { format: FileFormat; read: (item: unknown, index: number) => ItemReading }>;

/**
 * Reads Shelf's JSON export ({ format, version, bookmarks: [...] }) or a bare
 * array of the same bookmark objects; the JSON bookmark files of Chrome and
 * Firefox; and the exports of Pinboard, Karakeep, Linkwarden and Omnivore. The
 * kind is told from the content unless `as` names it. An item that is not a
 * bookmark is a problem; the rest of the file still imports.
 */
export function parseJson(source: string, as?: FileFormat): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : "";
    throw new BookmarkFileError(`This file isn't valid JSON${detail}. Check that it is complete and try again.`);
  }
  if (as === "chrome-json" || (as === undefined && isChromeBookmarks(data))) {
    return { format: "chrome-json", bookmarks: isChromeBookmarks(data) ? readChromeBookmarks(data) : [], problems: [] };
  }
  if (as === "firefox-json" || as === "firefox-jsonlz4" || (as === undefined && isFirefoxBackup(data))) {
    return { format: as ?? "firefox-json", bookmarks: isFirefoxBackup(data) ? readFirefoxBackup(data) : [], problems: [] };
  }
  if (as === "linkwarden-json" || (as === undefined && isLinkwarden(data))) {
    const readings = isLinkwarden(data) ? readLinkwarden(data) : [];
    return collect("linkwarden-json", readings.map((reading) => ({ line: null, reading })));
  }
  const items = Array.isArray(data) ? data : isRecord(data) ? data.bookmarks : undefined;
  if (!Array.isArray(items)) {
    throw new BookmarkFileError(
      "Shelf doesn't know this kind of JSON file. It reads Shelf's own export, a list of bookmarks, the bookmark files of Chrome and Firefox, and the exports of Pinboard, Karakeep, Linkwarden and Omnivore.",
    );
  }
  const forced = Object.values(LIST_READERS).find((reader) => reader.format === as);
  const reader = forced ?? LIST_READERS[listKind(items)];
  return parseItems(source, items, reader.format, reader.read);
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * Shelf's JSON export in pieces, for writing it a batch at a time: the same text as
 * JSON.stringify(document, null, 2), the bookmarks array written item by item.
 */
export function jsonWriter(meta: { workspaceName: string | null }): FileWriter {
  let written = 0;
  const document = { format: SHELF_JSON_FORMAT, version: SHELF_JSON_VERSION, exportedAt: new Date().toISOString(), workspace: meta.workspaceName };
  const opening = JSON.stringify(document, null, 2).slice(0, -2);
  return {
    head: () => `${opening},\n  "bookmarks": [`,
    rows: (batch) =>
      batch
        .map(({ url, title, description, tags, createdTime }) => {
          const item = indent(JSON.stringify({ url, title, description, tags, createdTime }, null, 2), "    ");
          return `${written++ === 0 ? "" : ","}\n    ${item}`;
        })
        .join(""),
    tail: () => `${written === 0 ? "" : "\n  "}]\n}\n`,
  };
}

/** Shelf's JSON export; parseJson reads it back. */
export function toJson(bookmarks: ExportBookmark[], meta: { workspaceName: string | null }): string {
  return writeAll(jsonWriter(meta), bookmarks);
}
