import { listTags, listWorkspaces, lookup, ShelfError, type Bookmark } from "./api";
import { showSaved } from "./badge";
import { flushQueue, save } from "./saving";
import { loadSettings, saveSettings, type Settings } from "./settings";

// The toolbar popup. Also opened as a window by the context menu and the shortcut, with the link's
// fields in its query (?url=&title=&description=&tab=).

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>("save-form");
const status = $<HTMLParagraphElement>("status");
const field = (id: string) => $<HTMLInputElement>(id);

function say(text: string, error = false) {
  status.textContent = text;
  status.className = error ? "error" : "";
}

async function currentPage(): Promise<{ url: string; title: string; description: string; tabId?: number }> {
  const query = new URLSearchParams(location.search);
  const url = query.get("url");
  if (url) {
    const tab = query.get("tab");
    return { url, title: query.get("title") ?? "", description: query.get("description") ?? "", tabId: tab ? Number(tab) : undefined };
  }
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return { url: tab?.url ?? "", title: tab?.title ?? "", description: "", tabId: tab?.id };
}

function showAlreadySaved(settings: Settings, workspaceId: string, bookmark: Bookmark) {
  const link = $<HTMLAnchorElement>("edit-link");
  link.href = `${settings.origin}/w/${encodeURIComponent(workspaceId)}/bookmarks?edit=${encodeURIComponent(bookmark.id)}`;
  $("already").hidden = false;
}

async function refreshFor(settings: Settings, workspaceId: string, url: string, tabId: number | undefined) {
  $("already").hidden = true;
  const [tags, found] = await Promise.all([listTags(settings, workspaceId), /^https?:/.test(url) ? lookup(settings, workspaceId, url) : null]);
  const options = $<HTMLDataListElement>("tag-options");
  options.replaceChildren(...tags.items.map((tag) => Object.assign(document.createElement("option"), { value: tag })));
  if (found?.bookmark) showAlreadySaved(settings, workspaceId, found.bookmark);
  await showSaved(tabId, Boolean(found?.saved));
}

async function main() {
  const settings = await loadSettings();
  if (!settings) {
    $("signed-out").hidden = false;
    $("open-options").addEventListener("click", () => void chrome.runtime.openOptionsPage());
    return;
  }
  // Saves queued while Shelf was away go out whenever the popup opens (and when the browser starts).
  void flushQueue().catch(() => undefined);
  const page = await currentPage();
  field("url").value = page.url;
  field("title").value = page.title;
  $<HTMLTextAreaElement>("description").value = page.description;

  const select = $<HTMLSelectElement>("workspace");
  // Listening before the form is shown, so an early click never submits it as a plain form.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!select.value) return say("Choose a workspace first.", true);
    const button = $<HTMLButtonElement>("save");
    button.disabled = true;
    say("Saving…");
    const tags = field("tags").value.split(",").map((t) => t.trim()).filter(Boolean);
    const body = { url: field("url").value, title: field("title").value, description: $<HTMLTextAreaElement>("description").value, tags };
    save(select.value, body)
      .then(async (outcome) => {
        if (outcome.kind === "queued") return say("Shelf is slow to answer: the save is queued and will be sent as soon as Shelf answers.");
        if (outcome.kind === "duplicate") {
          showAlreadySaved(settings, select.value, outcome.bookmark);
          return say("Already saved");
        }
        await showSaved(page.tabId, true);
        say(`Saved to Shelf${tags.length ? ` with ${tags.join(", ")}` : ""}.`);
      })
      .catch((error: unknown) => say(error instanceof Error ? error.message : "The save failed.", true))
      .finally(() => {
        button.disabled = false;
      });
  });

  try {
    const { items } = await listWorkspaces(settings);
    select.replaceChildren(...items.map((w) => Object.assign(document.createElement("option"), { value: w.id, textContent: w.name ?? "Untitled workspace" })));
    if (items.some((w) => w.id === settings.workspaceId)) select.value = settings.workspaceId;
    form.hidden = false;
    await refreshFor(settings, select.value, page.url, page.tabId);
  } catch (error) {
    say(error instanceof ShelfError ? error.message : "Shelf could not be reached.", true);
    form.hidden = error instanceof ShelfError && error.kind === "invalid_token";
    return;
  }
  select.addEventListener("change", () => {
    void saveSettings({ ...settings, workspaceId: select.value });
    void refreshFor(settings, select.value, field("url").value, page.tabId).catch(() => undefined);
  });
}

void main();
