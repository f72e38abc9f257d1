import { BookmarkFileError } from "./errors";
import { cleanTags, readDate, splitTags } from "./values";
import type { ExportBookmark, ParsedBookmark, ParseProblem, ParseResult } from "./types";

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
 * Reads Shelf's JSON export ({ format, version, bookmarks: [...] }) or a bare
 * array of the same bookmark objects. An item that is not an object with a
 * url string is a problem; the rest of the file still imports.
 */
export function parseJson(source: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : "";
    throw new BookmarkFileError(`This file isn't valid JSON${detail}. Check that it is complete and try again.`);
  }
  const items = Array.isArray(data) ? data : isRecord(data) ? data.bookmarks : undefined;
  if (!Array.isArray(items)) {
    throw new BookmarkFileError(
      "This JSON file isn't a Shelf export: Shelf reads a list of bookmarks or an object with a “bookmarks” list.",
    );
  }

  const bookmarks: ParsedBookmark[] = [];
  const problems: ParseProblem[] = [];
  items.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.url !== "string") {
      problems.push({ line: null, reason: `Bookmark ${index + 1} in the list has no “url” text.` });
      return;
    }
    const created = item.createdTime ?? item.created;
    bookmarks.push({
      line: null,
      url: item.url.trim(),
      title: readText(item.title),
      description: readText(item.description),
      tags: readTags(item.tags),
      folders: [],
      addedAt: typeof created === "string" || typeof created === "number" ? readDate(created) : null,
    });
  });
  return { format: "json", bookmarks, problems };
}

/** Shelf's JSON export; parseJson reads it back. */
export function toJson(bookmarks: ExportBookmark[], meta: { workspaceName: string | null }): string {
  const document = {
    format: SHELF_JSON_FORMAT,
    version: SHELF_JSON_VERSION,
    exportedAt: new Date().toISOString(),
    workspace: meta.workspaceName,
    bookmarks: bookmarks.map(({ url, title, description, tags, createdTime }) => ({
      url,
      title,
      description,
      tags,
      createdTime,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
