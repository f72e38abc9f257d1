import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";

export type IdempotencyRecord = typeof apiIdempotencyKeys.$inferSelect;

/** Claims a key for a request; the existing record when another request holds it already. */
export async function claimKey(db: Database, tokenId: string, key: string, requestHash: string): Promise<IdempotencyRecord | null> {
  const inserted = await db.insert(apiIdempotencyKeys).values({ tokenId, key, requestHash }).onConflictDoNothing().returning();
  if (inserted.length > 0) return null;
  const [existing] = await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
  return existing ?? null;
}

export async function completeKey(db: Database, tokenId: string, key: string, bookmarkId: string): Promise<void> {
  await db.update(apiIdempotencyKeys).set({ bookmarkId }).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
}

export async function releaseKey(db: Database, tokenId: string, key: string): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key)));
}

export async function forgetKeysBefore(db: Database, before: Date): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, before));
}
