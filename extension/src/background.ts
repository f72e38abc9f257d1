import { showSaved } from "./badge";
import { flushQueue } from "./saving";

// The service worker: the context menu, the keyboard shortcut, the badge, and resending queued saves.

const SAVE_LINK = "save-link";
const SAVE_PAGE = "save-page";

/** The save window, for a link or a page, with what is known of it filled in. */
export function openSaveWindow(fields: { url: string; title?: string; description?: string; tabId?: number }) {
  const query = new URLSearchParams({ url: fields.url, title: fields.title ?? "", description: fields.description ?? "" });
  if (fields.tabId !== undefined) query.set("tab", String(fields.tabId));
  return chrome.windows.create({ url: chrome.runtime.getURL(`popup.html?${query}`), type: "popup", width: 420, height: 560 });
}

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.create({ id: SAVE_LINK, title: "Save link to Shelf", contexts: ["link"] });
  chrome.contextMenus.create({ id: SAVE_PAGE, title: "Save page to Shelf", contexts: ["page", "selection"] });
});

function onMenuClicked(info: Pick<chrome.contextMenus.OnClickData, "menuItemId" | "linkUrl" | "selectionText">, tab?: chrome.tabs.Tab) {
  if (info.menuItemId === SAVE_LINK && info.linkUrl) void openSaveWindow({ url: info.linkUrl, title: info.selectionText });
  if (info.menuItemId === SAVE_PAGE && tab?.url) void openSaveWindow({ url: tab.url, title: tab.title, description: info.selectionText, tabId: tab.id });
}
chrome.contextMenus.onClicked.addListener(onMenuClicked);
// Browser automation cannot click a native context menu; e2e/extension.spec.ts calls this instead.
Object.assign(globalThis, { shelfMenuClicked: onMenuClicked });

// The shortcut that saves without the popup (the popup has its own, _execute_action).
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === SAVE_PAGE && tab?.url) void openSaveWindow({ url: tab.url, title: tab.title, tabId: tab.id });
});

// A new page in a tab is not known to be saved until the popup looks it up (there is no "tabs"
// permission to read every address the person visits, on purpose).
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === "loading") void showSaved(tabId, false);
});

chrome.runtime.onStartup.addListener(() => void flushQueue());
