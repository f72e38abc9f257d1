import { Client, LogLevel } from "@notionhq/client";
import { env } from "@/lib/env";
import { attemptOf, loggedNotionFetch, type NotionSend } from "./logged-fetch";

/** The one place the Notion API version is chosen: 2025-09-03 is the data-source model Shelf is built on. */
export const NOTION_VERSION = "2025-09-03";

export type NotionClientOptions = {
  /** Named on each call's log line. */
  workspaceId?: string;
  /** Turns off the SDK's own retries, for callers with a retry policy of their own. */
  retry?: false;
  /** Wraps each attempt, e.g. to add the access token; every request it sends through `send` is logged. */
  through?: (send: NotionSend) => NotionSend;
};

/**
 * A Notion client for Shelf's Notion (the real one or the sandbox). The SDK retries 429/529 itself,
 * honouring Retry-After. Its own logging is limited to errors, which never include tokens; each
 * HTTP request is logged by loggedNotionFetch.
 */
export function createNotionClient({ workspaceId, retry, through }: NotionClientOptions = {}): Client {
  return new Client({
    baseUrl: env().notion.apiBase,
    notionVersion: NOTION_VERSION,
    logLevel: LogLevel.ERROR,
    timeoutMs: env().notionTimeoutMs,
    retry,
    fetch: (url, init = {}) => {
      const call = { workspaceId, attempt: attemptOf(init.headers) };
      const send: NotionSend = (sendUrl, sendInit) => loggedNotionFetch(sendUrl, sendInit, call);
      return (through ? through(send) : send)(url, init);
    },
  });
}
