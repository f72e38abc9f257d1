import type { Client } from "@notionhq/client";
import { requestLogger } from "@/lib/log";

type NotionFetchOption = NonNullable<NonNullable<ConstructorParameters<typeof Client>[0]>["fetch"]>;
export type NotionRequestInit = NonNullable<Parameters<NotionFetchOption>[1]>;

/** Sends one HTTP request to Notion. */
export type NotionSend = (url: string, init: NotionRequestInit) => Promise<Response>;

/** What a log line can say about the call beyond the request itself. */
export type NotionCall = { workspaceId?: string; attempt: number };

// The SDK passes the same headers object to each attempt of one request, so counting the
// objects seen counts its retries (429, 5xx) without reaching into the SDK.
const attemptsByHeaders = new WeakMap<object, number>();

/** 1 for a request's first attempt, 2 for the SDK's first retry, and so on. */
export function attemptOf(headers: object | undefined): number {
  if (!headers) return 1;
  const attempt = (attemptsByHeaders.get(headers) ?? 0) + 1;
  attemptsByHeaders.set(headers, attempt);
  return attempt;
}

/**
 * fetch for Notion that logs one line per request: method, path (never the query or body),
 * status, duration and Notion's request id, which Notion support asks for.
 */
export async function loggedNotionFetch(url: string, init: NotionRequestInit, call: NotionCall): Promise<Response> {
  const logger = await requestLogger();
  const line = { method: init.method ?? "GET", path: new URL(url).pathname, workspaceId: call.workspaceId, attempt: call.attempt };
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  let response: Response;
  try {
    response = await fetch(url, init as RequestInit);
  } catch (error) {
    logger.warn({ ...line, status: null, durationMs: durationMs(), error: error instanceof Error ? error.message : String(error) }, "notion call failed");
    throw error;
  }
  const failed = response.status >= 500 || response.status === 429;
  logger[failed ? "warn" : "info"](
    { ...line, status: response.status, durationMs: durationMs(), notionRequestId: response.headers.get("x-notion-request-id") },
    "notion call",
  );
  return response;
}
