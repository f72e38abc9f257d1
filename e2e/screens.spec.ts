import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, setScheme } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";
import { botOf, notionRow } from "./notion";

// Dorothy's West Area Computing, used by no other spec: a list people look at, on a desktop and a
// phone, and what it says when Notion fails or lets go.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "screens-dorothy.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

const SCREENS = path.join("test-results", "screens");
const DOCS = path.join("docs", "screenshots");

let workspaceId = "";
let dataSourceId = "";
const dashboard = () => `/w/${workspaceId}/bookmarks`;
const rows = (page: Page) => page.locator("li[data-bookmark-id]");
const newForm = (page: Page) => page.getByRole("form", { name: "New bookmark" });

/** Light and dark, into test-results and (for the README) docs/screenshots. */
async function screenshots(page: Page, name: string) {
  fs.mkdirSync(DOCS, { recursive: true });
  // A reload keeps the old scroll position, which would hide a banner under the sticky header.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const colorScheme of ["light", "dark"] as const) {
    await setScheme(page, colorScheme);
    const file = path.join(SCREENS, `${name}-${colorScheme}.png`);
    await page.screenshot({ path: file, animations: "disabled" });
    fs.copyFileSync(file, path.join(DOCS, `${name}-${colorScheme}.png`));
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Rows whose whole box lies inside the viewport. */
async function fullyVisibleRows(page: Page): Promise<number> {
  const height = page.viewportSize()!.height;
  const boxes = await rows(page).evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
  return boxes.filter((box) => box.top >= 0 && box.bottom <= height).length;
}

test("the add bar is one line until a link is pasted, and saves like the full form", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "dorothy", "westArea", "template");
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await context.storageState({ path: AUTH_STATE });

  const form = newForm(page);
  await expect(form.getByPlaceholder("Paste a link…")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveCount(0);
  // Focus alone keeps it one line; a pasted link brings the other fields.
  await form.getByLabel("URL").focus();
  await expect(form.getByLabel("Title")).toHaveCount(0);
  await form.getByLabel("URL").fill("https://example.com/orbits");
  await expect(form.getByLabel("Title")).toBeVisible();
  await form.getByLabel("Title").fill("Orbital mechanics by hand");
  await form.getByRole("button", { name: "Add bookmark" }).click();
  await expect(rows(page).filter({ hasText: "Orbital mechanics by hand" })).toBeVisible();
  // Emptied and left, the bar folds back to one line.
  await page.getByRole("heading", { name: "Bookmarks", level: 1 }).click();
  await expect(form.getByLabel("Title")).toHaveCount(0);

  await expect.poll(() => notionRow("dorothy", "westArea", "Orbital mechanics by hand")).toBeTruthy();
  dataSourceId = (await notionRow("dorothy", "westArea", "Orbital mechanics by hand"))!.dataSourceId!;
  await sandbox.seedRows(dataSourceId, 40);
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(rows(page)).toHaveCount(41);
  await context.close();
});

test("at 1280×800 the compact list shows at least 12 rows, and the choice is remembered", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(dashboard());
  await page.getByRole("button", { name: "Compact list" }).click();
  await expect(page.getByRole("button", { name: "Compact list" })).toHaveAttribute("aria-pressed", "true");
  expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(12);
  await page.reload();
  await expect(rows(page).first()).toHaveAttribute("data-density", "compact");
  expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page, "compact list");
  await screenshots(page, "dashboard-compact");

  await page.getByRole("button", { name: "Comfortable list" }).click();
  await expect(rows(page).first()).toHaveAttribute("data-density", "comfortable");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("at 375×812 the first row is in view, the tabs can all be reached, nothing scrolls sideways", async ({ page }) => {
    await page.goto(dashboard());
    const first = rows(page).first();
    await expect(first).toBeVisible();
    const box = (await first.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(812);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The mark stays; keyboard hints don't show on a touch screen.
    await expect(page.getByRole("banner").getByRole("link", { name: "Shelf" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Shortcuts/ })).toBeHidden();
    // Touch targets: the row's buttons are at least 44 px.
    const edit = (await first.getByRole("button", { name: "Edit" }).boundingBox())!;
    expect(Math.min(edit.width, edit.height)).toBeGreaterThanOrEqual(44);

    const nav = page.getByRole("navigation", { name: "Workspace" });
    const settings = nav.getByRole("link", { name: "Settings" });
    await settings.scrollIntoViewIfNeeded();
    await expect(settings).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "phone list");
    await screenshots(page, "phone");
    await settings.click();
    await page.waitForURL(`**/w/${workspaceId}/settings`);
  });
});

test("rows added as a person in Notion appear on an open page without a reload", async ({ page }) => {
  await page.goto(dashboard());
  await expect(rows(page)).toHaveCount(41);
  await sandbox.seedRows(dataSourceId, 3);
  await expect(rows(page)).toHaveCount(44, { timeout: 15_000 });
});

test("when Notion fails, a save and a Refresh say so within 10 s, naming Notion, and the warning clears once Notion takes the change", async ({ page }) => {
  await page.goto(dashboard());
  await expect(rows(page)).toHaveCount(44);
  await sandbox.injectFaults({ fault: 503, count: 10_000 });
  try {
    const form = newForm(page);
    await form.getByLabel("URL").fill("https://example.com/wind-tunnel");
    await form.getByLabel("Title").fill("Wind tunnel notes");
    await form.getByRole("button", { name: "Add bookmark" }).click();
    await expect(page.getByTestId("notion-trouble")).toContainText("Notion", { timeout: 10_000 });
    await expect(page.getByTestId("notion-trouble")).toContainText("1 change is waiting");

    await page.getByRole("button", { name: "Refresh from Notion" }).click();
    await expect(page.getByTestId("refresh-error")).toContainText("Notion", { timeout: 10_000 });
    await expectNoAxeViolations(page, "Notion failing");
  } finally {
    await sandbox.clearFaults();
  }
  // It clears when the outbox's next try (backed off exponentially, lib/bookmarks/delivery.ts) gets through.
  await expect(page.getByTestId("notion-trouble")).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => notionRow("dorothy", "westArea", "Wind tunnel notes")).toBeTruthy();
});

test("a segment's unknown page says so with a way back", async ({ page }) => {
  // The import page streams behind its loading.tsx, so the answer has begun (200) when notFound() is reached.
  await page.goto(`/w/${workspaceId}/import?job=00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page, "not found");
  await page.getByRole("link", { name: "Back to bookmarks" }).click();
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
});

test("a revoked workspace lists its bookmarks read-only, with Reconnect on the banner", async ({ page }) => {
  await page.goto(dashboard());
  await expect(rows(page)).toHaveCount(45);
  await sandbox.revokeToken({ bot_id: (await botOf("dorothy", "westArea")).bot_id });
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByTestId("refresh-error")).toContainText("Notion no longer accepts");

  await page.reload();
  await expect(rows(page)).toHaveCount(45);
  await expect(page.getByRole("button", { name: "Reconnect" })).toBeVisible();
  await expect(page.getByTestId("sync-status")).toContainText("Read-only");
  await expect(rows(page).first().getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(newForm(page)).toHaveCount(0);
  await expectNoAxeViolations(page, "read-only");
  await screenshots(page, "read-only");
});
