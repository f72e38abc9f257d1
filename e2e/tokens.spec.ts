import { consent, expect, sandbox, signIn, test } from "./fixtures";
import { botOf } from "./notion";

test.describe.configure({ mode: "serial" });

const adasNotebookBot = async () => (await botOf("ada", "notebook")).bot_id;

const refreshGrants = async () =>
  (await sandbox.requests()).filter((r) => r.path === "/v1/oauth/token" && (r.body as { grant_type?: string })?.grant_type === "refresh_token");

test("an expired access token is refreshed without the person noticing", async ({ page }) => {
  const workspaceId = await signIn(page, "ada", "notebook");
  await sandbox.clearRequests();
  await sandbox.expireToken({ bot_id: await adasNotebookBot() });

  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByTestId("sync-status")).toContainText("Synced");
  expect(await refreshGrants()).toHaveLength(1);
  await page.goto(`/w/${workspaceId}/bookmarks`);
  await expect(page.getByText("Reconnect", { exact: true })).toHaveCount(0);
});

test("a revoked authorization shows Reconnect on every screen, and reconnecting restores the workspace", async ({ page }) => {
  const workspaceId = await signIn(page, "ada", "notebook");
  // Opening the dashboard starts a background sync; revoking during it would let the sync find out
  // first and take the Refresh button away before the click.
  await expect(page.getByTestId("sync-status")).toContainText("Synced");
  await expect(page.getByRole("button", { name: "Refresh from Notion" })).toBeEnabled({ timeout: 20_000 });
  await sandbox.revokeToken({ bot_id: await adasNotebookBot() });

  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByText(/Notion no longer accepts Shelf's access/).first()).toBeVisible();
  for (const screen of ["bookmarks", "settings"]) {
    await page.goto(`/w/${workspaceId}/${screen}`);
    await expect(page.getByRole("button", { name: "Reconnect" })).toBeVisible();
  }
  await page.getByRole("button", { name: "Reconnect" }).click();
  await consent(page, { person: "ada", workspace: "notebook", access: "template" });
  await page.waitForURL(`**/w/${workspaceId}/**`);
  await expect(page.getByRole("button", { name: "Reconnect" })).toHaveCount(0);
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByTestId("sync-status")).toContainText("Synced");
});
