import { listWorkspaces, ShelfError } from "./api";
import { loadSettings, saveSettings } from "./settings";

const form = document.getElementById("options-form") as HTMLFormElement;
const origin = document.getElementById("origin") as HTMLInputElement;
const token = document.getElementById("token") as HTMLInputElement;
const status = document.getElementById("status") as HTMLParagraphElement;

void loadSettings().then((settings) => {
  if (settings) origin.value = settings.origin;
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void connect();
});

async function connect() {
  let address: URL;
  try {
    address = new URL(origin.value.trim());
    if (!/^https?:$/.test(address.protocol)) throw new Error("not http");
  } catch {
    status.textContent = "Enter Shelf's address, starting with https://";
    return;
  }
  // Access to exactly this origin, asked for now (it must be asked within the click): the extension
  // has no broad host permissions. Chrome needs none when Shelf lists the extension in
  // API_CORS_ORIGINS, so the check does not wait for the answer unless it fails without it.
  const granted = chrome.permissions.request({ origins: [`${address.origin}/*`] }).catch(() => false);
  const settings = { origin: address.origin, token: token.value.trim(), workspaceId: "" };
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
