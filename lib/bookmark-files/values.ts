// Small readers shared by the three formats, so "a date" and "a tag list" mean
// the same thing whichever file they come from.

// Deeper folders count as their ancestor at this depth: the path is copied
// onto every bookmark, and a hostile file can nest folders 100,000 deep.
export const MAX_FOLDER_DEPTH = 32;

const EPOCH_NUMBER = /^-?\d+(?:\.\d+)?$/;
// Seconds since 1970 stay below 1e11 until the year 5138; larger numbers are
// milliseconds (JavaScript, most CSV tools) or microseconds (Firefox's places).
const MILLISECONDS_FROM = 1e11;
const MICROSECONDS_FROM = 1e14;

// Web-server log style, as Scuttle and some Delicious exports write ADD_DATE: 10/Oct/2000:13:55:36 +0300.
const LOG_DATE = /^(\d{1,2})\/([a-z]{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Reads an epoch number (seconds, tolerating ms and µs), a log-style date or an ISO-like date string. */
export function readDate(raw: string | number | null | undefined): Date | null {
  if (raw === null || raw === undefined) {
    return null;
  }
  const text = String(raw).trim();
  if (text === "") {
    return null;
  }
  if (EPOCH_NUMBER.test(text)) {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) {
      return null;
    }
    const ms = value >= MICROSECONDS_FROM ? value / 1000 : value >= MILLISECONDS_FROM ? value : value * 1000;
    return validDate(new Date(Math.floor(ms)));
  }
  const logStyle = LOG_DATE.exec(text);
  if (logStyle !== null) {
    const [, day, month, year, time, zone] = logStyle;
    const monthNumber = MONTHS.indexOf((month ?? "").toLowerCase()) + 1;
    const iso = `${year}-${String(monthNumber).padStart(2, "0")}-${day?.padStart(2, "0")}T${time}${zone?.slice(0, 3)}:${zone?.slice(3)}`;
    return monthNumber === 0 ? null : validDate(new Date(iso));
  }
  return validDate(new Date(text));
}


function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Trims and drops empty entries and duplicates that differ only in case ("AI"
 * and "ai" would become two Notion options), keeping the first spelling.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const trimmed = tag.trim();
    const key = trimmed.toLowerCase();
    if (trimmed !== "" && !seen.has(key)) {
      seen.add(key);
      result.push(trimmed);
    }
  }
  return result;
}

/**
 * Splits a tag cell or attribute. Commas win when present (Shelf, Firefox,
 * Raindrop); otherwise ";" or "|" (Pocket's CSV uses "|").
 */
export function splitTags(raw: string): string[] {
  const separator = raw.includes(",") ? "," : raw.includes(";") ? ";" : "|";
  return cleanTags(raw.split(separator));
}

/**
 * A TAGS attribute or Pinboard's tags: comma-separated when there is a comma
 * (Firefox, Shelf), otherwise space-separated (Pinboard, Delicious, Scuttle).
 */
export function splitTagWords(raw: string): string[] {
  return cleanTags(raw.includes(",") ? raw.split(",") : raw.split(/\s+/));
}

const LIST_ITEM = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

/**
 * A tag cell: a list written as JSON (Instapaper: ["go","rust"]) or by Python
 * (Readwise: ['go', 'rust']), or separated text (see splitTags).
 */
export function readTagCell(raw: string): string[] {
  const cell = raw.trim();
  if (!(cell.startsWith("[") && cell.endsWith("]"))) {
    return splitTags(cell);
  }
  const tags: string[] = [];
  for (const match of cell.matchAll(LIST_ITEM)) {
    tags.push((match[1] ?? match[2] ?? "").replace(/\\(.)/g, "$1"));
  }
  // A bracketed cell without quotes ("[go, rust]") is a plain list in brackets.
  return tags.length > 0 || /^\[\s*\]$/.test(cell) ? cleanTags(tags) : splitTags(cell.slice(1, -1));
}

/** CRLF and lone CR become LF, so line numbers and multi-line text read the same everywhere. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line of each offset, via the offsets of the line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  };
}
