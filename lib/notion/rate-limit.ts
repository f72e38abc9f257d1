import { sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";

/**
 * Notion allows about three requests a second per connection. Each call for a workspace reserves
 * the next slot in `workspaces.notion_next_slot_at` — one atomic update, shared by every instance
 * on the database — and waits for it, so together they stay under the limit.
 */
export async function reserveNotionSlot(db: Database, workspaceId: string, requestsPerSecond: number): Promise<number> {
  const spacingMs = 1000 / requestsPerSecond;
  const interval = `${spacingMs} milliseconds`;
  const result = await db.execute(sql`
    update workspaces
    set notion_next_slot_at = greatest(notion_next_slot_at, clock_timestamp()) + ${interval}::interval
    where id = ${workspaceId}
    returning greatest(0, extract(epoch from (notion_next_slot_at - ${interval}::interval - clock_timestamp())) * 1000)::float8 as wait_ms
  `);
  return Number(resultRows<{ wait_ms: number }>(result)[0]?.wait_ms ?? 0);
}

export async function waitForNotionSlot(db: Database, workspaceId: string, requestsPerSecond: number): Promise<void> {
  const waitMs = await reserveNotionSlot(db, workspaceId, requestsPerSecond);
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
