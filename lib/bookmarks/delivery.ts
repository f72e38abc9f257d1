import type { Client, PageObjectResponse } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { createBookmarkPage, pagesWithUrlSince, updateBookmarkPage } from "@/lib/notion/bookmarks";
import { notionForWorkspace } from "@/lib/notion/client";
import { dataSourceFits, type BookmarksSource } from "@/lib/notion/database";
import { classifyNotionError } from "@/lib/notion/errors";
import { pageToBookmark } from "@/lib/notion/mapping";
import { findWorkspace, markNeedsSetup } from "@/lib/workspaces/queries";
import { completeWrite, linkedPageIds, parkWrite, retryWriteLater, type ClaimedWrite } from "./queries";
import { couldHaveMade, earliestPageTime } from "./lost-creates";
import { resolveSource } from "./source";

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/** Exponential backoff with jitter (half to all of the ceiling), or Notion's Retry-After when it sent one. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterSeconds?: number): number {
  if (retryAfterSeconds && retryAfterSeconds > 0) return retryAfterSeconds * 1000;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

type Outcome = { kind: "retry"; error: string; retryAfter?: number } | { kind: "park"; error: string } | { kind: "wait"; error: string };

/** What the outbox does after a failure: try again (Notion busy or away, or the network), wait, or park (a refusal). */
function outcomeOf(error: unknown): Outcome {
  const failure = classifyNotionError(error);
  switch (failure?.kind) {
    case "reconnect":
      return { kind: "wait", error: failure.message };
    case "timeout":
      return { kind: "retry", error: "Notion did not answer in time" };
    case "refused":
      return { kind: "park", error: `Notion refused this change: ${failure.message}` };
    case "not_found":
      return { kind: "park", error: "Notion no longer has this bookmark's page." };
    case "answered":
      return { kind: "retry", error: `Notion answered ${failure.status}${failure.code ? ` (${failure.code})` : ""}`, retryAfter: failure.retryAfterSeconds };
    case "unreachable":
      return { kind: "retry", error: "Shelf could not reach Notion" };
    default:
      return { kind: "retry", error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A create whose answer was lost may have made the page anyway. Before creating again, look for a
 * page of this data source that this create could have made (lost-creates.ts) and that no other
 * bookmark is linked to. The sync leaves such pages unlisted meanwhile, so the page is still free.
 */
async function findEarlierCreate(db: Database, notion: Client, source: BookmarksSource, write: ClaimedWrite) {
  const create = { payload: write.payload!, createdAt: write.createdAt };
  const candidates = await pagesWithUrlSince(notion, source, create.payload.url, earliestPageTime(create));
  const taken = await linkedPageIds(db, write.workspaceId, candidates.map((p) => p.id));
  return candidates.find((page) => !taken.has(page.id) && couldHaveMade(create, pageToBookmark(page, source.propertyMap))) ?? null;
}

async function send(db: Database, notion: Client, source: BookmarksSource, write: ClaimedWrite): Promise<PageObjectResponse> {
  if (write.kind === "create") {
    if (write.attempts > 1) {
      const earlier = await findEarlierCreate(db, notion, source, write);
      if (earlier) return earlier;
    }
    return createBookmarkPage(notion, source, write.payload!);
  }
  if (!write.notionPageId) throw new Error("The bookmark's page was never created in Notion");
  const change = write.kind === "update" ? { input: write.payload! } : { inTrash: write.kind === "trash" };
  return updateBookmarkPage(notion, source, write.notionPageId, change);
}

async function databaseGone(db: Database, write: ClaimedWrite): Promise<boolean> {
  const workspace = await findWorkspace(db, write.workspaceId);
  if (!workspace?.dataSourceId || !workspace.databaseId || !workspace.propertyMap) return false;
  const source = { databaseId: workspace.databaseId, dataSourceId: workspace.dataSourceId, propertyMap: workspace.propertyMap };
  return !(await dataSourceFits(notionForWorkspace(db, workspace), source).catch(() => true));
}

/** Delivers one claimed write to Notion and records the outcome. Never throws. */
export async function deliver(db: Database, write: ClaimedWrite, policy: RetryPolicy = DEFAULT_RETRY): Promise<void> {
  try {
    const workspace: Workspace | null = await findWorkspace(db, write.workspaceId);
    if (!workspace || workspace.status !== "active") {
      return await retryWriteLater(db, write, 60_000, "Waiting for the workspace to be usable again", false);
    }
    // The outbox has its own retry policy, and every attempt must count against the rate limit.
    const notion = notionForWorkspace(db, workspace, { retry: false });
    const source = await resolveSource({ db, workspace }, notion);
    if (!source) return await retryWriteLater(db, write, 60_000, "Waiting for the Bookmarks database to be chosen", false);
    const page = await send(db, notion, source, write);
    await completeWrite(db, write, {
      notionPageId: page.id,
      notionUrl: page.url,
      createdTime: page.created_time,
      lastEditedTime: page.last_edited_time,
    });
  } catch (error) {
    const outcome = outcomeOf(error);
    if (outcome.kind === "wait") return retryWriteLater(db, write, 60_000, outcome.error, false);
    if (outcome.kind === "park" && (await databaseGone(db, write))) {
      // Not this write's fault: the workspace goes back to setup and the write waits for a database.
      await markNeedsSetup(db, write.workspaceId);
      return retryWriteLater(db, write, 60_000, "The Bookmarks database is gone", false);
    }
    if (outcome.kind === "park" || write.attempts >= policy.maxAttempts) return parkWrite(db, write, outcome.error);
    return retryWriteLater(db, write, retryDelayMs(write.attempts, policy, outcome.retryAfter), outcome.error);
  }
}
