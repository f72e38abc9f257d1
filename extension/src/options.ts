import { listWorkspaces, ShelfError } from "./api";
import { collectToken, confirmUrl, newConnectRequest } from "./connect";
import { loadSettings, saveSettings, type Settings } from "./settings";

const form = document.getElementById("options-form") as HTMLFormElement;
const origin = document.getElementById("origin") as HTMLInputElement;
const token = document.getElementById("token") as HTMLInputElement;
const connectButton = document.getElementById("connect-with-shelf") as HTMLButtonElement;
const status = document.getElementById("status") as HTMLParagraphElement;

let waiting: AbortController | null = null;

void loadSettings().then((settings) => {
  if (settings) origin.value = settings.origin;
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const address = shelfOrigin();
  if (address) void check({ origin: address, token: token.value.trim(), workspaceId: "" }, askForAccess(address));
});

connectButton.addEventListener("click", () => {
  const address = shelfOrigin();
  if (address) void connectWithShelf(address, askForAccess(address));
});

function shelfOrigin(): string | null {
  try {
    const address = new URL(origin.value.trim());
    if (!/^https?:$/.test(address.protocol)) throw new Error("not http");
    return address.origin;
  } catch {
    status.textContent = "Enter Shelf's address, starting with https://";
    return null;
  }
}

// Access to exactly this origin, asked for now (it must be asked within the click): the extension
// has no broad host permissions. Chrome needs none when Shelf lists the extension in
// API_CORS_ORIGINS, so the checks do not wait for the answer unless they fail without it.
const askForAccess = (address: string) => chrome.permissions.request({ origins: [`${address}/*`] }).catch(() => false);

async function connectWithShelf(address: string, granted: Promise<boolean>) {
  waiting?.abort();
  waiting = new AbortController();
  const request = await newConnectRequest();
  status.textContent = `In the Shelf tab, check that it shows the code ${request.code}, then press Connect.`;
  await chrome.tabs.create({ url: confirmUrl(address, request) });
  try {
    const collected = await collectToken(address, request, waiting.signal);
    await check({ origin: address, token: collected, workspaceId: "" }, granted);
  } catch (error) {
    if (!waiting.signal.aborted) status.textContent = error instanceof Error ? error.message : "Connecting failed. Try again.";
  }
}

async function check(settings: Settings, granted: Promise<boolean>) {
  status.textContent = "Checking…";
  try {
    const { items } = await listWorkspaces(settings).catch(async (error: unknown) => {
      if (!(error instanceof ShelfError) || error.kind !== "unreachable" || !(await granted)) throw error;
      return listWorkspaces(settings);
    });
    await saveSettings({ ...settings, workspaceId: items[0]?.id ?? "" });
    token.value = "";
    status.textContent = `Connected: ${items.map((w) => w.name ?? "Untitled workspace").join(", ")}.`;
  } catch (error) {
    status.textContent = error instanceof ShelfError ? error.message : "Shelf could not be reached at that address.";
  }
}
