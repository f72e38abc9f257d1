// What the extension keeps, in chrome.storage.local only: never in a page's storage, where the
// sites the person visits could read it.

export type Settings = { origin: string; token: string; workspaceId: string };

/** A save that could not reach Shelf yet; its key makes a resend safe (Idempotency-Key). */
export type QueuedSave = { key: string; workspaceId: string; body: SaveBody; queuedAt: number };

export type SaveBody = { url: string; title?: string; description?: string; tags?: string[]; saveAnyway?: boolean };

type Stored = { settings?: Settings; queue?: QueuedSave[] };

export async function loadSettings(): Promise<Settings | null> {
  const { settings } = (await chrome.storage.local.get("settings")) as Stored;
  return settings?.origin && settings.token ? settings : null;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await chrome.storage.local.set({ settings: { ...settings, origin: settings.origin.replace(/\/+$/, "") } });
}

export async function loadQueue(): Promise<QueuedSave[]> {
  const { queue } = (await chrome.storage.local.get("queue")) as Stored;
  return queue ?? [];
}

export async function storeQueue(queue: QueuedSave[]): Promise<void> {
  await chrome.storage.local.set({ queue });
}
