// The CSV tokenizer: records and cells as RFC 4180 writes them, tolerant of what spreadsheets and
// services really export. What the columns mean is csv.ts's business.

export type Row = { line: number; cells: string[]; unclosed: boolean };

const DELIMITERS = [",", ";", "\t"];

/** The candidate that appears most often outside quotes in the first row; comma on a tie. */
export function detectDelimiter(text: string): string {
  const head = text.slice(0, 8192).replace(/"(?:[^"]|"")*"?/g, "").split("\n", 1)[0] ?? "";
  const counts = DELIMITERS.map((delimiter) => head.split(delimiter).length - 1);
  const best = Math.max(...counts);
  return DELIMITERS[counts.indexOf(best)] ?? ",";
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** RFC 4180 records; quotes in the middle of an unquoted value are kept as written. */
export function readRows(text: string, delimiter: string): Row[] {
  const delimiterCode = delimiter.charCodeAt(0);
  const rows: Row[] = [];
  let index = 0;
  let line = 1;
  while (index < text.length) {
    const row: Row = { line, cells: [], unclosed: false };
    rows.push(row);
    for (;;) {
      let cell = "";
      if (text.charCodeAt(index) === QUOTE) {
        index += 1;
        for (;;) {
          const quote = text.indexOf('"', index);
          if (quote === -1) {
            row.unclosed = true;
            cell += text.slice(index);
            index = text.length;
            break;
          }
          cell += text.slice(index, quote);
          index = quote + 1;
          if (text[index] !== '"') {
            break;
          }
          cell += '"';
          index += 1;
        }
        line += countNewlines(cell);
      }
      // Unquoted value, or whatever follows a closing quote before the delimiter.
      let end = index;
      for (let code = text.charCodeAt(end); end < text.length && code !== delimiterCode && code !== NEWLINE; ) {
        end += 1;
        code = text.charCodeAt(end);
      }
      cell += text.slice(index, end);
      row.cells.push(cell);
      index = end + 1;
      if (text.charCodeAt(end) !== delimiterCode) {
        line += 1;
        break;
      }
    }
    if (row.unclosed) {
      break;
    }
  }
  return rows;
}

function countNewlines(value: string): number {
  let count = 0;
  for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) {
    count += 1;
  }
  return count;
}
