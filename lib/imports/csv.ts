// Spreadsheets run a cell that starts with one of these as a formula; a leading quote keeps the
// report's cells (URLs and titles from someone's file) plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV record (RFC 4180 quoting), safe to open in a spreadsheet. */
export function csvLine(cells: string[]): string {
  return cells
    .map((cell) => {
      const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}
