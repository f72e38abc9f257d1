/**
 * Notion-style cursors: `next_cursor` is the id of the first item of the next page, handed back
 * as `start_cursor`. Optionally a result cap, like the 10,000-row limit of data-source queries.
 */
import { validationError } from "./errors";

export interface Paginated<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
  request_status?: { type: "complete" | "incomplete"; incomplete_reason?: "query_result_limit_reached" };
}

export function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  startCursor: unknown,
  pageSize: number,
  cap?: number,
): Paginated<T> {
  let start = 0;
  if (startCursor !== undefined && startCursor !== null) {
    start = typeof startCursor === "string" ? items.findIndex((item) => idOf(item) === startCursor) : -1;
    if (start < 0) throw validationError(`start_cursor provided is invalid: ${String(startCursor)}`);
  }
  const limit = cap === undefined ? items.length : Math.min(items.length, cap);
  const end = Math.min(start + pageSize, limit);
  const results = items.slice(start, end);
  const next = end < limit ? items[end] : undefined;
  const page: Paginated<T> = { results, next_cursor: next === undefined ? null : idOf(next), has_more: next !== undefined };
  if (cap !== undefined) {
    page.request_status = end >= cap && items.length > cap ? { type: "incomplete", incomplete_reason: "query_result_limit_reached" } : { type: "complete" };
  }
  return page;
}
