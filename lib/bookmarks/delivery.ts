import { APIErrorCode, isFullPage, isHTTPResponseError, RequestTimeoutError, type Client, type PageObjectResponse } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { notionForWorkspace, ReconnectRequiredError } from "@/lib/notion/client";
import { dataSourceFits, type BookmarksSource } from "@/lib/notion/database";
import { bookmarkToProperties, pageToBookmark } from "@/lib/notion/mapping";
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

/** Which failures are worth trying again: Notion busy or away, or the network; never a refusal. */
function classify(error: unknown): Outcome {
  if (error instanceof ReconnectRequiredError) return { kind: "wait", error: error.message };
  if (RequestTimeoutError.isRequestTimeoutError(error)) return { kind: "retry", error: "Notion did not answer in time" };
  if (isHTTPResponseError(error)) {
    const retryAfter = Number((error.headers as Headers | undefined)?.get?.("retry-after")) || undefined;
    if (error.code === APIErrorCode.ValidationError || error.code === APIErrorCode.RestrictedResource) {
      return { kind: "park", error: `Notion refused this change: ${error.message}` };
    }
    if (error.code === APIErrorCode.ObjectNotFound) return { kind: "park", error: "Notion no longer has this bookmark's page." };
    return { kind: "retry", error: `Notion answered ${error.status}${error.code ? ` (${error.code})` : ""}`, retryAfter };
  }
  if (error instanceof TypeError || (error as { code?: string }).code === "ECONNRESET") {
    return { kind: "retry", error: "Shelf could not reach Notion" };
  }
  return { kind: "retry", error: error instanceof Error ? error.message : String(error) };
}

/**
 * A create whose answer was lost may have made the page anyway. Before creating again, look for a
 * page of this data source that this create could have made (lost-creates.ts) and that no other
 * bookmark is linked to. The sync leaves such pages unlisted meanwhile, so the page is still free.
 */
async function findEarlierCreate(db: Database, notion: Client, source: BookmarksSource, write: ClaimedWrite) {
  const create = { payload: write.payload!, createdAt: write.createdAt };
  const response = await notion.dataSources.query({
    data_source_id: source.dataSourceId,
    filter: {
      and: [
        { property: source.propertyMap.url, url: { equals: create.payload.url } },
        { timestamp: "created_time", created_time: { on_or_after: earliestPageTime(create).toISOString() } },
      ],
    },
    page_size: 100,
  });
  const candidates = response.results.filter(isFullPage);
  const taken = await linkedPageIds(db, write.workspaceId, candidates.map((p) => p.id));
  return candidates.find((page) => !taken.has(page.id) && couldHaveMade(create, pageToBookmark(page, source.propertyMap))) ?? null;
}

async function send(db: Database, notion: Client, source: BookmarksSource, write: ClaimedWrite): Promise<PageObjectResponse> {
  if (write.kind === "create") {
    if (write.attempts > 1) {
      const earlier = await findEarlierCreate(db, notion, source, write);
      if (earlier) return earlier;
    }
    return (await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: source.dataSourceId },
      properties: bookmarkToProperties(write.payload!, source.propertyMap),
    })) as PageObjectResponse;
  }
  if (!write.notionPageId) throw new Error("The bookmark's page was never created in Notion");
  const change =
    write.kind === "update"
      ? { properties: bookmarkToProperties(write.payload!, source.propertyMap) }
      : { in_trash: write.kind === "trash" };
  return (await notion.pages.update({ page_id: write.notionPageId, ...change })) as PageObjectResponse;
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
    const outcome = classify(error);
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
