import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, setScheme } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";
import { notionRow } from "./notion";

// One story in Alan's Hopper Labs: each step builds on the bookmarks the last one left.
test.describe.configure({ mode: "serial" });

// Signed in once by the first test; the file starts empty so the option is valid before that.
const AUTH_STATE = path.join("e2e", ".artifacts", "bookmarks-alan.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

const SCREENS = path.join("test-results", "screens");

let workspaceId = "";
let dataSourceId = "";
const dashboard = () => `/w/${workspaceId}/bookmarks`;

/** The row Notion holds for the bookmark titled `title`, straight from the sandbox. */
const inNotion = (title: string) => notionRow("alan", "labs", title);

const rowOf = (page: Page, title: string) => page.locator("li[data-bookmark-id]").filter({ hasText: title });
const newForm = (page: Page) => page.getByRole("form", { name: "New bookmark" });

async function screenshots(page: Page, name: string, fullPage = true) {
  for (const colorScheme of ["light", "dark"] as const) {
    await setScheme(page, colorScheme);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${colorScheme}.png`), fullPage, animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function addBookmark(page: Page, fields: { url: string; title?: string; description?: string; tags?: string[] }) {
  const form = newForm(page);
  await form.getByLabel("URL").fill(fields.url);
  await form.getByLabel("Title").fill(fields.title ?? "");
  await form.getByLabel("Description").fill(fields.description ?? "");
  for (const tag of fields.tags ?? []) {
    await form.getByLabel("Tags").fill(tag);
    await form.getByLabel("Tags").press("Enter");
  }
  await form.getByRole("button", { name: "Add bookmark" }).click();
  // Saved once the form is empty again and the row has its date instead of "Saving".
  await expect(form.getByLabel("URL")).toHaveValue("");
}

/** Nothing focused, so single-key shortcuts reach the page. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test("the template connects straight to a ready, empty dashboard", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "alan", "labs", "template");
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await expect(page.getByRole("heading", { name: "Bookmarks", level: 1 })).toBeVisible();
  await expect(page.getByTestId("empty-list")).toBeVisible();
  await expect(page.getByTestId("state-needs_setup")).toHaveCount(0);
  await context.storageState({ path: AUTH_STATE });


  await expectNoAxeViolations(page, "empty state");
  await screenshots(page, "empty");
  await context.close();
});

test("adding a bookmark with tags writes a page to the Notion data source", async ({ page }) => {
  await page.goto(dashboard());
  await addBookmark(page, {
    url: "https://www.typography.com/guide",
    title: "A field guide to typography",
    description: "Type scales, measure and rhythm.",
    tags: ["design", "reading"],
  });
  const row = rowOf(page, "A field guide to typography");
  await expect(row).toBeVisible();
  await expect(row.getByText("typography.com", { exact: true })).toBeVisible();
  await expect(row.getByRole("link", { name: "design" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Open in Notion" })).toHaveAttribute("target", "_blank");

  await expect.poll(() => inNotion("A field guide to typography")).toMatchObject({
    url: "https://www.typography.com/guide",
    description: "Type scales, measure and rhythm.",
    tags: ["design", "reading"],
    inTrash: false,
  });
  dataSourceId = (await inNotion("A field guide to typography"))!.dataSourceId!;
  expect(dataSourceId).toBeTruthy();
});

test("editing in a dialog updates the page in Notion", async ({ page }) => {
  await page.goto(dashboard());
  await rowOf(page, "A field guide to typography").getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit bookmark" });
  await expect(dialog.getByLabel("Title")).toHaveValue("A field guide to typography");
  await expectNoAxeViolations(page, "edit dialog");
  await screenshots(page, "edit-dialog", false);

  await dialog.getByLabel("Title").fill("The typography field guide");
  await dialog.getByRole("button", { name: "Remove tag reading" }).click();
  await dialog.getByLabel("Tags").fill("type, ");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, "The typography field guide")).toBeVisible();
  await expect.poll(() => inNotion("The typography field guide")).toMatchObject({ tags: ["design", "type"], inTrash: false });
});

test("removing a bookmark can be undone", async ({ page }) => {
  await page.goto(dashboard());
  await rowOf(page, "The typography field guide").getByRole("button", { name: "Remove" }).click();
  await expect(rowOf(page, "The typography field guide")).toHaveCount(0);
  await expect.poll(async () => (await inNotion("The typography field guide"))?.inTrash).toBe(true);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rowOf(page, "The typography field guide")).toBeVisible();
  await expect.poll(async () => (await inNotion("The typography field guide"))?.inTrash).toBe(false);
});

test("a title with HTML in it is shown as text", async ({ page }) => {
  await page.goto(dashboard());
  await addBookmark(page, { url: "example.org/html", title: "<b>HTML</b> in a title" });
  const row = rowOf(page, "<b>HTML</b> in a title");
  await expect(row.getByRole("heading")).toHaveText("<b>HTML</b> in a title");
  await expect(row.locator("b")).toHaveCount(0);
  await expect.poll(async () => (await inNotion("<b>HTML</b> in a title"))?.url).toBe("https://example.org/html");
});

test("a javascript: address gets a field error and the typed title stays", async ({ page }) => {
  await page.goto(dashboard());
  await sandbox.clearRequests();
  const form = newForm(page);
  await form.getByLabel("URL").fill("javascript:alert(1)");
  await form.getByLabel("Title").fill("Keep what I typed");
  await form.getByRole("button", { name: "Add bookmark" }).click();
  await expect(form.getByText("Enter a web address that starts with http:// or https://")).toBeVisible();
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("URL")).toHaveValue("javascript:alert(1)");
  await expect(form.getByLabel("Title")).toHaveValue("Keep what I typed");
  expect((await sandbox.requests()).filter((r) => r.method === "POST" && r.path === "/v1/pages")).toEqual([]);
});

test("a long list pages with cursors kept in the URL", async ({ page }) => {
  // Rows made in Notion reach the mirror with a refresh (the button) or the background sync.
  await sandbox.seedRows(dataSourceId, 60);
  await page.goto(dashboard());
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.locator("li[data-bookmark-id]")).toHaveCount(50);
  await expectNoAxeViolations(page, "list");
  await screenshots(page, "dashboard", false);
  fs.mkdirSync("docs/screenshots", { recursive: true });
  fs.copyFileSync(path.join(SCREENS, "dashboard-light.png"), "docs/screenshots/dashboard-light.png");
  fs.copyFileSync(path.join(SCREENS, "dashboard-dark.png"), "docs/screenshots/dashboard-dark.png");

  await page.getByRole("link", { name: "Next page" }).click();
  await page.waitForURL(/cursor=/);
  await expect(page.locator("li[data-bookmark-id]")).toHaveCount(12);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator("li[data-bookmark-id]")).toHaveCount(12);
  // From the second page, "Previous" is the plain first page: no cursor in the URL.
  await page.getByRole("link", { name: "Previous page" }).click();
  await page.waitForURL((url) => !url.search.includes("cursor"));
  await expect(page.locator("li[data-bookmark-id]")).toHaveCount(50);
});

test("search, tag filter and sort live in the URL and survive a reload", async ({ page }) => {
  await page.goto(dashboard());
  await page.getByRole("searchbox", { name: "Search bookmarks" }).fill("coffee");
  await page.waitForURL(/q=coffee/);
  const rows = page.locator("li[data-bookmark-id]");
  await expect(rows.first()).toContainText(/coffee/i);

  await page.getByRole("button", { name: /^Tags/ }).click();
  await page.getByRole("dialog", { name: "Filter by tag" }).getByRole("checkbox", { name: /^news\b/ }).click();
  await page.waitForURL(/tags=news/);
  await page.getByLabel("Sort").selectOption("title");
  await page.waitForURL(/sort=title/);
  const first = await rows.first().getByRole("heading").textContent();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search bookmarks" })).toHaveValue("coffee");
  await expect(page.getByLabel("Sort")).toHaveValue("title");
  await expect(page.getByRole("link", { name: "Remove filter news" })).toBeVisible();
  await expect(rows).toHaveCount(count);
  await expect(rows.first().getByRole("heading")).toHaveText(first!);

  await page.getByRole("searchbox", { name: "Search bookmarks" }).fill("nothing matches this");
  await expect(page.getByTestId("no-results")).toBeVisible();
  await screenshots(page, "no-results");
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await page.waitForURL((url) => !url.search.includes("q=") && !url.search.includes("tags="));
  await expect(page.getByRole("searchbox", { name: "Search bookmarks" })).toHaveValue("");
  await expect(rows).toHaveCount(50);
});

test("keyboard shortcuts reach every action", async ({ page }) => {
  await page.goto(dashboard());
  const rows = page.locator("li[data-bookmark-id]");
  await expect(rows).toHaveCount(50);

  // Shortcuts listen once the page has hydrated, which a loaded machine may still be doing.
  await expect(async () => {
    await blur(page);
    await page.keyboard.press("n");
    await expect(page.getByRole("dialog", { name: "New bookmark" }).getByLabel("URL")).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Escape");
  await blur(page);
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search bookmarks" })).toBeFocused();

  await blur(page);
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(rows.nth(0)).not.toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");

  await page.keyboard.press("e");
  await expect(page.getByRole("dialog", { name: "Edit bookmark" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Remove the selected bookmark");
  await screenshots(page, "shortcuts", false);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("at 360 px wide nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(dashboard());
  await expect(page.locator("li[data-bookmark-id]").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshots(page, "mobile", false);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
