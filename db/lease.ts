// Leases over the durable queues' rows (docs/decisions/041): the outbox, page fetches, content
// jobs, import jobs and bulk jobs all claim, renew, release and fence the same way, so the SQL that
// makes "two instances never hold one row" true is written once. What is due, in which order, and
// what a failure costs stays with each queue.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { resultRows, type Database } from "./client";

/** A queue table: rows are held while `locked_until` is in the future. */
export type LeasedTable = PgTable & { lockedUntil: AnyPgColumn };

export type LeasedQueue<T extends LeasedTable> = {
  table: T;
  /** The row's key, as claims return it. */
  key: AnyPgColumn;
  /** Counted up by every claim, for queues that give up after a number of tries. */
  attempts?: AnyPgColumn;
};

/**
 * A held row: its key and the lease's end as the claim (or the last renewal) read it. The end is
 * kept to the millisecond, as JavaScript holds it, so it doubles as the claim's fencing token.
 */
export type Held = { key: unknown; lockedUntil: Date | null };

/** Nobody holds the row: never claimed, released, or its holder's lease lapsed (it died). */
export function leaseLapsed(queue: LeasedQueue<LeasedTable>): SQL {
  return sql`(${queue.table.lockedUntil} is null or ${queue.table.lockedUntil} < clock_timestamp())`;
}

/** `ms` from now by the database's clock, the one every instance shares. */
export function fromNow(ms: number): SQL {
  return sql`clock_timestamp() + ${`${Math.round(ms)} milliseconds`}::interval`;
}

function leaseEnd(leaseMs: number): SQL {
  return sql`date_trunc('milliseconds', ${fromNow(leaseMs)})`;
}

/** The row is still held under the lease `held` names: not released, renewed elsewhere or taken over. */
export function heldUnder(queue: LeasedQueue<LeasedTable>, held: Held): SQL {
  const token = held.lockedUntil ? sql`${held.lockedUntil.toISOString()}::timestamptz` : sql`null`;
  return and(eq(queue.key, held.key), sql`${queue.table.lockedUntil} is not distinct from ${token}`)!;
}

/**
 * Claims up to `limit` due rows for `leaseMs` and answers their keys, in no particular order.
 * `where` and `orderBy` are the queue's own rules (status, due time, priority, fairness); `join`
 * adds tables they read (unaliased, as the queue's columns render with their table's name). Rows
 * another claimer has locked are skipped, not waited for, so instances never take the same row.
 */
export async function claimDue<K>(
  db: Database,
  queue: LeasedQueue<LeasedTable>,
  claim: { join?: SQL; where: SQL; orderBy: SQL; limit: number; leaseMs: number },
): Promise<K[]> {
  const { table, key, attempts } = queue;
  const counted = attempts ? sql`, ${sql.identifier(attempts.name)} = ${attempts} + 1` : sql``;
  const claimed = await db.execute(sql`
    with due as (
      select ${key} as key from ${table} ${claim.join ?? sql``}
      where ${leaseLapsed(queue)} and ${claim.where}
      order by ${claim.orderBy}
      limit ${claim.limit}
      for update of ${table} skip locked
    )
    update ${table}
    set ${sql.identifier(table.lockedUntil.name)} = ${leaseEnd(claim.leaseMs)}${counted}
    from due
    where ${key} = due.key
    returning ${key} as key
  `);
  return resultRows<{ key: K }>(claimed).map((r) => r.key);
}

/**
 * Applies `set` and extends the lease, only while `held` still holds it: the new lease (the token
 * to hold from now on), or null when the claim was lost and the caller must change nothing more.
 */
export async function renewLease<T extends LeasedTable>(
  db: Database,
  queue: LeasedQueue<T>,
  held: Held,
  leaseMs: number,
  set: PgUpdateSetSource<T> = {},
): Promise<Date | null> {
  const [row] = await db
    .update(queue.table as LeasedTable)
    .set({ ...set, lockedUntil: leaseEnd(leaseMs) } as PgUpdateSetSource<LeasedTable>)
    .where(heldUnder(queue, held))
    .returning({ lockedUntil: queue.table.lockedUntil });
  return (row?.lockedUntil as Date | undefined) ?? null;
}

/**
 * Applies `set` and gives the row up. Fenced by `held` when it names the lease (a late answer of
 * a holder whose lease was taken over changes nothing); by key alone for queues whose holder
 * never outlives its lease. True when the row was released.
 */
export async function releaseLease<T extends LeasedTable>(
  db: Database,
  queue: LeasedQueue<T>,
  held: Held | { key: unknown },
  set: PgUpdateSetSource<T> = {},
): Promise<boolean> {
  const released = await db
    .update(queue.table as LeasedTable)
    .set({ ...set, lockedUntil: null } as PgUpdateSetSource<LeasedTable>)
    .where("lockedUntil" in held ? heldUnder(queue, held) : eq(queue.key, held.key))
    .returning({ key: queue.key });
  return released.length > 0;
}
