import crypto from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/client";
import { outboxBacklog } from "@/lib/bookmarks/queries";
import { DELIVERY_CONCURRENCY, deliverBatch } from "@/lib/bookmarks/worker";
import { env } from "@/lib/env";
import { countRunningJobs as countRunningBulkJobs } from "@/lib/bulk/queries";
import { contentBacklog } from "@/lib/content/queries";
import { stepContent, type ContentWriterOptions } from "@/lib/content/writer";
import { stepBulkJobs } from "@/lib/bulk/runner";
import { countRunningJobs } from "@/lib/imports/queries";
import { stepImports } from "@/lib/imports/runner";

export type DrainLimits = { maxWrites: number; seconds: number };

export type DrainResult = {
  /** Writes claimed and sent: delivered, or given back to wait for a retry (Notion busy or slow). */
  taken: number;
  importRowsQueued: number;
  bulkItemsQueued: number;
  /** Readable-content jobs run (written into their pages, refused, or given back to wait for a retry). */
  contentJobs: number;
  /** What is left: writes not delivered yet (some may be waiting for a retry), parked ones, running imports and bulk jobs, content jobs. */
  left: { pending: number; parked: number; runningImports: number; runningBulkJobs: number; content: number };
  /** Nothing was due any more when the run ended (what is pending waits for a retry); false: call again now. */
  done: boolean;
};

/**
 * One bounded pass of the background work, for hosts with no long-lived process (a cron calling
 * /api/cron/drain): imports and bulk jobs feed the outbox, then due writes are delivered, until `maxWrites` were
 * taken or `seconds` have gone; readable content is written when no write is due (it is the
 * lowest priority, and waits for its page anyway). It claims with the same leases as `npm run
 * worker`, so both may run at once; a run cut off by its host leaves its claims to lapse and be
 * taken over. A delivery or content job in flight at the deadline is finished, so the run may
 * overrun by one Notion call, or by one article (a few appends at the workspace's rate).
 */
export async function drainBatch(db: Database, limits: DrainLimits, content: Pick<ContentWriterOptions, "allowLoopback"> = {}): Promise<DrainResult> {
  const deadline = Date.now() + limits.seconds * 1000;
  const leaseMs = env().outboxLeaseMs;
  let taken = 0;
  let importRowsQueued = 0;
  let bulkItemsQueued = 0;
  let contentJobs = 0;
  let done = false;
  while (!done && Date.now() < deadline && taken < limits.maxWrites) {
    const queued = await stepImports(db, leaseMs);
    importRowsQueued += queued;
    const bulkQueued = await stepBulkJobs(db, leaseMs);
    bulkItemsQueued += bulkQueued;
    const batch = await deliverBatch(db, Math.min(DELIVERY_CONCURRENCY, limits.maxWrites - taken), leaseMs);
    taken += batch;
    const written = batch === 0 && Date.now() < deadline ? await stepContent(db, content) : 0;
    contentJobs += written;
    done = batch === 0 && queued === 0 && bulkQueued === 0 && written === 0;
  }
  const [backlog, runningImports, runningBulkJobs, contentLeft] = await Promise.all([outboxBacklog(db), countRunningJobs(db), countRunningBulkJobs(db), contentBacklog(db)]);
  return { taken, importRowsQueued, bulkItemsQueued, contentJobs, left: { ...backlog, runningImports, runningBulkJobs, content: contentLeft }, done };
}

export const drainLimitsSchema = z.object({
  maxWrites: z.coerce.number("max must be a whole number").int().min(1, "max must be at least 1").max(5000, "max must be at most 5000").default(1000),
  // Below the route's maxDuration (60 s), with room for the last delivery.
  seconds: z.coerce.number("seconds must be a number").positive("seconds must be above 0").max(50, "seconds must be at most 50").default(8),
});

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

export type DrainAnswer = { status: number; body: Record<string, unknown> };

/** The cron route: `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends), optional max and seconds. */
export async function handleCronDrain(
  db: Database,
  secret: string | undefined,
  authorization: string | null,
  params: URLSearchParams,
): Promise<DrainAnswer> {
  if (!secret) return { status: 503, body: { error: "The cron drain is not configured (CRON_SECRET)." } };
  const given = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "";
  if (!sameSecret(given, secret)) return { status: 401, body: { error: "The cron secret does not match." } };
  const limits = drainLimitsSchema.safeParse({ maxWrites: params.get("max") ?? undefined, seconds: params.get("seconds") ?? undefined });
  if (!limits.success) return { status: 400, body: { error: limits.error.issues.map((i) => i.message).join("; ") } };
  return { status: 200, body: await drainBatch(db, limits.data) };
}
