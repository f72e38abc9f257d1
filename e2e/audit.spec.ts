import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { consent, expect, sandbox, SEED_WORKSPACES, signIn, test, workspaceIdFromUrl } from "./fixtures";
import { botOf } from "./notion";

// One story in Dorothy's own two workspaces, so no other spec sees her sign-ins, revocations or
// sign-outs; each test builds on the last.
test.describe.configure({ mode: "serial" });

const WEST = SEED_WORKSPACES.westArea.name;
const LANGLEY = SEED_WORKSPACES.langley.name;
// What headless Chromium's user agent comes to, and the /24 of the loopback address it calls from.
const BROWSER = "Chrome on Linux";
const ADDRESS = "127.0.0.x";

let west = "";
let langley = "";

const dorothysBot = async (workspace: "westArea" | "langley") => (await botOf("dorothy", workspace)).bot_id;

/** The activity screen's rows, top to bottom, as "title | workspace | client | address". */
async function activityRows(page: Page) {
  const rows = page.getByTestId("audit-event");
  const count = await rows.count();
  const read = async (row: ReturnType<typeof rows.nth>, testId: string) => {
    const cell = row.getByTestId(testId);
    return (await cell.count()) ? (await cell.innerText()).trim() : "";
  };
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const cells = await Promise.all(["audit-event-title", "audit-event-workspace", "audit-event-client", "audit-event-address"].map((id) => read(row, id)));
    result.push(cells.join(" | "));
  }
  return result;
}

test("every security event of a run is listed, newest first, with the browser and address it came from", async ({ page }) => {
  // Signing in connects her first workspace.
  west = await signIn(page, "dorothy", "westArea");

  // A second workspace, connected while signed in.
  await page.getByRole("button", { name: /switch workspace/i }).click();
  await page.getByRole("menuitem", { name: "Connect another workspace" }).click();
  await consent(page, { person: "dorothy", workspace: "langley" });
  await page.waitForURL((url) => /\/w\/[^/]+/.test(url.pathname) && !url.pathname.includes(west));
  langley = workspaceIdFromUrl(page.url());

  // Notion stops accepting the token; the next Notion call (the first fill, or a background sync
  // of the dashboard) finds out, and every screen then asks to reconnect.
  await sandbox.revokeToken({ bot_id: await dorothysBot("langley") });
  await expect(async () => {
    await page.goto(`/w/${langley}/bookmarks`);
    await expect(page.getByRole("button", { name: "Reconnect" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Reconnecting it.
  await page.goto(`/w/${langley}/settings`);
  await page.getByRole("button", { name: "Reconnect" }).click();
  await consent(page, { person: "dorothy", workspace: "langley" });
  await page.waitForURL(`**/w/${langley}/**`);
  await expect(page.getByRole("button", { name: "Reconnect" })).toHaveCount(0);

  // Disconnecting the first.
  await page.goto(`/w/${west}/settings`);
  await page.getByRole("button", { name: "Disconnect…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.includes(west));

  // Signing out everywhere, then in again.
  await page.goto(`/w/${langley}/settings`);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  expect(await signIn(page, "dorothy", "langley")).toBe(langley);

  await page.goto(`/w/${langley}/settings`);
  await page.getByRole("link", { name: "View security activity" }).click();
  await page.waitForURL(`**/w/${langley}/settings/activity`);
  await expect(page.getByRole("heading", { level: 1, name: "Security activity" })).toBeVisible();
  const fromHere = `${BROWSER} | ${ADDRESS}`;
  expect(await activityRows(page)).toEqual([
    `Signed in | ${LANGLEY} | ${fromHere}`,
    `Signed out everywhere |  | ${fromHere}`,
    `Disconnected ${WEST} | ${WEST} | ${fromHere}`,
    `Reconnected ${LANGLEY} | ${LANGLEY} | ${fromHere}`,
    // No request of hers: Shelf noticed while calling Notion.
    `Notion stopped accepting Shelf's access to ${LANGLEY} | ${LANGLEY} | Noticed by Shelf | `,
    `Connected ${LANGLEY} | ${LANGLEY} | ${fromHere}`,
    `Connected ${WEST} | ${WEST} | ${fromHere}`,
    `Signed in | ${WEST} | ${fromHere}`,
  ]);
  // Relative time, with the exact UTC time beside it.
  const newest = page.getByTestId("audit-event").first();
  await expect(newest.locator("time")).toHaveText(/just now|minutes? ago/);
  await expect(newest).toContainText(/\(\w{3} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} UTC\)/);
  await expect(page.getByRole("link", { name: "Show older" })).toHaveCount(0);
  await expectNoAxeViolations(page, "security activity");
});

test("older events are a page further, reached by keyboard; at 360 px nothing scrolls sideways", async ({ page, browser }) => {
  // Three more sign-ins (two other browsers, then this one) make eleven events: one more than a page.
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), "dorothy", "langley");
    await context.close();
  }
  await signIn(page, "dorothy", "langley");
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/w/${langley}/settings/activity`);
  await expect(page.getByTestId("audit-event")).toHaveCount(10);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole("link", { name: "Show older" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?before=\d+$/);
  expect(await activityRows(page)).toEqual([`Signed in | ${WEST} | ${BROWSER} | ${ADDRESS}`]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page, "older security activity");

  await page.getByRole("link", { name: "Newest" }).click();
  await page.waitForURL(`**/w/${langley}/settings/activity`);
  await expect(page.getByTestId("audit-event")).toHaveCount(10);
});

test("another person sees none of them, and cannot open them", async ({ page }) => {
  const graces = await signIn(page, "grace", "labs");
  await page.goto(`/w/${graces}/settings/activity`);
  const titles = page.getByTestId("audit-event-title");
  await expect(titles.first()).toBeVisible();
  const rows = await activityRows(page);
  expect(rows.join("\n")).not.toMatch(new RegExp(`${WEST}|${LANGLEY}`));
  expect(rows.every((row) => row.includes(SEED_WORKSPACES.labs.name))).toBe(true);
  expect((await page.goto(`/w/${langley}/settings/activity`))?.status()).toBe(404);
});
