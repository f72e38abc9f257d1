import type { SaveBody, Settings } from "./settings";

export type Bookmark = { id: string; title: string; url: string; tags: string[] };
export type Workspace = { id: string; name: string | null };

/** Why a call failed, in the terms the popup words differently. */
export class ShelfError extends Error {
  constructor(
    readonly kind: "invalid_token" | "unreachable" | "duplicate" | "refused",
    message: string,
    readonly bookmark?: Bookmark,
  ) {
    super(message);
  }
}

// A save waits this long before it is queued instead: the popup must not hang on a slow server.
const DEFAULT_TIMEOUT_MS = 10_000;

async function call<T>(settings: Settings, path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${settings.origin}/api/v1${path}`, {
      ...init,
      // The token is the only credential: Shelf's cookies never ride along.
      credentials: "omit",
      headers: { authorization: `Bearer ${settings.token}`, "content-type": "application/json", ...init.headers },
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch {
    throw new ShelfError("unreachable", "Shelf did not answer in time.");
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string }; bookmark?: Bookmark };
  if (response.ok) return body as T;
  if (response.status === 401) throw new ShelfError("invalid_token", "Shelf refused the token: it may have been revoked or have expired. Paste a new one in the options.");
  if (response.status === 409 && body.error?.code === "duplicate") throw new ShelfError("duplicate", "Already saved", body.bookmark);
  if (response.status >= 500 || response.status === 429) throw new ShelfError("unreachable", body.error?.message ?? "Shelf is busy.");
  throw new ShelfError("refused", body.error?.message ?? `Shelf answered ${response.status}.`);
}

export const listWorkspaces = (s: Settings) => call<{ items: Workspace[] }>(s, "/workspaces");

export const listTags = (s: Settings, workspaceId: string) => call<{ items: string[] }>(s, `/workspaces/${encodeURIComponent(workspaceId)}/tags`);

export const lookup = (s: Settings, workspaceId: string, url: string) =>
  call<{ saved: boolean; bookmark: Bookmark | null }>(s, `/workspaces/${encodeURIComponent(workspaceId)}/lookup?url=${encodeURIComponent(url)}`);

export const createBookmark = (s: Settings, workspaceId: string, body: SaveBody, key: string, timeoutMs?: number) =>
  call<Bookmark>(s, `/workspaces/${encodeURIComponent(workspaceId)}/bookmarks`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "idempotency-key": key },
    timeoutMs,
  });

export const updateBookmark = (s: Settings, workspaceId: string, id: string, body: Partial<SaveBody>) =>
  call<Bookmark>(s, `/workspaces/${encodeURIComponent(workspaceId)}/bookmarks/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(body) });
