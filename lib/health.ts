import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDatabase, MIGRATIONS_FOLDER, type DatabaseHandle } from "@/db/client";
import { outboxBacklog } from "@/lib/bookmarks/queries";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Whether this instance can serve: the database answers and has every migration the code
 * expects. The outbox backlog is reported, not judged: writes waiting for Notion are normal.
 */
export type Readiness = {
  ok: boolean;
  database: "ok" | "unavailable";
  /** Migrations in db/migrations the database has not applied (empty when current). */
  pendingMigrations: string[];
  outbox: { pending: number; parked: number } | null;
  /** Why the instance is not ready, in words; empty when ready. */
  reasons: string[];
};

const TIMEOUT_MS = 3000;

type JournalEntry = { tag: string; when: number };

let shipped: JournalEntry[] | undefined;

/** The migrations this build ships, oldest first (drizzle-kit's journal). */
function shippedMigrations(): JournalEntry[] {
  shipped ??= (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] }).entries;
  return shipped;
}

/**
 * Drizzle's migrator records each applied migration's journal `when` in created_at and applies
 * those newer than the last one recorded; the same rule tells which are still to come.
 */
async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  const [table] = await handle.query<{ exists: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as exists");
  const last = table?.exists
    ? Number((await handle.query<{ last: string | null }>("select max(created_at)::text as last from drizzle.__drizzle_migrations"))[0]?.last ?? 0)
    : 0;
  return shippedMigrations()
    .filter((entry) => entry.when > last)
    .map((entry) => entry.tag);
}

/** Checks the database within a few seconds; never throws. */
export async function checkReadiness(open: () => Promise<DatabaseHandle> = getDatabase): Promise<Readiness> {
  let handle: DatabaseHandle;
  try {
    handle = await withTimeout(open(), "opening the database");
    await withTimeout(handle.ping(), "querying the database");
  } catch (error) {
    const reason = `Database unavailable: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, database: "unavailable", pendingMigrations: [], outbox: null, reasons: [reason] };
  }
  try {
    const pending = await withTimeout(pendingMigrations(handle), "reading the applied migrations");
    // Without the latest migrations the outbox table may not be there to count.
    const outbox = pending.length === 0 ? await withTimeout(outboxBacklog(handle.db), "counting the outbox") : null;
    const reasons = pending.length > 0 ? [`${pending.length} migration(s) not applied: ${pending.join(", ")} (run npm run db:migrate)`] : [];
    return { ok: reasons.length === 0, database: "ok", pendingMigrations: pending, outbox, reasons };
  } catch (error) {
    const reason = `Database check failed: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, database: "ok", pendingMigrations: [], outbox: null, reasons: [reason] };
  }
}

/**
 * The answer of /api/health/ready (and /api/health): 200 when ready, 503 when not. Anyone gets only
 * `{ ok }`; the details (outbox backlog across all people, database errors) go to a caller sending
 * `Authorization: Bearer <HEALTH_DETAILS_TOKEN>`, and to the log when not ready.
 */
export async function readinessResponse(
  request: Request,
  options: { detailsToken?: string; open?: () => Promise<DatabaseHandle> } = {},
): Promise<Response> {
  const readiness = await checkReadiness(options.open);
  const detailsToken = "detailsToken" in options ? options.detailsToken : env().healthDetailsToken;
  if (!readiness.ok) log.warn({ reasons: readiness.reasons }, "not ready");
  const body = mayReadDetails(request, detailsToken) ? readiness : { ok: readiness.ok };
  return Response.json(body, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}

function mayReadDetails(request: Request, token: string | undefined): boolean {
  const sent = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!token || !sent) return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(token)];
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${TIMEOUT_MS} ms ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
