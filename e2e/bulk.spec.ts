import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";
import { notionRow, notionRows } from "./notion";

// Joan's Hut 8, used by no other spec: a library of 2,000 seeded rows changed at once.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "bulk-joan.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

const SEEDED = 2000;
const TAG = "bulk-e2e";
let workspaceId = "";
const dashboard = (search = "") => `/w/${workspaceId}/bookmarks${search}`;
const rows = (page: Page) => page.locator("li[data-bookmark-id]");
const bar = (page: Page) => page.getByRole("region", { name: "Selected bookmarks" });

const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** Ticks the page, then "Select all N matching" the search. */
async function selectAllMatching(page: Page, q: string, n: string) {
  await page.goto(dashboard(`?q=${q}`));
  await rows(page).first().waitFor();
  await page.getByRole("checkbox", { name: /^Select / }).first().check();
  await bar(page).getByRole("checkbox", { name: "Select every bookmark on this page" }).check();
  await expect(bar(page).getByTestId("bulk-count")).toHaveText("50 selected");
  await bar(page).getByRole("button", { name: `Select all ${n} matching` }).click();
  await expect(bar(page).getByTestId("bulk-count")).toHaveText(`All ${n} bookmarks matching`);
}

/** Seeded pages (their descriptions say "about"), as Notion holds them. */
const seededInNotion = async () => (await notionRows("joan", "hut8")).filter((row) => row.description.includes(" about "));

test("sign in, save one and seed 2,000 rows in Notion", async ({ page }) => {
  test.setTimeout(300_000);
  workspaceId = await signIn(page, "joan", "hut8", "template");
  await page.context().storageState({ path: AUTH_STATE });
  await page.goto(dashboard());
  const form = page.getByRole("form", { name: "New bookmark" });
  await form.getByLabel("URL").fill("https://example.org/enigma");
  await form.getByLabel("Title").fill("Enigma notes");
  await form.getByRole("button", { name: "Add bookmark" }).click();
  await expect(form.getByLabel("URL")).toHaveValue("");
  await expect.poll(async () => (await notionRow("joan", "hut8", "Enigma notes"))?.dataSourceId ?? null).not.toBeNull();
  const { dataSourceId } = (await notionRow("joan", "hut8", "Enigma notes"))!;
  await sandbox.seedRows(dataSourceId!, SEEDED);
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  // 2,000 rows read from Notion and written to the mirror on a machine other runs share.
  await expect(rows(page)).toHaveCount(50, { timeout: 240_000 });
});

test("tick with the mouse, Shift for a range, x on the keyboard, Esc clears", async ({ page }) => {
  await page.goto(dashboard());
  const boxes = page.getByRole("checkbox", { name: /^Select / });
  await boxes.nth(1).check();
  await expect(bar(page).getByTestId("bulk-count")).toHaveText("1 selected");
  await boxes.nth(4).click({ modifiers: ["Shift"] });
  await expect(bar(page).getByTestId("bulk-count")).toHaveText("4 selected");
  await page.keyboard.press("Escape");
  await expect(bar(page)).toHaveCount(0);
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(bar(page).getByTestId("bulk-count")).toHaveText("1 selected");
  // j moved on from the row last used (the one Shift-clicked); x ticked that row.
  await expect(page.locator('li[aria-current="true"]').getByRole("checkbox")).toBeChecked();
  await page.keyboard.press("x");
  await expect(bar(page)).toHaveCount(0);
});

test("select all 2,000 matching a search, add a tag: the progress bar runs and every page carries it once; undo takes it away", async ({ page }) => {
  // 2,000 pages there and back: at a load average near 20 on 2 cores each way took 4–5 minutes.
  test.setTimeout(900_000);
  await selectAllMatching(page, "about", "2,000");
  await expectNoAxeViolations(page, "bulk bar");
  await screensAtWidths(page, "bulk-bar");

  await bar(page).getByRole("button", { name: "Add tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Add tags to 2,000 bookmarks" });
  // Notion refuses commas in option names; the tag input splits on them, so a refusal needs the 100-character rule.
  await dialog.getByLabel("Tags").fill("x".repeat(101));
  await dialog.getByLabel("Tags").press("Enter");
  await dialog.getByRole("button", { name: "Add tags" }).click();
  await expect(page.getByText("Tags can be at most 100 characters")).toBeVisible();
  await dialog.getByRole("button", { name: /^Remove/ }).first().click();
  await dialog.getByLabel("Tags").fill(TAG);
  await dialog.getByLabel("Tags").press("Enter");
  await dialog.getByRole("button", { name: "Add tags" }).click();

  const job = page.getByTestId("bulk-job").first();
  await expect(job.getByRole("progressbar", { name: "Bulk change progress" })).toBeVisible();
  await expect(job.getByTestId("bulk-headline")).toHaveText(`Adding tags to 2,000 bookmarks (“${TAG}”)`);
  await expectNoAxeViolations(page, "bulk progress");
  await screensAtWidths(page, "bulk-progress");
  await expect(job.getByTestId("bulk-headline")).toHaveText(`Tagged 2,000 bookmarks (“${TAG}”).`, { timeout: 480_000 });

  const seeded = await seededInNotion();
  expect(seeded).toHaveLength(SEEDED);
  expect(seeded.filter((row) => row.tags.filter((tag) => tag === TAG).length !== 1)).toEqual([]);
  expect((await notionRow("joan", "hut8", "Enigma notes"))!.tags).toEqual([]);
  await screensAtWidths(page, "bulk-done");

  await job.getByRole("button", { name: "Undo" }).click();
  const undo = page.getByTestId("bulk-job").first();
  await expect(undo.getByTestId("bulk-headline")).toHaveText("Undone: Untagged 2,000 bookmarks.", { timeout: 480_000 });
  expect((await seededInNotion()).filter((row) => row.tags.includes(TAG))).toEqual([]);
});

test("Ctrl+Z undoes a bulk tag change of all N matching, with a progress bar like the change had", async ({ page }) => {
  test.setTimeout(600_000);
  const tag = "bulk-ctrl-z";
  // Every tenth seeded row is about coffee: 200, more than a request queues itself, so the runner feeds both jobs.
  const coffee = async () => (await seededInNotion()).filter((row) => row.description.includes(" about coffee."));
  await selectAllMatching(page, "coffee", "200");
  await bar(page).getByRole("button", { name: "Add tags" }).click();
  const dialog = page.getByRole("dialog", { name: "Add tags to 200 bookmarks" });
  await dialog.getByLabel("Tags").fill(tag);
  await dialog.getByLabel("Tags").press("Enter");
  await dialog.getByRole("button", { name: "Add tags" }).click();
  const job = page.getByTestId("bulk-job").first();
  await expect(job.getByTestId("bulk-headline")).toHaveText(`Tagged 200 bookmarks (“${tag}”).`, { timeout: 240_000 });
  expect(await coffee()).toHaveLength(200);
  expect((await coffee()).filter((row) => row.tags.filter((t) => t === tag).length !== 1)).toEqual([]);

  await blur(page);
  await page.keyboard.press("Control+z");
  const undo = page.getByTestId("bulk-job").first();
  // The reverse job takes from each page exactly the tags the job gave it, with a bar of its own.
  await expect(undo.getByTestId("bulk-headline")).toHaveText("Undoing: Removing tags from 200 bookmarks");
  await expect(undo.getByRole("progressbar", { name: "Bulk change progress" })).toBeVisible();
  await expect(undo.getByTestId("bulk-headline")).toHaveText("Undone: Untagged 200 bookmarks.", { timeout: 240_000 });
  await expect(undo.getByTestId("bulk-counts")).toContainText("200 of 200 in Notion");
  // The bar of the change that was undone is gone.
  const tagged = page.getByTestId("bulk-headline").filter({ hasText: new RegExp(`^(Tagged|Adding tags to) 200 bookmarks`) });
  await expect(tagged).toHaveCount(0);
  const seeded = await seededInNotion();
  expect(seeded).toHaveLength(SEEDED);
  expect(seeded.filter((row) => row.tags.includes(tag))).toEqual([]);

  // An undo is not itself on the stack: a second Ctrl+Z adds nothing back.
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId("bulk-headline").filter({ hasText: /^Undoing: Adding tags/ })).toHaveCount(0);
  expect((await seededInNotion()).filter((row) => row.tags.includes(tag))).toEqual([]);
});

test("Ctrl+Z undoes a small bulk trash; the bar's Undo and Ctrl+Z are one entry", async ({ page }) => {
  await page.goto(dashboard("?q=about"));
  const boxes = page.getByRole("checkbox", { name: /^Select / });
  await boxes.nth(0).check();
  await boxes.nth(2).click({ modifiers: ["Shift"] });
  const titles = await Promise.all([0, 1, 2].map((n) => rows(page).nth(n).getByRole("heading", { level: 3 }).innerText()));
  await bar(page).getByRole("button", { name: "Trash" }).click();
  const job = page.getByTestId("bulk-job").first();
  await expect(job.getByTestId("bulk-headline")).toHaveText("Trashed 3 bookmarks.", { timeout: 60_000 });
  const inTrash = async () => (await seededInNotion()).filter((row) => titles.includes(row.name) && row.inTrash).length;
  expect(await inTrash()).toBe(3);

  await blur(page);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("bulk-job").first().getByTestId("bulk-headline")).toHaveText("Undone: Restored 3 bookmarks.", { timeout: 60_000 });
  await expect.poll(inTrash).toBe(0);
  for (const title of titles) await expect(rows(page).filter({ hasText: title })).toHaveCount(1);

  // Trashed with the bar's Undo this time: Ctrl+Z afterwards has nothing of it left to run.
  await page.getByRole("checkbox", { name: /^Select / }).nth(0).check();
  await bar(page).getByRole("button", { name: "Trash" }).click();
  await expect(page.getByTestId("bulk-job").first().getByTestId("bulk-headline")).toHaveText("Trashed 1 bookmark.", { timeout: 60_000 });
  await page.getByTestId("bulk-job").first().getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("bulk-job").first().getByTestId("bulk-headline")).toHaveText("Undone: Restored 1 bookmark.", { timeout: 60_000 });
  await blur(page);
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(1_000);
  await expect(page.getByText("This change was already undone.")).toHaveCount(0);
  await expect.poll(inTrash).toBe(0);
});
