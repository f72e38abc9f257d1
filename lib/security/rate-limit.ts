import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { countHit, deleteWindowsBefore } from "./queries";

export type Limit = { name: string; max: number; windowMs: number };

/** The limits Shelf applies (RATE_LIMIT_*): generous for people, tight for scripts. */
export const LIMITS = {
  signIn: () => ({ name: "sign-in", max: env().rateLimits.signIns, windowMs: 10 * 60_000 }),
  action: () => ({ name: "action", max: env().rateLimits.actions, windowMs: 60_000 }),
  api: () => ({ name: "api", max: env().rateLimits.api, windowMs: 60_000 }),
  // Each upload parses a file of up to 20 MB and stores up to 50,000 rows.
  import: () => ({ name: "import", max: 20, windowMs: 60 * 60_000 }),
} satisfies Record<string, () => Limit>;

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit of `subject` (a user id, an IP) against a limit. One atomic upsert per hit,
 * shared by every instance on the database.
 */
export async function hit(db: Database, limit: Limit, subject: string): Promise<LimitResult> {
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / limit.windowMs) * limit.windowMs);
  const hits = await countHit(db, `${limit.name}:${subject}`, windowStart);
  // Old windows are useless; sweeping on a small share of hits keeps the table small without a job.
  if (Math.random() < 0.01) await deleteWindowsBefore(db, new Date(now - 24 * 60 * 60_000));
  if (hits <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + limit.windowMs - now) / 1000)) };
}

export function slowDownMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `You're going faster than Shelf allows. Please wait ${wait} and try again.`;
}
