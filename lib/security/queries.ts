import { lt, sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Counts one hit on `key` in the window starting at `windowStart`; answers the window's hits so far. */
export async function countHit(db: Database, key: string, windowStart: Date): Promise<number> {
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
    on conflict (key, window_start) do update set hits = rate_limits.hits + 1
    returning hits
  `);
  return Number(resultRows<{ hits: number }>(result)[0]?.hits ?? 0);
}

export async function deleteWindowsBefore(db: Database, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
