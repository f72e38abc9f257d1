import type { Database } from "@/db/client";
import type { BookmarkRow } from "@/db/schema";
import { env } from "@/lib/env";
import { runLater, unfinishedJobs } from "@/lib/link-metadata/background";
import { fetchPage, LinkFetchError } from "@/lib/link-metadata/fetch";
import { parseMetadata } from "@/lib/link-metadata/parse";
import { recordFill, type Fill } from "./queries";
import type { BookmarkInput } from "./schema";
import { fallbackTitle } from "./url";
import { kickWorker } from "./worker";

/**
 * The fields the person left empty. The form's schema has already put the fallback title in, so
 * a title equal to it counts as empty (typing exactly "host/path" is the same thing anyway).
 */
export function emptyFields(input: BookmarkInput): { title: boolean; description: boolean } {
  return { title: input.title === fallbackTitle(input.url), description: input.description === "" };
}

/**
 * After a save, fetches the bookmark's page (lib/link-metadata: SSRF-guarded, capped) and fills
 * the title and description the person left empty and has not edited since, through the outbox.
 * Returns at once; a page that can't be fetched leaves the bookmark as it was saved.
 */
export function fillFromPageLater(db: Database, saved: BookmarkRow, empty: { title: boolean; description: boolean }): void {
  const { enabled, allowLoopback, timeoutMs } = env().linkMetadata;
  if (!enabled || (!empty.title && !empty.description)) return;
  runLater(saved.workspaceId, async () => {
    let found;
    try {
      found = parseMetadata((await fetchPage(saved.url, { allowLoopback, timeoutMs })).html);
    } catch (error) {
      // Refused, unreachable, too slow, not HTML: the bookmark keeps what was saved.
      if (error instanceof LinkFetchError) return;
      throw error;
    }
    const fill = (wanted: boolean, savedValue: string, value: string | undefined): Fill | undefined =>
      wanted && value ? { saved: savedValue, found: value } : undefined;
    const filled = await recordFill(db, saved.workspaceId, saved.id, {
      title: fill(empty.title, saved.title, found.title),
      description: fill(empty.description, saved.description, found.description),
    });
    if (filled) kickWorker();
  });
}

/** Pages still being read for the workspace's new bookmarks, in this process. */
export const pagesBeingRead = (workspaceId: string) => unfinishedJobs(workspaceId);
