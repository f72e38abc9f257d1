import fs from "node:fs";
import path from "node:path";
import type { CDPSession, Locator, Page } from "@playwright/test";
import { SEED_CONTENT } from "../notion-sandbox";
import { expectNoAxeViolations, setScheme } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";

// Sally's Shuttle Manifest, used by no other spec: a Bookmarks database filled with 3,000 rows
// before Shelf first sees it, then the tag sidebar, its phone sheet and a row's long press.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "library-sally.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

const ROWS = 3_000;
/** Tags of one bookmark each, so the workspace has more tags than the sidebar sends with the page. */
const RARE_TAGS = Array.from({ length: 40 }, (_, i) => `mission-${String(i + 1).padStart(2, "0")}`);
const SCREENS = path.join("test-results", "screens");

let workspaceId = "";
const dashboard = () => `/w/${workspaceId}/bookmarks`;
const rows = (page: Page) => page.locator("li[data-bookmark-id]");
const sidebar = (page: Page) => page.getByRole("region", { name: "Tags" });
/** A tag's link in the sidebar or sheet, named by the tag and its count. */
const tagLink = (scope: Locator, tag: string) => scope.getByRole("link", { name: new RegExp(`^${tag}\\s*[\\d,]+$`) });

/** The first sync's count ("1,200 so far"), or null while none shows. */
async function firstFillCount(page: Page): Promise<number | null> {
  const note = page.getByTestId("first-fill");
  const text = (await note.count()) > 0 ? await note.textContent() : null;
  const match = text && /([\d,]+) (?:bookmarks )?so far/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, "")) : null;
}

test("the first sync of 3,000 rows shows a count that rises while the list fills in", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataSourceId = SEED_CONTENT.manifest.bookmarksDataSourceId;
  await sandbox.seedRows(dataSourceId, ROWS);
  for (const tag of RARE_TAGS) {
    await sandbox.addPage({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: `Flight ${tag}` } }] }, URL: { url: `https://manifest.example/${tag}` }, Tags: { multi_select: [{ name: tag }] } },
    });
  }
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "sally", "manifest", { pages: ["Flight log"] });
  await context.storageState({ path: AUTH_STATE });
  await page.getByRole("link", { name: "Set up your Bookmarks database" }).click();
  await page.waitForURL(`**/w/${workspaceId}/setup`);

  // The e2e server's Notion budget is high (e2e/serve.ts), so Notion is slowed: each of the
  // sync's 31 pages of 100 takes a moment, long enough to read the count on its way.
  await sandbox.setLatency({ fixedMs: 400 });
  const seen: number[] = [];
  let rowsWhileCounting = 0;
  try {
    await page.getByRole("form", { name: "Use Bookmarks" }).getByRole("button", { name: "Use this database" }).click();
    await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
    await expect
      .poll(
        async () => {
          const count = await firstFillCount(page);
          if (count !== null && count > 0 && count !== seen.at(-1)) seen.push(count);
          if (count !== null) rowsWhileCounting = Math.max(rowsWhileCounting, await rows(page).count());
          return seen.length >= 3 && rowsWhileCounting > 0;
        },
        { timeout: 90_000, intervals: [250] },
      )
      .toBe(true);
  } finally {
    await sandbox.setLatency({ fixedMs: 0 });
  }
  console.log(`first sync counts seen: ${seen.join(", ")}; rows listed while counting: ${rowsWhileCounting}`);
  expect(seen.every((n, i) => i === 0 || n > seen[i - 1]!)).toBe(true);
  expect(seen.at(-1)!).toBeLessThan(ROWS + RARE_TAGS.length);
  // Done: the count goes and the full first page shows.
  await expect(page.getByTestId("first-fill")).toBeHidden({ timeout: 90_000 });
  await expect(rows(page)).toHaveCount(50);
  await context.close();
});

test("on a desktop the tag sidebar sits beside the list, counts from the mirror and filters by URL", async ({ page }) => {
  // Every view re-reads the 3,000 rows edited minutes ago (the sync's cursor margin), which slows a loaded machine.
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(dashboard());
  const side = sidebar(page);
  await expect(side).toBeVisible();
  const sideBox = (await side.boundingBox())!;
  const listBox = (await page.getByTestId("bookmark-list").boundingBox())!;
  expect(sideBox.x + sideBox.width).toBeLessThanOrEqual(listBox.x);

  // The 30 most used come with the page, most used first; the rest on "Show all".
  const links = side.getByRole("list").getByRole("link");
  await expect(links).toHaveCount(30);
  const counts = (await links.locator("span.tabular-nums").allTextContents()).map((c) => Number(c.replace(/,/g, "")));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await expect(links.first()).toHaveAccessibleName(/^\S+\s*[\d,]+$/);
  await side.getByRole("button", { name: `Show all ${10 + RARE_TAGS.length} tags` }).click();
  await expect(links).toHaveCount(10 + RARE_TAGS.length);
  await side.getByRole("searchbox", { name: "Search tags" }).fill("mission-4");
  await expect(links).toHaveText([/^mission-40\s*1$/]);
  await side.getByRole("searchbox", { name: "Search tags" }).fill("");

  // By keyboard: a tag's link adds it to the filter in the URL, marked as chosen; again takes it off.
  const design = tagLink(side, "design");
  await design.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/tags=design/);
  await expect(tagLink(side, "design")).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: "Remove filter design" })).toBeVisible();
  for (const row of await rows(page).all()) await expect(row.getByRole("list", { name: "Tags" })).toContainText("design");
  await expect(side.getByRole("link", { name: "Manage tags" })).toHaveAttribute("href", `/w/${workspaceId}/tags`);
  await expectNoAxeViolations(page, "tag sidebar");
  await tagLink(side, "design").click();
  await page.waitForURL((url) => !url.search.includes("tags="));
  await expect(tagLink(side, "design")).not.toHaveAttribute("aria-current", "true");

  // The compact list still shows at least 12 whole rows with the sidebar there.
  await page.getByRole("button", { name: "Compact list" }).click();
  await expect(rows(page).first()).toHaveAttribute("data-density", "compact");
  const height = page.viewportSize()!.height;
  const boxes = await rows(page).evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.filter((box) => box.top >= 0 && box.bottom <= height).length).toBeGreaterThanOrEqual(12);
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    await setScheme(page, colorScheme);
    await page.screenshot({ path: path.join(SCREENS, `library-sidebar-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("button", { name: "Comfortable list" }).click();
});

/** A finger held on the element's centre for `ms`, through Chromium's touch input (pointerType "touch"). */
async function longPress(cdp: CDPSession, box: { x: number; y: number; width: number; height: number }, ms: number) {
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test("the toolbar's Tags opens the sidebar as a sheet that filters, and nothing scrolls sideways", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(dashboard());
    await expect(rows(page).first()).toBeVisible();
    await expect(sidebar(page)).toBeHidden();
    await page.getByRole("button", { name: /^Tags/ }).click();
    const sheet = page.getByRole("dialog", { name: "Tags" });
    await expect(tagLink(sheet, "design")).toBeVisible();
    const link = (await tagLink(sheet, "design").boundingBox())!;
    expect(link.height).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page, "tag sheet");
    await page.screenshot({ path: path.join(SCREENS, "library-tag-sheet-light.png") });
    await tagLink(sheet, "design").click();
    await page.waitForURL(/tags=design/);
    await expect(sheet).toBeHidden();
    await expect(page.getByRole("button", { name: /^Tags/ })).toContainText("1");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test("a long press on a row opens its actions; the visible buttons stay, 44 px on a phone", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(dashboard());
    const first = rows(page).first();
    await expect(first).toBeVisible();
    for (const name of ["Edit", "Remove", "Refresh preview"]) {
      const box = (await first.getByRole("button", { name }).boundingBox())!;
      expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(44);
    }
    const select = (await first.getByRole("checkbox").locator("..").boundingBox())!;
    expect(Math.min(select.width, select.height)).toBeGreaterThanOrEqual(44);

    const cdp = await page.context().newCDPSession(page);
    const title = (await first.getByRole("heading").textContent())!;
    await longPress(cdp, (await first.getByRole("heading").boundingBox())!, 800);
    const sheet = page.getByRole("dialog", { name: title });
    await expect(sheet).toBeVisible();
    // The press that opened the sheet didn't follow the title's link.
    expect(page.url()).toContain(dashboard());
    expect(page.context().pages()).toHaveLength(1);
    for (const name of ["Open link", "Refresh preview", "Edit", "Remove"]) {
      await expect(sheet.getByRole(name === "Open link" ? "link" : "button", { name })).toBeVisible();
    }
    await expectNoAxeViolations(page, "row actions sheet");
    await page.screenshot({ path: path.join(SCREENS, "library-row-actions-light.png") });
    await sheet.getByRole("button", { name: "Edit" }).click();
    await expect(sheet).toBeHidden();
    const edit = page.getByRole("dialog", { name: "Edit bookmark" });
    await expect(edit).toBeVisible();
    await expect(edit.getByLabel("Title")).toHaveValue(title);
  });
});
