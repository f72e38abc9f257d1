/** The toolbar badge of one tab: a check when its page is in Shelf, nothing otherwise. */
export async function showSaved(tabId: number | undefined, saved: boolean): Promise<void> {
  if (tabId === undefined) return;
  await chrome.action.setBadgeBackgroundColor({ tabId, color: "#0f7b6c" });
  await chrome.action.setBadgeText({ tabId, text: saved ? "✓" : "" });
  await chrome.action.setTitle({ tabId, title: saved ? "Saved in Shelf" : "Save to Shelf" });
}
