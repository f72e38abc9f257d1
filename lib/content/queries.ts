import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { resultRows, type Database } from "@/db/client";
import { claimDue, fromNow, leaseLapsed, releaseLease, renewLease, type LeasedQueue } from "@/db/lease";
import { bookmarkContents, bookmarks, type BookmarkContent } from "@/db/schema";
import { searchQuery } from "@/lib/bookmarks/queries/mirror";
import { MATCH_END, MATCH_START } from "./snippet";

/** 0 asked for by the person ("Save content now", "Refresh content"), 1 a new save, 2 an import: lowest. */
export const CONTENT_PRIORITY = { asked: 0, save: 1, imported: 2 } as const;

const CONTENT: LeasedQueue<typeof bookmarkContents> = { table: bookmarkContents, key: bookmarkContents.bookmarkId, attempts: bookmarkContents.attempts };

/** A claimed job with what it needs of its bookmark. */
export type ClaimedContent = BookmarkContent & { notionPageId: string; url: string; title: string };

/** Queues a new bookmark's content (in the save's transaction); a bookmark with a row keeps it. */
export async function queueContent(db: Database, rows: Array<{ workspaceId: string; bookmarkId: string; priority: number }>): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(bookmarkContents).values(rows).onConflictDoNothing();
}

/**
 * Queues the content again at the person's request. A refresh keeps the previous body's block ids
 * to delete before writing; `replaceEdited` is the person's yes to replacing a body edited in
 * Notion. Refused while a job is writing (its lease is live): the answer is false.
 */
export async function requeueContent(db: Database, row: { workspaceId: string; bookmarkId: string; replaceEdited: boolean }): Promise<boolean> {
  const fresh = {
    status: "queued" as const,
    reason: null,
    priority: CONTENT_PRIORITY.asked,
    attempts: 0,
    nextAttemptAt: sql`clock_timestamp()`,
    lockedUntil: null,
    chunks: null,
    chunksDone: 0,
    inDoubt: false,
    replaceEdited: row.replaceEdited,
    updatedAt: sql`clock_timestamp()`,
  };
  const done = await db
    .insert(bookmarkContents)
    .values({ workspaceId: row.workspaceId, bookmarkId: row.bookmarkId, priority: CONTENT_PRIORITY.asked, replaceEdited: row.replaceEdited })
    .onConflictDoUpdate({
      target: bookmarkContents.bookmarkId,
      set: {
        ...fresh,
        // Everything written so far, and anything a refresh before this one had still to delete.
        replacingIds: sql`${bookmarkContents.replacingIds} || coalesce((select jsonb_agg(id) from jsonb_array_elements(${bookmarkContents.writtenIds}) chunk, jsonb_array_elements(chunk) id), '[]'::jsonb)`,
        writtenIds: sql`'[]'::jsonb`,
      },
      setWhere: sql`not (${bookmarkContents.status} = 'writing' and ${bookmarkContents.lockedUntil} > clock_timestamp())`,
    })
    .returning({ id: bookmarkContents.bookmarkId });
  return done.length > 0;
}

/**
 * Claims up to `limit` due jobs whose bookmark has its Notion page, asked-for first, for
 * `leaseMs`. Like page_fetches: rows locked by another claimer are skipped; a lapsed lease makes
 * the row due again. A job failing `maxAttempts` times in a row is marked failed here.
 */
export async function claimContent(db: Database, limit: number, leaseMs: number, maxAttempts: number): Promise<ClaimedContent[]> {
  await db
    .update(bookmarkContents)
    .set({ status: "failed", reason: sql`coalesce(${bookmarkContents.reason}, 'gave up after repeated failures')`, lockedUntil: null })
    .where(and(inArray(bookmarkContents.status, ["queued", "writing"]), gte(bookmarkContents.attempts, maxAttempts), leaseLapsed(CONTENT)));
  const ids = await claimDue<string>(db, CONTENT, {
    join: sql`join ${bookmarks} on ${bookmarks.id} = ${bookmarkContents.bookmarkId}`,
    where: sql`${bookmarkContents.status} in ('queued', 'writing') and ${bookmarkContents.nextAttemptAt} <= clock_timestamp()
      and ${bookmarks.notionPageId} is not null and not ${bookmarks.inTrash}`,
    orderBy: sql`${bookmarkContents.priority}, ${bookmarkContents.nextAttemptAt}`,
    limit,
    leaseMs,
  });
  if (ids.length === 0) return [];
  const rows = await db
    .select({ content: bookmarkContents, notionPageId: bookmarks.notionPageId, url: bookmarks.url, title: bookmarks.title })
    .from(bookmarkContents)
    .innerJoin(bookmarks, eq(bookmarks.id, bookmarkContents.bookmarkId))
    .where(inArray(bookmarkContents.bookmarkId, ids))
    .orderBy(bookmarkContents.priority);
  return rows.map((r) => ({ ...r.content, notionPageId: r.notionPageId!, url: r.url, title: r.title }));
}

type Patch = Partial<Pick<BookmarkContent, "status" | "reason" | "capturedAt" | "meta" | "text" | "blocks" | "chunks" | "chunksDone" | "inDoubt" | "writtenIds" | "replacingIds" | "writtenAt" | "attempts">>;

/** The claim, as read at claim time or last extended. */
const held = (job: Pick<BookmarkContent, "bookmarkId" | "lockedUntil">) => ({ key: job.bookmarkId, lockedUntil: job.lockedUntil });

/**
 * Records progress under the claim and extends its lease; the job then holds the new lease. False
 * when the claim was lost (lapsed and taken, or requeued by the person): stop, change nothing more.
 */
export async function recordProgress(db: Database, job: BookmarkContent, patch: Patch, leaseMs: number): Promise<boolean> {
  const lockedUntil = await renewLease(db, CONTENT, held(job), leaseMs, { ...patch, updatedAt: sql`clock_timestamp()` });
  if (!lockedUntil) return false;
  Object.assign(job, patch, { lockedUntil });
  return true;
}

/** Ends the claim: finished (done, refused, failed, conflict) or due again after `delayMs`. */
export async function releaseContent(db: Database, job: BookmarkContent, patch: Patch, delayMs?: number): Promise<void> {
  await releaseLease(db, CONTENT, held(job), {
    ...patch,
    ...(delayMs === undefined ? {} : { nextAttemptAt: fromNow(delayMs) }),
    updatedAt: sql`clock_timestamp()`,
  });
}

/** The mirror row's search over the saved article: its title above its body (db/schema.ts `content_search`). */
export async function storeContentSearch(db: Database, bookmarkId: string): Promise<void> {
  await db.execute(sql`
    update bookmarks set content_search =
      setweight(to_tsvector('simple', coalesce(c.meta->>'title', '')), 'A') || setweight(to_tsvector('simple', coalesce(c.text, '')), 'B')
    from bookmark_contents c
    where c.bookmark_id = bookmarks.id and bookmarks.id = ${bookmarkId}
  `);
}

export async function findContent(db: Database, workspaceId: string, bookmarkId: string): Promise<BookmarkContent | null> {
  const [row] = await db
    .select()
    .from(bookmarkContents)
    .where(and(eq(bookmarkContents.workspaceId, workspaceId), eq(bookmarkContents.bookmarkId, bookmarkId)));
  return row ?? null;
}

/** Content jobs still to run, across workspaces (tests wait for zero). */
export async function contentBacklog(db: Database): Promise<number> {
  const rows = await db.execute(sql`select count(*)::int as n from bookmark_contents where status in ('queued', 'writing')`);
  return resultRows<{ n: number }>(rows)[0]?.n ?? 0;
}

/**
 * The best passage of each listed bookmark's saved article for a search, its matches between
 * MATCH_START and MATCH_END (snippet.ts). Only for the rows on screen: ts_headline re-reads text.
 */
export async function contentSnippets(db: Database, workspaceId: string, bookmarkIds: string[], q: string): Promise<Map<string, string>> {
  const terms = searchQuery(q);
  if (!terms || bookmarkIds.length === 0) return new Map();
  const rows = await db.execute(sql`
    select bookmark_id, ts_headline('simple', text, to_tsquery('simple', ${terms}),
      ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "`}) as headline
    from bookmark_contents c join bookmarks b on b.id = c.bookmark_id
    where c.workspace_id = ${workspaceId} and c.bookmark_id in ${sql`(${sql.join(bookmarkIds.map((id) => sql`${id}`), sql`, `)})`}
      and c.text is not null and b.content_search @@ to_tsquery('simple', ${terms})
  `);
  return new Map(resultRows<{ bookmark_id: string; headline: string }>(rows).map((r) => [r.bookmark_id, r.headline]));
}
