import crypto from "node:crypto";
import type { Database } from "@/db/client";
import { ApiError } from "./errors";
import { claimKey, completeKey, forgetKeysBefore, releaseKey } from "./queries";

// Long enough for any retry loop; keys are forgotten after it.
const KEY_LIFETIME_MS = 24 * 60 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export const IDEMPOTENCY_HEADER = {
  name: "Idempotency-Key",
  description: "Any unique string (a UUID): a retried create with the same key answers with the bookmark the first one made, instead of a second one.",
};

export type IdempotentOutcome<T> = { replayed: false; value: T } | { replayed: true; bookmarkId: string };

/**
 * Runs a create once per key of a token. The key is claimed before the create and completed with
 * the bookmark's id after it; a failed create releases it, so the retry runs again. A retry while
 * the first is still running answers 409 in_progress (with Retry-After).
 */
export async function once<T extends { id: string }>(
  db: Database,
  tokenId: string,
  key: string | null,
  request: unknown,
  create: () => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (key === null) return { replayed: false, value: await create() };
  if (!KEY_PATTERN.test(key)) throw new ApiError(400, "invalid", "Idempotency-Key must be 1 to 255 visible ASCII characters.", { fieldErrors: { "Idempotency-Key": "Use 1 to 255 visible ASCII characters, e.g. a UUID" } });
  // Sweeping on a small share of creates keeps the table small without a job (as lib/security/rate-limit).
  if (Math.random() < 0.01) await forgetKeysBefore(db, new Date(Date.now() - KEY_LIFETIME_MS));

  const requestHash = crypto.createHash("sha256").update(JSON.stringify(request)).digest("hex");
  let existing = await claimKey(db, tokenId, key, requestHash);
  if (existing && existing.createdAt.getTime() < Date.now() - KEY_LIFETIME_MS) {
    await releaseKey(db, tokenId, key);
    existing = await claimKey(db, tokenId, key, requestHash);
  }
  if (existing) {
    if (existing.requestHash !== requestHash) {
      throw new ApiError(422, "idempotency_mismatch", "This Idempotency-Key was used for a different request. Use a new key for a new bookmark.");
    }
    if (existing.bookmarkId) return { replayed: true, bookmarkId: existing.bookmarkId };
    throw new ApiError(409, "in_progress", "A request with this Idempotency-Key is still running. Try again in a moment.", { headers: { "Retry-After": "1" } });
  }
  try {
    const value = await create();
    await completeKey(db, tokenId, key, value.id);
    return { replayed: false, value };
  } catch (error) {
    await releaseKey(db, tokenId, key);
    throw error;
  }
}
