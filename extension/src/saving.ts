import { createBookmark, ShelfError, type Bookmark } from "./api";
import { loadQueue, loadSettings, storeQueue, type SaveBody } from "./settings";

export type SaveOutcome = { kind: "saved"; bookmark: Bookmark } | { kind: "duplicate"; bookmark: Bookmark } | { kind: "queued" };

// A queued save is resent with more patience than the popup has.
const RESEND_TIMEOUT_MS = 20_000;

/**
 * Saves now, or queues the save when Shelf is slow or away: the key stays the same on every
 * resend, so a save that did arrive before its answer was lost is not made twice.
 */
export async function save(workspaceId: string, body: SaveBody): Promise<SaveOutcome> {
  const settings = await loadSettings();
  if (!settings) throw new ShelfError("invalid_token", "Open the extension's options and paste a Shelf token first.");
  const key = crypto.randomUUID();
  try {
    return { kind: "saved", bookmark: await createBookmark(settings, workspaceId, body, key) };
  } catch (error) {
    if (error instanceof ShelfError && error.kind === "duplicate" && error.bookmark) return { kind: "duplicate", bookmark: error.bookmark };
    if (!(error instanceof ShelfError) || error.kind !== "unreachable") throw error;
    await storeQueue([...(await loadQueue()), { key, workspaceId, body, queuedAt: Date.now() }]);
    return { kind: "queued" };
  }
}

/** Resends queued saves, oldest first; what still fails stays queued. Answers how many remain. */
export async function flushQueue(): Promise<number> {
  const settings = await loadSettings();
  const queue = await loadQueue();
  if (!settings || queue.length === 0) return queue.length;
  const left = [];
  for (const item of queue) {
    // A save queued without a workspace can never be delivered.
    if (!item.workspaceId) continue;
    try {
      await createBookmark(settings, item.workspaceId, item.body, item.key, RESEND_TIMEOUT_MS);
    } catch (error) {
      // Already saved counts as done; a refusal would fail forever, so it is dropped too.
      if (error instanceof ShelfError && (error.kind === "unreachable" || error.kind === "invalid_token")) left.push(item);
    }
  }
  await storeQueue(left);
  return left.length;
}
