import { detectDelimiter, readRows, type Row } from "./csv-rows";
import { BookmarkFileError } from "./errors";
import { cleanTags, readDate, readTagCell } from "./values";
import { writeAll, type ExportBookmark, type FileFormat, type FileWriter, type ParsedBookmark, type ParseProblem, type ParseResult } from "./types";

type Field = "url" | "title" | "description" | "tags" | "folder" | "created";

// Header names, compared lower-case without spaces or punctuation ("Created
// At" is "createdat"). Earlier names win when a file has several, so a
// Raindrop "note" beats its "excerpt".
const ALIASES: Record<Field, string[]> = {
  url: ["url", "link", "href", "uri"],
  title: ["title", "name"],
  description: ["description", "note", "notes", "excerpt", "selection"],
  tags: ["tags", "labels", "tag", "label", "documenttags"],
  folder: ["folder", "folders"],
  created: ["created", "added", "date", "createdtime", "createdat", "dateadded", "timeadded", "addedat", "timestamp", "saveddate"],
};

type CsvFormat = Extract<FileFormat, `${string}-csv`> | "csv";

// Each service's export told apart by the header names only it writes.
const SIGNATURES: [CsvFormat, string[]][] = [
  ["readwise-csv", ["documenttags", "saveddate"]],
  ["instapaper-csv", ["selection", "timestamp"]],
  ["raindrop-csv", ["excerpt", "cover"]],
  ["pocket-csv", ["timeadded"]],
];

// Folders a service always has, which say where an item is in its inbox, not what it is about.
const BUILT_IN_FOLDERS: Partial<Record<CsvFormat, string[]>> = {
  "instapaper-csv": ["unread", "archive", "starred"],
  "raindrop-csv": ["unsorted"],
};
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i;
const NUMBER_LIKE = /^[\d\s.,:/+-]+$/;
// How much of a file without a header is looked at to guess its columns.
const SAMPLE_ROWS = 20;
const SAMPLE_COLUMNS = 100;

// Spreadsheets run a cell that starts with one of these as a formula, so
// toCsv writes a ' before it (the OWASP advice) and the parser removes it.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Reads CSV (RFC 4180, plus ";" and tab delimiters) as exported by Shelf,
 * Raindrop, Pocket, Instapaper, Readwise Reader and spreadsheets. Columns come
 * from a header row when there is one; otherwise the first column holding web
 * addresses is the address and the next text column the title. The header also
 * tells which service wrote the file (or `as` says so), which decides the
 * folders that are only the service's own inbox places.
 */
export function parseCsv(text: string, as?: CsvFormat): ParseResult {
  const rows = readRows(text, detectDelimiter(text)).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  const header = rows[0] === undefined ? null : headerColumns(rows[0].cells);
  const format = as ?? (rows[0] === undefined || header === null ? "csv" : csvFormatOf(rows[0].cells));
  const builtInFolders = new Set(BUILT_IN_FOLDERS[format]);
  const columns = header ?? guessColumns(rows);
  const body = rows[0] !== undefined && (header !== null || !looksLikeData(rows[0].cells)) ? rows.slice(1) : rows;
  if (columns.url === undefined) {
    throw new BookmarkFileError(
      "We couldn't find a column of web addresses in this CSV file. Name that column “url” in the first row and try again.",
    );
  }

  const bookmarks: ParsedBookmark[] = [];
  const problems: ParseProblem[] = [];
  for (const row of body) {
    if (row.unclosed) {
      problems.push({
        line: row.line,
        reason: "A quoted value that starts on this line is never closed, so the rest of the file could not be read.",
      });
      continue;
    }
    const url = row.cells[columns.url];
    if (url === undefined) {
      problems.push({
        line: row.line,
        reason: `This row has ${row.cells.length} ${row.cells.length === 1 ? "value" : "values"}; the address should be value ${columns.url + 1}.`,
      });
      continue;
    }
    const value = (field: Exclude<Field, "url">) => firstValue(row.cells, columns[field]);
    bookmarks.push({
      line: row.line,
      url: readCell(url),
      title: value("title"),
      description: value("description"),
      tags: readTagCell(value("tags")),
      folders: value("folder")
        .split("/")
        .map((folder) => folder.trim())
        .filter((folder, index) => folder !== "" && !(index === 0 && builtInFolders.has(folder.toLowerCase()))),
      addedAt: readDate(value("created")),
    });
  }
  return { format, bookmarks, problems };
}

function csvFormatOf(headerCells: string[]): CsvFormat {
  const names = new Set(headerCells.map(normalizeHeader));
  return SIGNATURES.find(([, required]) => required.every((name) => names.has(name)))?.[0] ?? "csv";
}

type Columns = { url?: number } & { [field in Exclude<Field, "url">]: number[] };

function firstValue(cells: string[], indexes: number[]): string {
  for (const index of indexes) {
    const value = readCell(cells[index] ?? "");
    if (value !== "") {
      return value;
    }
  }
  return "";
}

function readCell(cell: string): string {
  const trimmed = cell.trim();
  return (GUARDED_FORMULA.test(trimmed) ? trimmed.slice(1) : trimmed).trim();
}

function normalizeHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The columns named by a header row, or null when the first row has no address column name. */
function headerColumns(cells: string[]): Columns | null {
  const columnsNamed = new Map<string, number[]>();
  cells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    const named = columnsNamed.get(name);
    if (named === undefined) {
      columnsNamed.set(name, [index]);
    } else {
      named.push(index);
    }
  });
  const find = (field: Field) => ALIASES[field].flatMap((alias) => columnsNamed.get(alias) ?? []);
  const url = find("url")[0];
  if (url === undefined) {
    return null;
  }
  return {
    url,
    title: find("title"),
    description: find("description"),
    tags: find("tags"),
    folder: find("folder"),
    created: find("created"),
  };
}

function looksLikeData(cells: string[]): boolean {
  return cells.some((cell) => URL_LIKE.test(readCell(cell)));
}

/** Without a header: the first column with an address, then the next column with words in it. */
function guessColumns(rows: Row[]): Columns {
  const sample = rows.slice(0, SAMPLE_ROWS).map((row) => row.cells.slice(0, SAMPLE_COLUMNS).map(readCell));
  const width = Math.max(0, ...sample.map((cells) => cells.length));
  const indexes = Array.from({ length: width }, (_, index) => index);
  const url = indexes.find((index) => sample.some((cells) => URL_LIKE.test(cells[index] ?? "")));
  const isText = (index: number) =>
    sample.some((cells) => {
      const cell = cells[index] ?? "";
      return cell !== "" && !URL_LIKE.test(cell) && !NUMBER_LIKE.test(cell);
    });
  const title =
    url === undefined ? undefined : [...indexes.slice(url + 1), ...indexes.slice(0, url)].find(isText);
  return { url, title: title === undefined ? [] : [title], description: [], tags: [], folder: [], created: [] };
}

function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const CSV_HEADER = "url,title,description,tags,created\r\n";

function csvRow(bookmark: ExportBookmark): string {
  return `${[bookmark.url, bookmark.title, bookmark.description, cleanTags(bookmark.tags).join(", "), bookmark.createdTime].map(csvCell).join(",")}\r\n`;
}

/** Shelf's CSV export in pieces, for writing it a batch at a time (toCsv is the same at once). */
export function csvWriter(): FileWriter {
  return { head: () => CSV_HEADER, rows: (batch) => batch.map(csvRow).join(""), tail: () => "" };
}

/** Shelf's CSV export: url,title,description,tags,created with tags joined by ", ". */
export function toCsv(bookmarks: ExportBookmark[]): string {
  return writeAll(csvWriter(), bookmarks);
}
