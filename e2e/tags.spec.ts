import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";
import { botOf, notionRows } from "./notion";

// Evelyn's Orbit Tables, used by no other spec: a big library's tags renamed, merged and deleted,
// and the Trash view, checked against what the sandbox (Notion) holds.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "tags-evelyn.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

// seedRows gives each of its ten tags to about 530 of 4,000 rows.
const SEEDED = 4000;
let workspaceId = "";
let dataSourceId = "";

const inNotion = () => notionRows("evelyn", "orbits");
const tagRow = (page: Page, tag: string) => page.getByTestId("tag-row").filter({ has: page.getByText(tag, { exact: true }) });

/** Tag → count over Notion's pages outside the trash. */
async function notionTagCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await inNotion()) if (!row.inTrash) for (const tag of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}

/** The data source's option names, read through the sandbox's back door. */
async function optionNames(): Promise<string[]> {
  const { data_sources } = await sandbox.visibleTo((await botOf("evelyn", "orbits")).bot_id);
  const tags = data_sources.find((d) => d.id === dataSourceId)?.properties.Tags;
  return tags?.type === "multi_select" ? tags.multi_select.options.map((o) => o.name).sort() : [];
}

/** What the tag screen lists: tag → count. */
async function shownTagCounts(page: Page): Promise<Map<string, number>> {
  const texts = await page.getByTestId("tag-row").evaluateAll((rows) =>
    rows.map((row) => [row.querySelector("p")?.textContent ?? "", row.querySelector("p + p")?.textContent ?? ""] as const),
  );
  return new Map(texts.map(([tag, detail]) => [tag, Number(/^([\d,]+)/.exec(detail)?.[1]?.replace(/,/g, "") ?? NaN)]));
}

async function expectShelfMatchesNotion(page: Page) {
  await page.reload();
  expect(await shownTagCounts(page)).toEqual(await notionTagCounts());
}

async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a library of 4,000 is mirrored; the tag screen lists every tag with Notion's counts", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "evelyn", "orbits", "template");
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await context.storageState({ path: AUTH_STATE });
  const { data_sources } = await sandbox.visibleTo((await botOf("evelyn", "orbits")).bot_id);
  dataSourceId = data_sources[0]!.id;
  await sandbox.seedRows(dataSourceId, SEEDED);
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.locator("li[data-bookmark-id]").first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Tags" }).click();
  await page.waitForURL(`**/w/${workspaceId}/tags`);
  await expect(page.getByTestId("tag-row")).toHaveCount(10);
  expect(await shownTagCounts(page)).toEqual(await notionTagCounts());
  expect((await notionTagCounts()).get("recipes")).toBeGreaterThanOrEqual(500);

  await page.getByRole("searchbox", { name: "Search tags" }).fill("rec");
  await expect(page.getByTestId("tag-row")).toHaveCount(1);
  await expect(page.getByText("1 of 10 tags")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search tags" }).fill("");
  await expectNoAxeViolations(page, "tags");
  await noSidewaysScroll(page);
  await screensAtWidths(page, "tags");
  await context.close();
});

test("renaming a tag on 500+ bookmarks is done in place in Notion: the option and every page agree with Shelf", async ({ page }) => {
  await page.goto(`/w/${workspaceId}/tags`);
  const before = await inNotion();
  const carrying = before.filter((r) => r.tags.includes("recipes")).map((r) => r.url).sort();
  await tagRow(page, "recipes").getByRole("button", { name: "Rename recipes" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename tag" });
  await expect(dialog).toContainText(`on ${carrying.length} bookmarks`);
  await expectNoAxeViolations(page, "rename dialog");

  // Names Notion refuses are said in words, and nothing changes.
  await dialog.getByLabel("New name").fill("food, drink");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByText("Tags can't contain commas")).toBeVisible();
  await dialog.getByLabel("New name").fill("x".repeat(101));
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByText("Tags can be at most 100 characters")).toBeVisible();

  await sandbox.clearRequests();
  await dialog.getByLabel("New name").fill("Cooking");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(`Renamed “recipes” to “Cooking” on ${carrying.length} bookmarks`)).toBeVisible({ timeout: 30_000 });
  await expect(tagRow(page, "Cooking")).toContainText(`${carrying.length} bookmarks`);
  const bot = (await botOf("evelyn", "orbits")).bot_id;
  const writes = (await sandbox.requests()).filter((r) => r.bot_id === bot && r.method === "PATCH");
  expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v1/data_sources/${dataSourceId}`]);

  const after = await inNotion();
  expect(after.filter((r) => r.tags.includes("Cooking")).map((r) => r.url).sort()).toEqual(carrying);
  expect(await optionNames()).not.toContain("recipes");
  await expectShelfMatchesNotion(page);
});

test("a spelling variant added in Notion is suggested and merged through the outbox, each page once", async ({ page }) => {
  test.setTimeout(180_000);
  for (const n of [1, 2, 3, 4, 5]) {
    await sandbox.addPage({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: `Soup ${n}` } }] }, URL: { url: `https://soup.example/${n}` }, Tags: { multi_select: [{ name: "cooking" }] } },
    });
  }
  // The tag screen reads the mirror; the bookmarks page's watch syncs it (4,000 rows were edited
  // minutes ago, so each incremental sync reads them all again).
  await page.goto(`/w/${workspaceId}/bookmarks?q=Soup`);
  await expect(page.locator("li[data-bookmark-id]").filter({ hasText: "Soup 5" })).toBeVisible({ timeout: 90_000 });
  await page.goto(`/w/${workspaceId}/tags`);
  await expect(tagRow(page, "cooking")).toContainText("5 bookmarks · similar: Cooking");

  await sandbox.clearRequests();
  await tagRow(page, "cooking").getByRole("button", { name: "Merge cooking" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge tag" });
  await expect(dialog.getByLabel("Merge “cooking” into")).toHaveValue("Cooking");
  await expect(dialog).toContainText("The 5 bookmarks tagged “cooking” get “Cooking” instead");
  await expectNoAxeViolations(page, "merge dialog");
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText("Merged “cooking” into “Cooking” on 5 bookmarks")).toBeVisible({ timeout: 30_000 });
  await expect(tagRow(page, "cooking")).toHaveCount(0);

  await expect.poll(async () => (await inNotion()).filter((r) => r.name.startsWith("Soup") && r.tags.join() === "Cooking").length, { timeout: 30_000 }).toBe(5);
  const bot = (await botOf("evelyn", "orbits")).bot_id;
  const pageEdits = (await sandbox.requests()).filter((r) => r.bot_id === bot && r.method === "PATCH" && r.path.startsWith("/v1/pages/"));
  expect(pageEdits).toHaveLength(5);
  expect(await optionNames()).not.toContain("cooking");
  await expectShelfMatchesNotion(page);
});

test("deleting a tag removes it from every page with one Notion write", async ({ page }) => {
  await page.goto(`/w/${workspaceId}/tags`);
  const video = (await notionTagCounts()).get("video")!;
  await tagRow(page, "video").getByRole("button", { name: "Delete video" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete tag" });
  await expect(dialog).toContainText(`Removes “video” from ${video} bookmarks`);
  await expectNoAxeViolations(page, "delete dialog");
  await sandbox.clearRequests();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(`Deleted “video” from ${video} bookmarks`)).toBeVisible({ timeout: 30_000 });
  const bot = (await botOf("evelyn", "orbits")).bot_id;
  expect((await sandbox.requests()).filter((r) => r.bot_id === bot && r.method === "PATCH")).toHaveLength(1);
  expect((await inNotion()).some((r) => r.tags.includes("video"))).toBe(false);
  expect(await optionNames()).not.toContain("video");
  await expectShelfMatchesNotion(page);
});

test("the bookmarks toolbar's tag menu searches, counts, and lists the chosen tags first", async ({ page }) => {
  await page.goto(`/w/${workspaceId}/bookmarks?tags=tools`);
  await page.getByRole("button", { name: /^Tags/ }).click();
  const menu = page.getByRole("dialog", { name: "Filter by tag" });
  const counts = await notionTagCounts();
  await expect(menu.getByRole("listitem").first()).toHaveText(new RegExp(`^tools\\s*${counts.get("tools")!.toLocaleString("en")}$`));
  await expect(menu.getByRole("checkbox").first()).toBeChecked();
  await menu.getByRole("searchbox", { name: "Search tags" }).fill("des");
  await expect(menu.getByRole("checkbox")).toHaveCount(1);
  await expectNoAxeViolations(page, "tag filter open");
  // A click navigates to the new filter; the box shows it once the list has followed.
  await menu.getByRole("checkbox", { name: /^design/ }).click();
  await expect(page).toHaveURL(/tags=tools/);
  await expect(page).toHaveURL(/tags=design/);
});

test("Trash lists what was removed in Shelf and restores it, one or many", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/w/${workspaceId}/trash`);
  await expect(page.getByText("The trash is empty")).toBeVisible();
  await expectNoAxeViolations(page, "empty trash");

  await page.goto(`/w/${workspaceId}/bookmarks?q=Soup`);
  const titles = ["Soup 4", "Soup 5"];
  for (const title of titles) {
    const row = page.locator("li[data-bookmark-id]").filter({ hasText: title });
    await row.getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
  }
  await expect.poll(async () => (await inNotion()).filter((r) => titles.includes(r.name) && r.inTrash).length, { timeout: 20_000 }).toBe(2);

  await page.goto(`/w/${workspaceId}/trash`);
  await expect(page.getByTestId("trash-row")).toHaveCount(2);
  await expectNoAxeViolations(page, "trash");
  await noSidewaysScroll(page);
  await screensAtWidths(page, "trash");
  await page.getByLabel("Select all").check();
  await page.getByRole("button", { name: "Restore 2" }).click();
  await expect(page.getByText("Restored 2 bookmarks")).toBeVisible();
  await expect(page.getByTestId("trash-row")).toHaveCount(0);
  await expect.poll(async () => (await inNotion()).filter((r) => titles.includes(r.name) && !r.inTrash).length, { timeout: 20_000 }).toBe(2);
});

test("a page trashed and restored as a person in Notion goes to Trash and comes back", async ({ page }) => {
  test.setTimeout(180_000);
  const { pages } = await sandbox.visibleTo((await botOf("evelyn", "orbits")).bot_id, dataSourceId);
  const target = pages.find((p) => !p.in_trash && p.properties.Name?.type === "title" && p.properties.Name.title[0]?.plain_text === "Soup 1")!;
  await sandbox.trashPage(target.id);
  await page.goto(`/w/${workspaceId}/trash`);
  await expect(page.getByTestId("trash-row").filter({ hasText: "Soup 1" })).toBeVisible({ timeout: 60_000 });

  await sandbox.trashPage(target.id, { in_trash: false });
  await expect(page.getByTestId("trash-row").filter({ hasText: "Soup 1" })).toHaveCount(0, { timeout: 60_000 });
  await page.goto(`/w/${workspaceId}/bookmarks?q=Soup`);
  await expect(page.locator("li[data-bookmark-id]").filter({ hasText: "Soup 1" })).toBeVisible();
});
