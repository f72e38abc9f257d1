import type { Database } from "@/db/client";
import { reserveNotionSlot } from "@/lib/workspaces/queries";

/**
 * Notion allows about three requests a second per connection. Each call for a workspace reserves
 * the next slot in `workspaces.notion_next_slot_at` (reserveNotionSlot, one atomic update shared by
 * every instance on the database) and waits for it, so together they stay under the limit.
 */
export async function waitForNotionSlot(db: Database, workspaceId: string, requestsPerSecond: number): Promise<void> {
  const waitMs = await reserveNotionSlot(db, workspaceId, 1000 / requestsPerSecond);
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
