import type { WritePayload } from "@/db/schema";

/**
 * Notion has no idempotency keys, so a create whose answer never came back is recognised by what
 * it sent. Notion rounds created_time down to the minute and clocks drift a little: a page made
 * for a create recorded at T has a created_time after T minus this window.
 */
export const LOST_CREATE_WINDOW_MS = 2 * 60_000;

/** A create that has not been linked to its page yet (pending or parked). */
export type UnfinishedCreate = { payload: WritePayload; createdAt: Date };

/** The earliest created_time a page made for this create can have. */
export function earliestPageTime(create: UnfinishedCreate): Date {
  return new Date(create.createdAt.getTime() - LOST_CREATE_WINDOW_MS);
}

/**
 * Whether this page could be the one this create made: same URL and title as sent, created no
 * earlier than the write was recorded (docs/decisions/008). The one rule both the outbox (adopting
 * a lost create) and the sync (leaving such a page alone) apply.
 */
export function couldHaveMade(create: UnfinishedCreate, page: { url: string; title: string; createdTime: string }): boolean {
  return (
    page.url === create.payload.url &&
    page.title === create.payload.title &&
    new Date(page.createdTime).getTime() >= earliestPageTime(create).getTime()
  );
}
