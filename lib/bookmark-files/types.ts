import type { FILE_FORMATS } from "./formats";

/** Which reader read a file; lib/bookmark-files/formats.ts names each for people. */
export type FileFormat = (typeof FILE_FORMATS)[number];

/** One bookmark as found in a file: raw strings, not yet validated (the import service validates). */
export type ParsedBookmark = {
  /** 1-based line in the file where the row starts, when known. */
  line: number | null;
  /** As written (trimmed); may be invalid. */
  url: string;
  /** Entity-decoded; may be empty or too long. */
  title: string;
  description: string;
  /** Trimmed, deduplicated, original case. */
  tags: string[];
  /** Folder path from the root, without the browsers' root containers ("Bookmarks bar", …). */
  folders: string[];
  addedAt: Date | null;
};

/** A row the parser could not read at all (as opposed to a readable row with an invalid URL). */
export type ParseProblem = { line: number | null; reason: string };

export type ParseResult = { format: FileFormat; bookmarks: ParsedBookmark[]; problems: ParseProblem[] };

/** A file read from its bytes: also the character set it was decoded with, and the formats it could also be read as. */
export type FileReading = ParseResult & { encoding: string; alternatives: FileFormat[] };

/** What the exporters write for one bookmark. */
export type ExportBookmark = { url: string; title: string; description: string; tags: string[]; createdTime: string };

/**
 * A file format written in pieces, so an export of any size is sent a batch of rows at a time:
 * head, then rows for each batch in order, then tail.
 */
export type FileWriter = { head(): string; rows(batch: ExportBookmark[]): string; tail(): string };

/** The whole file at once. */
export function writeAll(writer: FileWriter, bookmarks: ExportBookmark[]): string {
  return writer.head() + writer.rows(bookmarks) + writer.tail();
}
