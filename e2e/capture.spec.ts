import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { bookmarkletHref } from "../lib/capture/bookmarklet";
import { E2E_APP_URL } from "./env";
import { expectNoAxeViolations } from "./axe";
import { consent, expect, SEED_WORKSPACES, test } from "./fixtures";
import { notionRow } from "./notion";

// Saving from other pages, as Mary in her Wind Tunnel workspace (no other spec uses her). Serial:
// the first test signs her in through /save and leaves the session for the rest.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "capture-mary.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
// Starts signed out on every run: the app's database is new each run, so an old session is unknown.
fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

let workspaceId = "";

/** A page on another site, served by the test, for the bookmarklet to run on. */
async function openArticle(context: BrowserContext, url: string, title: string): Promise<Page> {
  await context.route("https://article.example/**", (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head><title>${title}</title></head><body><p>An article.</p></body></html>` }),
  );
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Clicks the bookmarklet on `page`: runs its javascript: code there, as the browser would. */
async function runBookmarklet(page: Page, href: string): Promise<Page> {
  const popup = page.context().waitForEvent("page");
  await page.evaluate(decodeURIComponent(href.slice("javascript:".length)));
  return popup;
}

const inNotion = (title: string) => notionRow("mary", "tunnel", title);

const saveForm = (page: Page) => page.getByRole("form", { name: "Save a bookmark" });

test("signed out, the bookmarklet's popup signs in and comes back to the form, then saves", async ({ context }) => {
  const url = "https://article.example/signed-out?id=7&lang=en";
  const article = await openArticle(context, url, "Wind tunnels & airfoils");
  const popup = await runBookmarklet(article, bookmarkletHref(E2E_APP_URL));

  await popup.waitForURL(/\/signin\?callbackUrl=/);
  await popup.waitForLoadState("networkidle");
  await popup.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(popup, { person: "mary", workspace: "tunnel" });

  await popup.waitForURL(/\/save\?/);
  expect(new URL(popup.url()).searchParams.get("url")).toBe(url);
  const form = saveForm(popup);
  await expect(form.getByLabel("URL")).toHaveValue(url);
  await expect(form.getByLabel("Title")).toHaveValue("Wind tunnels & airfoils");
  await expect(form.getByLabel("Workspace")).toContainText(SEED_WORKSPACES.tunnel.name);
  await form.getByRole("button", { name: "Save", exact: true }).click();

  await expect(popup.getByTestId("saved")).toContainText(`Saved to ${SEED_WORKSPACES.tunnel.name}`);
  const open = popup.getByRole("link", { name: "Open Shelf" });
  workspaceId = /\/w\/([^/]+)\/bookmarks/.exec((await open.getAttribute("href"))!)![1]!;
  await context.storageState({ path: AUTH_STATE });
  await expect.poll(() => inNotion("Wind tunnels & airfoils"), { timeout: 20_000 }).toMatchObject({ url, inTrash: false });

  // The popup case: Close closes the window the bookmarklet opened. The window can go while
  // Playwright is still finishing the click, which it reports as an error: only a click that
  // failed with the window still open is one.
  const closed = popup.waitForEvent("close");
  await popup
    .getByRole("button", { name: "Close" })
    .click()
    .catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
  await closed;
});

test("signed in, the bookmarklet from “Save from anywhere” saves the page with tags", async ({ page, context }) => {
  await page.goto(`/w/${workspaceId}/bookmarks`);
  await page.getByTestId("account-menu").click();
  await page.getByRole("menuitem", { name: "Save from anywhere" }).click();
  await expect(page.getByRole("heading", { name: "Save from anywhere", level: 1 })).toBeVisible();
  const bookmarklet = page.getByTestId("bookmarklet");
  await expect(bookmarklet).toHaveAttribute("href", /^javascript:/);
  const href = (await bookmarklet.getAttribute("href"))!;
  expect(href).toBe(bookmarkletHref(E2E_APP_URL));
  // Clicked on Shelf itself it only explains (running it here would break the CSP).
  await bookmarklet.click();
  await expect(page.getByText("Drag this button to your bookmarks bar")).toBeVisible();
  await expectNoAxeViolations(page, "save from anywhere");

  const url = "https://article.example/signed-in?ref=feed";
  const article = await openArticle(context, url, "Laminar flow");
  const popup = await runBookmarklet(article, href);
  await popup.waitForURL(/\/save\?/);
  await popup.setViewportSize({ width: 400, height: 680 });
  const form = saveForm(popup);
  await expect(form.getByLabel("URL")).toHaveValue(url);
  await expect(form.getByLabel("Title")).toHaveValue("Laminar flow");
  await form.getByLabel("Description").fill("Read on the train.");
  await form.getByLabel("Tags").fill("aero");
  await form.getByLabel("Tags").press("Enter");
  await expectNoAxeViolations(popup, "/save");
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await form.getByRole("button", { name: "Save", exact: true }).click();

  await expect(popup.getByTestId("saved")).toContainText(`Saved to ${SEED_WORKSPACES.tunnel.name}`);
  await expect.poll(() => inNotion("Laminar flow"), { timeout: 20_000 }).toMatchObject({ url, tags: ["aero"], inTrash: false });
});

test("with popups blocked the bookmarklet opens /save in the same tab", async ({ context }) => {
  const article = await openArticle(context, "https://article.example/blocked", "Blocked popups");
  await article.evaluate(() => {
    window.open = () => null;
  });
  await article.evaluate(decodeURIComponent(bookmarkletHref(E2E_APP_URL).slice("javascript:".length)));
  await article.waitForURL(/\/save\?/);
  await expect(saveForm(article).getByLabel("URL")).toHaveValue("https://article.example/blocked");
});

test("/save from a phone's share sheet: the address inside text, errors keep the input, Already saved", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/save?title=&text=${encodeURIComponent("Airfoils, explained https://article.example/shared.")}`);
  const form = saveForm(page);
  await expect(form.getByLabel("URL")).toHaveValue("https://article.example/shared");
  await expect(form.getByLabel("Title")).toHaveValue("Airfoils, explained");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await form.getByLabel("URL").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByText("Enter a web address that starts with http:// or https://")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("Airfoils, explained");

  // The first test's page, spelled differently: tracking parameter, host case, parameter order.
  await form.getByLabel("URL").fill("https://ARTICLE.example/signed-out?lang=en&utm_source=share&id=7");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  const notice = form.getByTestId("already-saved");
  await expect(notice).toContainText("Already saved as “Wind tunnels & airfoils”");
  await expect(form.getByLabel("Title")).toHaveValue("Airfoils, explained");
  // In a new tab, so this form and what was typed in it stay.
  const [editor] = await Promise.all([page.context().waitForEvent("page"), notice.getByRole("link", { name: "Edit it" }).click()]);
  const dialog = editor.getByRole("dialog", { name: "Edit bookmark" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Title")).toHaveValue("Wind tunnels & airfoils");
  await expect(form.getByLabel("Title")).toHaveValue("Airfoils, explained");
  await expect(form.getByRole("button", { name: "Save anyway" })).toBeVisible();
});

test("the web app manifest puts Shelf in the share sheet", async ({ page, request }) => {
  await page.goto("/");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBeTruthy();
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({
    start_url: "/",
    display: "standalone",
    share_target: { action: "/save", method: "GET", params: { title: "title", text: "text", url: "url" } },
  });
  for (const icon of manifest.icons as Array<{ src: string }>) expect((await request.get(icon.src)).status()).toBe(200);
});
