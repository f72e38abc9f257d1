import { Client, LogLevel } from "@notionhq/client";

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;
import { env } from "@/lib/env";

/** The one place the Notion API version is chosen: 2025-09-03 is the data-source model Shelf is built on. */
export const NOTION_VERSION = "2025-09-03";

/**
 * A Notion client for Shelf's Notion (the real one or the sandbox). The SDK retries 429/529 itself,
 * honouring Retry-After. Its own logging is limited to errors, which never include tokens.
 */
export function createNotionClient(options: Omit<ClientOptions, "baseUrl" | "notionVersion"> = {}): Client {
  return new Client({
    baseUrl: env().notion.apiBase,
    notionVersion: NOTION_VERSION,
    logLevel: LogLevel.ERROR,
    timeoutMs: env().notionTimeoutMs,
    ...options,
  });
}
