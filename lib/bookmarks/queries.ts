import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { bookmarks, pendingWrites, type BookmarkRow, type PendingWrite, type WritePayload } from "@/db/schema";
import type { NotionBookmark } from "@/lib/notion/mapping";
import { couldHaveMade, type UnfinishedCreate } from "./lost-creates";
import type { ListQuery } from "./schema";
import type { Bookmark } from "./types";
import { normalizeUrl } from "./url";

export const PAGE_SIZE = 50;

export type MirrorPage = { items: Bookmark[]; nextCursor: string | null };

export function toBookmark(row: BookmarkRow): Bookmark {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    description: row.description,
    tags: row.tags,
    createdTime: row.createdTime.toISOString(),
    lastEditedTime: row.lastEditedTime.toISOString(),
    notionUrl: row.notionUrl,
    inTrash: row.inTrash,
    syncState: row.syncState,
    syncError: row.syncError,
  };
}

// --- reading -------------------------------------------------------------------------------

type Cursor = { key: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    return typeof key === "string" && typeof id === "string" ? { key, id } : null;
  } catch {
    return null;
  }
}

/** Words of a search as a prefix match on every word, in the folding the search column uses. */
function searchQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w.toLowerCase()}:*`).join(" & ") : null;
}

/**
 * One page of the mirror, keyset-paginated on (sort key, id) so page 200 costs what page 1 does.
 * Every order has its index (db/schema.ts); search uses the GIN index on `search`.
 */
export async function listMirror(db: Database, workspaceId: string, query: ListQuery, pageSize = PAGE_SIZE): Promise<MirrorPage> {
  const where: Array<SQL | undefined> = [eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.inTrash, false)];
  const terms = searchQuery(query.q);
  if (terms) where.push(sql`${bookmarks.search} @@ to_tsquery('simple', ${terms})`);
  if (query.tags.length > 0) where.push(sql`${bookmarks.tags} @> ${sql.param(query.tags)}::text[]`);

  const byTitle = query.sort === "title";
  const key = byTitle ? sql`lower(${bookmarks.title})` : bookmarks.createdTime;
  const ascending = query.sort !== "newest";
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    // Raw SQL parameters go as text: postgres.js and PGlite bind Dates differently.
    const keyValue = byTitle ? sql`${cursor.key}` : sql`${cursor.key}::timestamptz`;
    const after = ascending ? sql`(${key}, ${bookmarks.id}) > (${keyValue}, ${cursor.id})` : sql`(${key}, ${bookmarks.id}) < (${keyValue}, ${cursor.id})`;
    where.push(after);
  }
  const order = ascending ? [asc(key), asc(bookmarks.id)] : [desc(key), desc(bookmarks.id)];
  const rows = await db
    .select()
    .from(bookmarks)
    .where(and(...where))
    .orderBy(...order)
    .limit(pageSize + 1);

  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor({ key: byTitle ? last.title.toLowerCase() : last.createdTime.toISOString(), id: last.id })
      : null;
  return { items: items.map(toBookmark), nextCursor };
}

/** The tags in use, for filters and autocomplete. */
export async function listTags(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${bookmarks.tags})` })
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.inTrash, false)));
  return rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b));
}

export async function findBookmark(db: Database, workspaceId: string, id: string): Promise<BookmarkRow | null> {
  const [row] = await db.select().from(bookmarks).where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.id, id)));
  return row ?? null;
}

export async function countBookmarks(db: Database, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.inTrash, false)));
  return row?.n ?? 0;
}

// --- duplicates: the same normalized URL saved more than once (index on workspace, normalized url)

/** The oldest bookmark of the workspace, not in the trash, saved under this normalized URL. */
export async function findByNormalizedUrl(db: Database, workspaceId: string, normalizedUrl: string): Promise<BookmarkRow | null> {
  const [row] = await db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.normalizedUrl, normalizedUrl), eq(bookmarks.inTrash, false)))
    .orderBy(asc(bookmarks.createdTime), asc(bookmarks.id))
    .limit(1);
  return row ?? null;
}

function duplicatedUrls(db: Database, workspaceId: string) {
  return db
    .select({ normalizedUrl: bookmarks.normalizedUrl, copies: sql<number>`count(*)::int`.as("copies") })
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.inTrash, false)))
    .groupBy(bookmarks.normalizedUrl)
    .having(sql`count(*) > 1`);
}

/** Bookmarks whose normalized URL is saved more than once, by URL then oldest first; at most `maxGroups` URLs. */
export async function listDuplicateRows(db: Database, workspaceId: string, maxGroups: number): Promise<BookmarkRow[]> {
  const urls = duplicatedUrls(db, workspaceId).orderBy(bookmarks.normalizedUrl).limit(maxGroups).as("urls");
  const rows = await db
    .select({ row: bookmarks })
    .from(bookmarks)
    .innerJoin(urls, eq(urls.normalizedUrl, bookmarks.normalizedUrl))
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.inTrash, false)))
    .orderBy(asc(bookmarks.normalizedUrl), asc(bookmarks.createdTime), asc(bookmarks.id));
  return rows.map((r) => r.row);
}

/** How many bookmarks a merge of every duplicate group would move to the trash. */
export async function countDuplicates(db: Database, workspaceId: string): Promise<number> {
  const urls = duplicatedUrls(db, workspaceId).as("urls");
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${urls.copies} - 1), 0)::int` }).from(urls);
  return row?.n ?? 0;
}

export async function findBookmarks(db: Database, workspaceId: string, ids: string[]): Promise<BookmarkRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), inArray(bookmarks.id, ids)));
}

// --- local writes: mirror row and outbox entry in one transaction -------------------------

function rowFields(input: WritePayload) {
  return { ...input, normalizedUrl: normalizeUrl(input.url) };
}

export async function recordCreate(db: Database, workspaceId: string, input: WritePayload): Promise<BookmarkRow> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(bookmarks)
      .values({ workspaceId, ...rowFields(input), createdTime: now, lastEditedTime: now, syncState: "pending" })
      .returning();
    await tx.insert(pendingWrites).values({ workspaceId, bookmarkId: row!.id, kind: "create", payload: input });
    return row!;
  });
}

export type LocalChange = { kind: "update"; input: WritePayload } | { kind: "trash" } | { kind: "restore" };

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function applyChange(tx: Transaction, workspaceId: string, id: string, change: LocalChange): Promise<BookmarkRow | null> {
  const fields = change.kind === "update" ? rowFields(change.input) : { inTrash: change.kind === "trash" };
  const [row] = await tx
    .update(bookmarks)
    .set({ ...fields, lastEditedTime: new Date(), syncState: "pending", syncError: null })
    .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.id, id)))
    .returning();
  if (!row) return null;
  await tx.insert(pendingWrites).values({
    workspaceId,
    bookmarkId: id,
    kind: change.kind,
    payload: change.kind === "update" ? change.input : null,
  });
  return row;
}

/** Applies a change to the mirror now and queues it for Notion; null when the bookmark isn't this workspace's. */
export async function recordChange(db: Database, workspaceId: string, id: string, change: LocalChange): Promise<BookmarkRow | null> {
  return db.transaction((tx) => applyChange(tx, workspaceId, id, change));
}

/** A field to fill from the page, if it still holds what was saved. */
export type Fill = { saved: string; found: string };

/**
 * Fills a bookmark's title and description found on its page, each only while it still holds
 * what was saved (the person has not edited it since), as a local change through the outbox.
 * The row is locked so an edit arriving meanwhile is either seen here or comes after. Null when
 * nothing was filled.
 */
export async function recordFill(
  db: Database,
  workspaceId: string,
  id: string,
  fill: { title?: Fill; description?: Fill },
): Promise<BookmarkRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(bookmarks)
      .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.id, id)))
      .for("update");
    if (!current || current.inTrash) return null;
    const pick = (value: string, field: Fill | undefined) => (field && value === field.saved ? field.found : value);
    const title = pick(current.title, fill.title);
    const description = pick(current.description, fill.description);
    if (title === current.title && description === current.description) return null;
    const input = { title, url: current.url, description, tags: current.tags };
    return applyChange(tx, workspaceId, id, { kind: "update", input });
  });
}

// --- from Notion ------------------------------------------------------------------------------

/**
 * Upserts bookmarks read from Notion, except pages that an unfinished create of this workspace
 * could have made: only the outbox links a page to a bookmark (docs/decisions/008), so such a page
 * waits, unlisted, until its create is completed or given up. Returns those it left alone.
 *
 * Why this cannot race the outbox: a create is recorded before Notion is called and is deleted in
 * the same transaction that links its page. So when the check below finds no unfinished create,
 * the page is either linked already (and the insert's conflict target finds that row) or not one
 * of Shelf's. Rows with local writes still on their way keep their local values (the outbox will
 * make Notion match), and an older read never overwrites a newer one.
 */
export async function upsertFromNotion(db: Database, workspaceId: string, pages: NotionBookmark[]): Promise<NotionBookmark[]> {
  if (pages.length === 0) return [];
  const linked = await linkedPageIds(db, workspaceId, pages.map((p) => p.id));
  const unlinked = pages.filter((p) => !linked.has(p.id));
  const creates = await unfinishedCreates(db, workspaceId, [...new Set(unlinked.map((p) => p.url))]);
  const deferred = unlinked.filter((page) => creates.some((create) => couldHaveMade(create, page)));
  const settled = pages.filter((page) => !deferred.includes(page));
  if (settled.length === 0) return deferred;

  const values = settled.map((b) => ({
    workspaceId,
    notionPageId: b.id,
    notionUrl: b.notionUrl,
    title: b.title,
    url: b.url,
    normalizedUrl: normalizeUrl(b.url),
    description: b.description,
    tags: b.tags,
    createdTime: new Date(b.createdTime),
    lastEditedTime: new Date(b.lastEditedTime),
    inTrash: b.inTrash,
  }));
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(bookmarks)
    .values(values)
    .onConflictDoUpdate({
      target: [bookmarks.workspaceId, bookmarks.notionPageId],
      set: {
        notionUrl: excluded("notion_url"),
        title: excluded("title"),
        url: excluded("url"),
        normalizedUrl: excluded("normalized_url"),
        description: excluded("description"),
        tags: excluded("tags"),
        createdTime: excluded("created_time"),
        lastEditedTime: excluded("last_edited_time"),
        inTrash: excluded("in_trash"),
      },
      setWhere: sql`${bookmarks.syncState} = 'synced' and ${bookmarks.lastEditedTime} <= excluded.last_edited_time`,
    });
  return deferred;
}

/** Creates of the workspace not yet linked to a page (pending or parked), sent with one of these URLs. */
async function unfinishedCreates(db: Database, workspaceId: string, urls: string[]): Promise<UnfinishedCreate[]> {
  if (urls.length === 0) return [];
  const rows = await db
    .select({ payload: pendingWrites.payload, createdAt: pendingWrites.createdAt })
    .from(pendingWrites)
    .innerJoin(bookmarks, eq(bookmarks.id, pendingWrites.bookmarkId))
    .where(
      and(
        eq(pendingWrites.workspaceId, workspaceId),
        eq(pendingWrites.kind, "create"),
        isNull(bookmarks.notionPageId),
        inArray(sql<string>`${pendingWrites.payload}->>'url'`, urls),
      ),
    );
  return rows.flatMap((r) => (r.payload ? [{ payload: r.payload, createdAt: r.createdAt }] : []));
}

/** Marks synced rows trashed in Notion (seen in the trash, or absent from a full pass). */
export async function markTrashedInNotion(
  db: Database,
  workspaceId: string,
  selector: { trashed: string[] } | { allBut: string[] },
): Promise<number> {
  const pageMatch =
    "trashed" in selector
      ? inArray(bookmarks.notionPageId, selector.trashed)
      : selector.allBut.length > 0
        ? notInArray(bookmarks.notionPageId, selector.allBut)
        : isNotNull(bookmarks.notionPageId);
  if ("trashed" in selector && selector.trashed.length === 0) return 0;
  const rows = await db
    .update(bookmarks)
    .set({ inTrash: true })
    .where(
      and(
        eq(bookmarks.workspaceId, workspaceId),
        eq(bookmarks.inTrash, false),
        eq(bookmarks.syncState, "synced"),
        isNotNull(bookmarks.notionPageId),
        pageMatch,
      ),
    )
    .returning({ id: bookmarks.id });
  return rows.length;
}

// --- the outbox ---------------------------------------------------------------------------------

export type ClaimedWrite = PendingWrite & { notionPageId: string | null };

/**
 * Claims due writes for delivery: at most one per bookmark (the oldest, so a bookmark's writes
 * reach Notion in order), only for usable workspaces, skipping rows another worker holds. The claim
 * is a lease; a worker that dies lets it lapse and the write is delivered later. The lease's end
 * (to the millisecond, as JavaScript holds it) is also its fencing token: completing, retrying or
 * parking a write only happens while the lease is still the one claimed.
 */
export async function claimWrites(db: Database, limit: number, leaseMs: number): Promise<ClaimedWrite[]> {
  const claimed = await db.execute(sql`
    with due as (
      select w.id from pending_writes w
      join workspaces ws on ws.id = w.workspace_id and ws.status = 'active'
      where w.status = 'pending'
        and w.next_attempt_at <= clock_timestamp()
        and (w.locked_until is null or w.locked_until < clock_timestamp())
        and not exists (
          select 1 from pending_writes earlier
          where earlier.bookmark_id = w.bookmark_id and earlier.id < w.id and earlier.status = 'pending'
        )
      order by w.next_attempt_at, w.id
      limit ${limit}
      for update of w skip locked
    )
    update pending_writes p
    set locked_until = date_trunc('milliseconds', clock_timestamp() + ${`${leaseMs} milliseconds`}::interval), attempts = p.attempts + 1
    from due
    where p.id = due.id
    returning p.id
  `);
  const ids = resultRows<{ id: number }>(claimed).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ write: pendingWrites, notionPageId: bookmarks.notionPageId })
    .from(pendingWrites)
    .innerJoin(bookmarks, eq(bookmarks.id, pendingWrites.bookmarkId))
    .where(inArray(pendingWrites.id, ids))
    .orderBy(asc(pendingWrites.id));
  return rows.map((r) => ({ ...r.write, notionPageId: r.notionPageId }));
}

/** The write is still held under the lease it was claimed with (not taken over, not done). */
function heldUnderLease(write: PendingWrite): SQL {
  const lease = write.lockedUntil ? sql`${write.lockedUntil.toISOString()}::timestamptz` : sql`null`;
  return and(eq(pendingWrites.id, write.id), sql`${pendingWrites.lockedUntil} is not distinct from ${lease}`)!;
}

/**
 * The write reached Notion: drop it and, if it was the bookmark's last, mark the row synced. A
 * create links its page here and only here (or the sync would list it twice). False when the lease
 * was lost meanwhile: whoever holds it now finishes the write, and finds this page if it was a create.
 */
export async function completeWrite(
  db: Database,
  write: PendingWrite,
  fromNotion: { notionPageId: string; notionUrl: string; createdTime: string; lastEditedTime: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx.delete(pendingWrites).where(heldUnderLease(write)).returning({ id: pendingWrites.id });
    if (done.length === 0) return false;
    const [remaining] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pendingWrites)
      .where(eq(pendingWrites.bookmarkId, write.bookmarkId));
    const settled = (remaining?.n ?? 0) === 0;
    await tx
      .update(bookmarks)
      .set({
        notionPageId: fromNotion.notionPageId,
        notionUrl: fromNotion.notionUrl,
        createdTime: new Date(fromNotion.createdTime),
        lastEditedTime: new Date(fromNotion.lastEditedTime),
        ...(settled ? { syncState: "synced" as const, syncError: null } : {}),
      })
      .where(eq(bookmarks.id, write.bookmarkId));
    return true;
  });
}

/** Try again later (releases the lease); `countAttempt: false` for waits that are not failures. */
export async function retryWriteLater(db: Database, write: PendingWrite, delayMs: number, error: string, countAttempt = true) {
  await db
    .update(pendingWrites)
    .set({
      lockedUntil: null,
      nextAttemptAt: sql`clock_timestamp() + ${`${Math.round(delayMs)} milliseconds`}::interval`,
      lastError: error,
      ...(countAttempt ? {} : { attempts: sql`${pendingWrites.attempts} - 1` }),
    })
    .where(heldUnderLease(write));
}

/** Give up until the person decides: the row shows the error with retry and discard. */
export async function parkWrite(db: Database, write: PendingWrite, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    const parked = await tx
      .update(pendingWrites)
      .set({ status: "parked", lockedUntil: null, lastError: error })
      .where(heldUnderLease(write))
      .returning({ id: pendingWrites.id });
    if (parked.length === 0) return;
    await tx.update(bookmarks).set({ syncState: "failed", syncError: error }).where(eq(bookmarks.id, write.bookmarkId));
  });
}

/** The person asks to try a parked bookmark's writes again. */
export async function retryParked(db: Database, workspaceId: string, bookmarkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(pendingWrites)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`clock_timestamp()`, lockedUntil: null })
      .where(and(eq(pendingWrites.workspaceId, workspaceId), eq(pendingWrites.bookmarkId, bookmarkId), eq(pendingWrites.status, "parked")))
      .returning({ id: pendingWrites.id });
    if (updated.length === 0) return false;
    await tx.update(bookmarks).set({ syncState: "pending", syncError: null }).where(eq(bookmarks.id, bookmarkId));
    return true;
  });
}

/**
 * The person gives up on a parked bookmark's writes. A bookmark that never reached Notion goes
 * away; one that did is marked synced and takes Notion's values again at the next sync.
 */
export async function discardParked(db: Database, workspaceId: string, bookmarkId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ notionPageId: bookmarks.notionPageId })
      .from(bookmarks)
      .where(and(eq(bookmarks.workspaceId, workspaceId), eq(bookmarks.id, bookmarkId), eq(bookmarks.syncState, "failed")));
    if (!row) return false;
    if (!row.notionPageId) {
      await tx.delete(bookmarks).where(eq(bookmarks.id, bookmarkId));
      return true;
    }
    await tx.delete(pendingWrites).where(eq(pendingWrites.bookmarkId, bookmarkId));
    // Epoch makes the next sync's copy win over the local edit.
    await tx.update(bookmarks).set({ syncState: "synced", syncError: null, lastEditedTime: new Date(0) }).where(eq(bookmarks.id, bookmarkId));
    return true;
  });
}

export async function outboxBacklog(db: Database, workspaceId?: string): Promise<{ pending: number; parked: number }> {
  const rows = await db
    .select({ status: pendingWrites.status, n: sql<number>`count(*)::int` })
    .from(pendingWrites)
    .where(workspaceId ? eq(pendingWrites.workspaceId, workspaceId) : undefined)
    .groupBy(pendingWrites.status);
  return {
    pending: rows.find((r) => r.status === "pending")?.n ?? 0,
    parked: rows.find((r) => r.status === "parked")?.n ?? 0,
  };
}

/** Pages already linked to a bookmark of the workspace: a recovered create never claims one twice, and the sync updates them. */
export async function linkedPageIds(db: Database, workspaceId: string, pageIds: string[]): Promise<Set<string>> {
  if (pageIds.length === 0) return new Set();
  const rows = await db
    .select({ id: bookmarks.notionPageId })
    .from(bookmarks)
    .where(and(eq(bookmarks.workspaceId, workspaceId), inArray(bookmarks.notionPageId, pageIds)));
  return new Set(rows.map((r) => r.id!));
}

