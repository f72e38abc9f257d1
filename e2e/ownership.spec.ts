import type { Page } from "@playwright/test";
import { expect, sandbox, SEED_PEOPLE, SEED_WORKSPACES, signIn, test } from "./fixtures";

/**
 * Grace's browser sends every server action with Ada's ids in place of her own, the way a forged
 * request would. Each must answer as if the workspace or bookmark did not exist, and change nothing.
 */
test.describe.configure({ mode: "serial" });

let ada = { workspaceId: "", bookmarkId: "" };

async function swapInActions(page: Page, from: string, to: string) {
  await page.route("**/w/**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    return route.continue({ postData: (request.postData() ?? "").replaceAll(from, to) });
  });
}

async function addBookmark(page: Page, title: string) {
  const form = page.getByRole("form", { name: "New bookmark" });
  await form.getByLabel("URL").fill(`https://ownership.example/${encodeURIComponent(title)}`);
  await form.getByLabel(/^Title/).fill(title);
  await form.getByRole("button", { name: "Add bookmark" }).click();
}

const rows = (page: Page) => page.locator("li[data-bookmark-id]");

test("Ada has a workspace and a bookmark", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const workspaceId = await signIn(page, "ada", "engines");
  await addBookmark(page, "Ada's private link");
  const row = rows(page).filter({ hasText: "Ada's private link" });
  await expect(row).toHaveAttribute("data-bookmark-id", /^[0-9a-f-]{36}$/);
  ada = { workspaceId, bookmarkId: (await row.getAttribute("data-bookmark-id"))! };
  await context.close();
});

test("every workspace action with another person's workspace id answers not found", async ({ page }) => {
  const graceWorkspace = await signIn(page, "grace", "labs");
  await addBookmark(page, "Grace's own link");
  await expect(rows(page).filter({ hasText: "Grace's own link" })).toHaveAttribute("data-bookmark-id", /^[0-9a-f-]{36}$/);
  await swapInActions(page, graceWorkspace, ada.workspaceId);
  const notFound = page.getByText("This workspace was not found.");
  // Each refusal must come from its own action: wait for the previous toast to leave first.
  const refused = async () => {
    await expect(notFound).toHaveCount(1);
    await expect(notFound).toHaveCount(0, { timeout: 15_000 });
  };

  await addBookmark(page, "Forged create");
  await refused();

  const own = rows(page).filter({ hasText: "Grace's own link" });
  await own.hover();
  await own.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel(/^Title/).fill("Forged edit");
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await refused();
  await page.keyboard.press("Escape");

  await own.hover();
  await own.getByRole("button", { name: "Remove" }).click();
  await refused();

  // The command palette's search: Ada's bookmarks never show in Grace's palette.
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill("private");
  await expect(palette.getByRole("alert")).toHaveText("This workspace was not found.");
  await expect(palette.getByRole("option", { name: /Ada's private link/ })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();

  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  // Refresh answers beside its own button, and the answer stays until the next Refresh.
  await expect(page.getByTestId("refresh-error")).toHaveText("This workspace was not found.");

  await page.goto(`/w/${graceWorkspace}/setup`);
  await page.getByRole("button", { name: "Create a Bookmarks database" }).click();
  await refused();

  await page.goto(`/w/${graceWorkspace}/settings`);
  await page.getByRole("button", { name: "Disconnect…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(notFound).toHaveCount(1);
});

test("a bookmark id of another workspace answers not found in one's own workspace", async ({ page }) => {
  const graceWorkspace = await signIn(page, "grace", "labs");
  const own = rows(page).filter({ hasText: "Grace's own link" });
  const ownId = (await own.getAttribute("data-bookmark-id"))!;
  await swapInActions(page, ownId, ada.bookmarkId);
  await own.hover();
  await own.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("This bookmark was not found.").first()).toBeVisible();
  expect(graceWorkspace).not.toBe(ada.workspaceId);
});

test("nothing of Ada's changed", async ({ browser }) => {
  const bot = (await sandbox.state()).bots.find((b) => b.person_id === SEED_PEOPLE.ada.id && b.workspace_id === SEED_WORKSPACES.engines.id);
  expect(bot?.live_tokens).toBe(1);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "ada", "engines");
  await expect(rows(page).filter({ hasText: "Ada's private link" })).toHaveCount(1);
  await expect(rows(page).filter({ hasText: /Forged/ })).toHaveCount(0);
  await context.close();
});
