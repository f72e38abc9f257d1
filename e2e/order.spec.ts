import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, screensAtWidths, setScheme } from "./axe";
import { expect, signIn, test } from "./fixtures";
import { notionRows } from "./notion";

// Gladys's Satellite Geodesy is hers alone (notion-sandbox/seed.ts), so the order seen here is
// only this file's saves.
test.describe.configure({ mode: "serial" });

const SAVES = Array.from({ length: 30 }, (_, n) => `Orbit ${String(n).padStart(2, "0")}`);
const newForm = (page: Page) => page.getByRole("form", { name: "New bookmark" });
const listedTitles = (page: Page) => page.locator("li[data-bookmark-id] a[href^='https://orbits.example']").allInnerTexts();

/** A browser export with dates: 2023's links must say 2023, not today. */
const FILE = [
  "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
  "<DL><p>",
  '  <DT><A HREF="https://dated-import.example/old" ADD_DATE="1678000000">Dated import 2023</A>',
  '  <DT><A HREF="https://dated-import.example/older" ADD_DATE="1600000000">Dated import 2020</A>',
  "</DL><p>",
].join("\n");

let workspaceId = "";
// The second test goes on as the person the first one signed in.
const AUTH_STATE = path.join("e2e", ".artifacts", "order-gladys.json");

test("30 bookmarks saved within a minute list newest first in exact save order, also once read back from Notion and after a full resync", async ({ page }) => {
  test.setTimeout(180_000);
  workspaceId = await signIn(page, "gladys", "geodesy");
  await expect(page.getByRole("heading", { name: "Bookmarks", level: 1 })).toBeVisible();
  fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
  await page.context().storageState({ path: AUTH_STATE });

  const form = newForm(page);
  for (const title of SAVES) {
    await form.getByLabel("URL").fill(`https://orbits.example/${encodeURIComponent(title)}`);
    await form.getByLabel("Title").fill(title);
    await form.getByRole("button", { name: "Add bookmark" }).click();
    await expect(form.getByLabel("URL")).toHaveValue("");
  }
  const newestFirst = [...SAVES].reverse();
  await expect.poll(() => listedTitles(page)).toEqual(newestFirst);

  // Every save reaches Notion with its Saved date, in the order they were made.
  await expect.poll(async () => (await notionRows("gladys", "geodesy")).filter((r) => r.name.startsWith("Orbit ")).length, { timeout: 60_000 }).toBe(30);
  const rows = (await notionRows("gladys", "geodesy")).filter((r) => r.name.startsWith("Orbit "));
  const saved = SAVES.map((title) => Date.parse(rows.find((r) => r.name === title)?.saved ?? ""));
  for (let n = 1; n < saved.length; n++) expect(saved[n]).toBeGreaterThanOrEqual(saved[n - 1]!);

  // Refresh reads these pages back from Notion (they are inside the sync's re-read margin), so the
  // mirror's dates now come from Notion's Saved values: the order holds.
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByRole("button", { name: "Refresh from Notion" })).toBeEnabled();
  await page.reload();
  await expect.poll(() => listedTitles(page)).toEqual(newestFirst);

  // A full resync (Settings, behind a confirm) reads every page again, not only recent edits.
  await page.goto(`/w/${workspaceId}/settings`);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Resync everything…" }).click();
  const confirm = page.getByRole("dialog", { name: "Read every bookmark again from Notion?" });
  await screensAtWidths(page, "settings-resync");
  for (const scheme of ["light", "dark"] as const) {
    await setScheme(page, scheme);
    await expectNoAxeViolations(page, `resync confirm (${scheme})`);
  }
  await confirm.getByRole("button", { name: "Resync everything" }).click();
  await expect(page.getByText("Read 30 bookmarks again from Notion.")).toBeVisible({ timeout: 60_000 });
  await expect(confirm).toBeHidden();
  await page.goto(`/w/${workspaceId}/bookmarks`);
  await expect.poll(() => listedTitles(page)).toEqual(newestFirst);
});

test("an imported file's dates are in Notion's Saved property and on screen", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ storageState: AUTH_STATE });
  const page = await context.newPage();
  await page.goto(`/w/${workspaceId}/import`);
  await page.getByLabel("Bookmarks file").setInputFiles({ name: "dated.html", mimeType: "text/html", buffer: Buffer.from(FILE) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 2 bookmarks" }).click();

  await expect
    .poll(async () => (await notionRows("gladys", "geodesy")).filter((r) => r.name.startsWith("Dated import")).map((r) => [r.name, r.saved && Date.parse(r.saved)]).sort(), { timeout: 60_000 })
    .toEqual([
      ["Dated import 2020", 1_600_000_000_000],
      ["Dated import 2023", 1_678_000_000_000],
    ]);

  await page.goto(`/w/${workspaceId}/bookmarks`);
  const row = page.locator("li[data-bookmark-id]").filter({ hasText: "Dated import 2023" });
  const time = row.locator("time");
  await expect(time).toHaveText(/Mar 2023/);
  await expect(time).toHaveAttribute("datetime", "2023-03-05T07:06:40.000Z");
  await expect(time).toHaveAttribute("title", "Mar 5, 2023, 7:06:40 AM UTC");
  // Oldest first, the 2020 link leads.
  await page.goto(`/w/${workspaceId}/bookmarks?sort=oldest`);
  await expect(page.locator("li[data-bookmark-id]").first()).toContainText("Dated import 2020");

  await page.goto(`/w/${workspaceId}/bookmarks?q=dated`);
  await expect(page.getByTestId("match-count")).toHaveText("2 of 32");
  for (const scheme of ["light", "dark"] as const) {
    await setScheme(page, scheme);
    await expectNoAxeViolations(page, `search with a count (${scheme})`);
  }
  await context.close();
});
