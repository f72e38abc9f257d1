import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page, type Worker } from "@playwright/test";
import { devExtensionId } from "../extension/build";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { chromiumExecutable } from "./browser";
import { E2E_APP_URL } from "./env";
import { expect, SEED_WORKSPACES, signIn, test } from "./fixtures";
import { notionRow } from "./notion";

// Chromium with the unpacked extension (npm run extension:build), as Annie, who no other spec uses.
test.describe.configure({ mode: "serial" });

const EXTENSION_DIR = path.resolve("extension", "dist", "chrome");
const EXTENSION = `chrome-extension://${devExtensionId()}`;
const ARTICLE = "https://guidance.example/computer?id=1";

const AUTH_STATE = path.join("e2e", ".artifacts", "extension-annie.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

let extension: BrowserContext;
let worker: Worker;
let workspaceId = "";

const inNotion = (title: string) => notionRow("annie", "centaur", title);

test.beforeAll(() => {
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "extension/build.ts"], { stdio: "inherit" });
});

test.afterAll(async () => {
  await extension?.close();
});

/** The popup as the toolbar button opens it, for the page the person is on. */
async function openPopup(url: string, title: string): Promise<Page> {
  const popup = await extension.newPage();
  await popup.goto(`${EXTENSION}/popup.html?${new URLSearchParams({ url, title })}`);
  return popup;
}

test("a token pasted in the options connects the extension", async ({ page, context }) => {
  workspaceId = await signIn(page, "annie", "centaur");
  await context.storageState({ path: AUTH_STATE });
  await page.goto(`/w/${workspaceId}/settings`);
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill("Browser extension");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").getByLabel("New API token").inputValue();

  extension = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), "shelf-extension-")), {
    executablePath: chromiumExecutable(),
    headless: false,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  worker = extension.serviceWorkers()[0] ?? (await extension.waitForEvent("serviceworker"));
  expect(worker.url()).toBe(`${EXTENSION}/background.js`);

  const options = await extension.newPage();
  await options.goto(`${EXTENSION}/options.html`);
  await options.getByLabel("Shelf's address").fill(E2E_APP_URL);
  await options.getByLabel("API token").fill(`shelf_${"x".repeat(43)}`);
  await options.getByRole("button", { name: "Save and check" }).click();
  await expect(options.getByRole("status")).toContainText("refused the token");
  await options.getByLabel("API token").fill(token);
  await options.getByRole("button", { name: "Save and check" }).click();
  await expect(options.getByRole("status")).toContainText(`Connected: ${SEED_WORKSPACES.centaur.name}`);
  await expectNoAxeViolations(options, "extension options");
  // Kept in the extension's own storage, not in any page's.
  expect(await worker.evaluate("chrome.storage.local.get('settings').then((stored) => stored.settings.token)")).toBe(token);
  await options.close();
});

test("the popup saves the page with a tag, and says “Already saved” the next time", async () => {
  const popup = await openPopup(ARTICLE, "The Apollo Guidance Computer");
  const form = popup.getByRole("form", { name: "Save to Shelf" });
  await expect(form.getByLabel("Address")).toHaveValue(ARTICLE);
  await expect(form.getByLabel("Title")).toHaveValue("The Apollo Guidance Computer");
  await expect(form.getByLabel("Workspace")).toHaveValue(workspaceId);
  await expect(popup.getByText("Already saved")).toBeHidden();
  await expectNoAxeViolations(popup, "extension popup");
  await form.getByLabel(/^Tags/).fill("space, software");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(popup.getByRole("status")).toHaveText("Saved to Shelf with space, software.");
  await popup.close();

  const again = await openPopup(ARTICLE, "The Apollo Guidance Computer");
  await expect(again.getByText("Already saved — edit it in Shelf")).toBeVisible();
  await expect(again.getByRole("link", { name: "edit it in Shelf" })).toHaveAttribute("href", new RegExp(`^${E2E_APP_URL}/w/${workspaceId}/bookmarks\\?edit=`));
  await again.close();

  await expect.poll(() => inNotion("The Apollo Guidance Computer"), { timeout: 20_000 }).toMatchObject({ url: ARTICLE, tags: ["space", "software"], inTrash: false });
});

test("“Save link to Shelf” from the context menu saves the link, and both are in Shelf", async ({ page }) => {
  const link = "https://guidance.example/rope-memory";
  const opened = extension.waitForEvent("page");
  // What a click on the menu item runs (automation can't open the browser's own context menu).
  await worker.evaluate((linkUrl) => (globalThis as unknown as { shelfMenuClicked: (info: object) => void }).shelfMenuClicked({ menuItemId: "save-link", linkUrl, selectionText: "Core rope memory" }), link);
  const window = await opened;
  const form = window.getByRole("form", { name: "Save to Shelf" });
  await expect(form.getByLabel("Address")).toHaveValue(link);
  await expect(form.getByLabel("Title")).toHaveValue("Core rope memory");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(window.getByRole("status")).toHaveText("Saved to Shelf.");
  await expect.poll(() => inNotion("Core rope memory"), { timeout: 20_000 }).toMatchObject({ url: link, inTrash: false });

  await page.goto(`/w/${workspaceId}/bookmarks`);
  await expect(page.getByRole("link", { name: "The Apollo Guidance Computer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Core rope memory" })).toBeVisible();
});

test("when Shelf does not answer, the save is queued and sent later, once", async () => {
  const bookmarks = `${E2E_APP_URL}/api/v1/workspaces/*/bookmarks`;
  await extension.route(bookmarks, (route) => (route.request().method() === "POST" ? route.abort("timedout") : route.continue()));
  const popup = await openPopup("https://guidance.example/erasable-memory", "Queued while Shelf was away");
  await popup.getByRole("form", { name: "Save to Shelf" }).getByRole("button", { name: "Save" }).click();
  await expect(popup.getByRole("status")).toContainText("the save is queued");
  expect(await worker.evaluate("chrome.storage.local.get('queue').then((stored) => stored.queue.length)")).toBe(1);
  await popup.close();
  await extension.unroute(bookmarks);

  // Opening the popup again resends what is queued.
  const next = await openPopup("https://guidance.example/other", "Another page");
  await expect(next.getByRole("form", { name: "Save to Shelf" })).toBeVisible();
  await expect.poll(() => worker.evaluate("chrome.storage.local.get('queue').then((stored) => stored.queue.length)"), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => inNotion("Queued while Shelf was away"), { timeout: 20_000 }).toMatchObject({ url: "https://guidance.example/erasable-memory", inTrash: false });
  await next.close();
});

test("“Connect with Shelf” opens Shelf, and after the person confirms the extension holds a new named token", async ({ page, context }) => {
  // The person is signed in to Shelf in the browser the extension runs in.
  await extension.addCookies(await context.cookies());
  const options = await extension.newPage();
  await options.goto(`${EXTENSION}/options.html`);
  await options.getByLabel("Shelf's address").fill(E2E_APP_URL);
  const opened = extension.waitForEvent("page");
  await options.getByRole("button", { name: "Connect with Shelf" }).click();
  await expect(options.getByRole("status")).toContainText(/shows the code \S{4}-\S{4}/);
  const code = /code (\S{4}-\S{4})/.exec((await options.getByRole("status").textContent())!)![1]!;

  const shelf = await opened;
  await expect(shelf).toHaveURL(/\/connect\/extension\?challenge=/);
  expect(shelf.url()).not.toContain("shelf_");
  await expect(shelf.getByLabel("Pairing code")).toHaveText(code);
  await expect(shelf.getByText("Shelf creates the API token “Shelf extension (Chrome)”")).toBeVisible();
  await expectNoAxeViolations(shelf, "connect the extension");
  await screensAtWidths(shelf, "extension-connect");
  await shelf.getByRole("button", { name: "Connect" }).click();
  await expect(shelf.getByRole("status")).toContainText("Connected.");
  expect(await shelf.content()).not.toMatch(/shelf_[A-Za-z0-9_-]{43}/);

  await expect(options.getByRole("status")).toContainText(`Connected: ${SEED_WORKSPACES.centaur.name}`, { timeout: 20_000 });
  const stored = (await worker.evaluate("chrome.storage.local.get('settings').then((stored) => stored.settings.token)")) as string;
  expect(stored).toMatch(/^shelf_[A-Za-z0-9_-]{43}$/);
  await options.close();

  await page.goto(`/w/${workspaceId}/settings`);
  await expect(page.getByRole("listitem", { name: "Shelf extension (Chrome)" })).toContainText(`${stored.slice(0, 10)}…`);
});
