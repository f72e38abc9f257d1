import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { consent, expect, sandbox, signIn, test, workspaceIdFromUrl } from "./fixtures";
import { notionRow } from "./notion";

// Christine's Sonic Boom, used by no other spec: the command palette, the add dialog, undo and
// paging both ways, all from the keyboard.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "palette-christine.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

let workspaceId = "";
const dashboard = () => `/w/${workspaceId}/bookmarks`;
const rows = (page: Page) => page.locator("li[data-bookmark-id]");
const rowOf = (page: Page, title: string) => rows(page).filter({ hasText: title });
const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const inNotion = (title: string) => notionRow("christine", "sonicBoom", title);

/** Nothing focused, so page shortcuts reach the page. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** Ctrl+K until the palette opens: the shortcut listens once the page has hydrated. */
async function openPalette(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(palette(page).getByRole("combobox")).toBeFocused();
}

async function addWithTheBar(page: Page, url: string, title: string, tag: string) {
  const form = page.getByRole("form", { name: "New bookmark" });
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Tags").fill(tag);
  await form.getByLabel("Tags").press("Enter");
  await form.getByRole("button", { name: "Add bookmark" }).click();
  await expect(form.getByLabel("URL")).toHaveValue("");
}

test.beforeEach(async ({ page }) => {
  // The links open in new tabs; the machine has no internet, so example.com answers from here.
  await page.context().route("https://example.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Example</title><p>Example" }));
});

test("bookmarks saved with the add bar", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "christine", "sonicBoom", "template");
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await context.storageState({ path: AUTH_STATE });
  await addWithTheBar(page, "https://example.com/laminar", "Laminar flow over a wing", "aero");
  await addWithTheBar(page, "https://example.com/kerning", "Kerning pairs", "design");
  await expect(rows(page)).toHaveCount(2);
  await context.close();
});

test("⌘K finds a bookmark by its tag and opens it with the keyboard alone", async ({ page }) => {
  await page.goto(dashboard());
  await openPalette(page);
  // "aero" is only in the tag, not in the title or the address.
  await page.keyboard.type("aero");
  const found = palette(page).getByRole("option", { name: /Laminar flow over a wing/ });
  await expect(found).toHaveAttribute("aria-selected", "true");
  await expect(palette(page).getByRole("option", { name: /Kerning pairs/ })).toHaveCount(0);

  await expectNoAxeViolations(page, "command palette");
  await screensAtWidths(page, "palette");
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.keyboard.press("Enter");
  const open = palette(page).getByRole("option", { name: "Open link in a new tab" });
  await expect(open).toHaveAttribute("aria-selected", "true");
  await expectNoAxeViolations(page, "a bookmark's actions in the palette");
  const tab = page.context().waitForEvent("page");
  await page.keyboard.press("Enter");
  const opened = await tab;
  await opened.waitForURL("https://example.com/laminar");
  await expect(palette(page)).toBeHidden();
});

test("the palette edits a bookmark, and Ctrl+Z undoes the edit", async ({ page }) => {
  await page.goto(dashboard());
  await openPalette(page);
  await page.keyboard.type("kern");
  await expect(palette(page).getByRole("option", { name: /Kerning pairs/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await expect(palette(page).getByRole("option", { name: "Edit" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Edit bookmark" });
  await expect(dialog.getByLabel("Title")).toHaveValue("Kerning pairs");
  await dialog.getByLabel("Title").fill("Kerning pairs, revised");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, "Kerning pairs, revised")).toBeVisible();
  await expect(page.getByText("Edited “Kerning pairs, revised”")).toBeVisible();
  await expect.poll(async () => (await inNotion("Kerning pairs, revised"))?.tags).toEqual(["design"]);

  await blur(page);
  await page.keyboard.press("Control+z");
  await expect(rowOf(page, "Kerning pairs, revised")).toHaveCount(0);
  await expect(rowOf(page, "Kerning pairs")).toBeVisible();
  await expect.poll(async () => Boolean(await inNotion("Kerning pairs"))).toBe(true);
});

test("Ctrl+Z undoes a trash", async ({ page }) => {
  await page.goto(dashboard());
  await rowOf(page, "Laminar flow over a wing").getByRole("button", { name: "Remove" }).click();
  await expect(rowOf(page, "Laminar flow over a wing")).toHaveCount(0);
  await expect(page.getByText("Trashed “Laminar flow over a wing”")).toBeVisible();
  await expect.poll(async () => (await inNotion("Laminar flow over a wing"))?.inTrash).toBe(true);

  await blur(page);
  await page.keyboard.press("Control+z");
  await expect(rowOf(page, "Laminar flow over a wing")).toBeVisible();
  await expect.poll(async () => (await inNotion("Laminar flow over a wing"))?.inTrash).toBe(false);
  // Nothing left to undo: a second Ctrl+Z changes nothing.
  await page.keyboard.press("Control+z");
  await expect(rowOf(page, "Laminar flow over a wing")).toBeVisible();
});

test("the palette jumps to a screen", async ({ page }) => {
  await page.goto(dashboard());
  await openPalette(page);
  await page.keyboard.type("dupl");
  await expect(palette(page).getByRole("option", { name: "Duplicates" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/w/${workspaceId}/duplicates`);
  // The palette is on every screen of the workspace.
  await openPalette(page);
  await page.keyboard.type("settings");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/w/${workspaceId}/settings`);
});

test("the palette switches to another connected workspace", async ({ page }) => {
  await page.goto(dashboard());
  await page.getByRole("button", { name: /switch workspace/ }).click();
  await page.getByRole("menuitem", { name: "Connect another workspace" }).click();
  await consent(page, { person: "christine", workspace: "supersonic" });
  await page.waitForURL((url) => /\/w\/[^/]+/.test(url.pathname) && !url.pathname.startsWith(`/w/${workspaceId}`));
  const supersonic = workspaceIdFromUrl(page.url());
  await expect(page.getByTestId("active-workspace-name")).toHaveText("Supersonic Wings");

  await openPalette(page);
  await page.keyboard.type("sonic boom");
  await expect(palette(page).getByRole("option", { name: "Switch to Sonic Boom" })).toHaveAttribute("aria-selected", "true");
  // The open workspace is not offered.
  await expect(palette(page).getByRole("option", { name: /Switch to Supersonic/ })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/w/${workspaceId}/**`);
  await expect(page.getByTestId("active-workspace-name")).toHaveText("Sonic Boom");
  expect(supersonic).not.toBe(workspaceId);
});

test("a new bookmark from the palette and from n, keeping what was typed", async ({ page }) => {
  await page.goto(dashboard());
  await openPalette(page);
  await page.keyboard.type("new book");
  await expect(palette(page).getByRole("option", { name: "New bookmark" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New bookmark" });
  await expect(dialog.getByLabel("URL")).toBeFocused();
  await page.keyboard.type("https://example.com/sweep");
  await dialog.getByLabel("Title").fill("Wing sweep at Mach 2");
  await expectNoAxeViolations(page, "add dialog");
  await screensAtWidths(page, "add-dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // n opens it again with the draft as it was.
  await blur(page);
  await page.keyboard.press("n");
  await expect(dialog.getByLabel("URL")).toHaveValue("https://example.com/sweep");
  await expect(dialog.getByLabel("Title")).toHaveValue("Wing sweep at Mach 2");
  await dialog.getByRole("button", { name: "Add bookmark" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowOf(page, "Wing sweep at Mach 2")).toBeVisible();
  await expect.poll(async () => (await inNotion("Wing sweep at Mach 2"))?.url).toBe("https://example.com/sweep");

  // Saved, the draft is gone.
  await blur(page);
  await page.keyboard.press("n");
  await expect(dialog.getByLabel("URL")).toHaveValue("");
});

test("previous and next page", async ({ page }) => {
  const { dataSourceId } = (await inNotion("Wing sweep at Mach 2"))!;
  await sandbox.seedRows(dataSourceId!, 110);
  await page.goto(dashboard());
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  const firstTitle = await rows(page).first().getByRole("heading").textContent();

  await page.getByRole("link", { name: "Next page" }).click();
  await page.waitForURL(/cursor=/);
  const secondTitle = await rows(page).first().getByRole("heading").textContent();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows(page)).toHaveCount(13);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first().getByRole("heading")).toHaveText(secondTitle!);
  await expect(page.getByRole("link", { name: "Next page" })).toBeVisible();
  await page.getByRole("link", { name: "Previous page" }).click();
  await page.waitForURL((url) => !url.search.includes("cursor"));
  await expect(rows(page).first().getByRole("heading")).toHaveText(firstTitle!);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("the header's Search opens the palette, without keyboard hints", async ({ page }) => {
    await page.goto(dashboard());
    const search = page.getByRole("banner").getByRole("button", { name: "Search" });
    await expect(async () => {
      await search.tap();
      await expect(palette(page)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(palette(page).getByText("choose")).toBeHidden();
    await expect(page.locator("kbd:visible")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, "command palette on a phone");
  });
});
