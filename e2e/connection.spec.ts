import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID } from "../notion-sandbox";
import { consent, expect, sandbox, signIn, test } from "./fixtures";
import { botOf } from "./notion";

test.describe.configure({ mode: "serial" });

test("a wrong client secret is reported as a configuration error", async ({ page }) => {
  await sandbox.setClientSecret(SANDBOX_CLIENT_ID, "not-what-shelf-has");
  try {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Notion" }).click();
    await consent(page, { person: "grace", workspace: "engines" });
    await page.waitForURL("**/signin?error=ConfigurationError");
    await expect(page.getByTestId("signin-error")).toContainText("misconfigured");
  } finally {
    await sandbox.setClientSecret(SANDBOX_CLIENT_ID, DEFAULT_SANDBOX_CLIENT_SECRET);
  }
});

test("disconnecting asks first, revokes the token at Notion and forgets the workspace", async ({ page }) => {
  const workspaceId = await signIn(page, "grace", "engines");
  expect((await botOf("grace", "engines")).live_tokens).toBe(1);
  await page.goto(`/w/${workspaceId}/settings`);
  await page.getByRole("button", { name: "Disconnect…" }).click();
  const dialog = page.getByRole("dialog", { name: /Disconnect Analytical Engines/ });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await botOf("grace", "engines")).live_tokens).toBe(1);

  await page.getByRole("button", { name: "Disconnect…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.includes(workspaceId));
  expect((await botOf("grace", "engines")).live_tokens).toBe(0);
  expect((await page.goto(`/w/${workspaceId}`))?.status()).toBe(404);
});

test("sign out everywhere ends every session of the person", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  const workspaceId = await signIn(a, "alan", "labs");
  await signIn(b, "alan", "labs");
  await a.goto(`/w/${workspaceId}/settings`);
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await a.waitForURL((url) => url.pathname === "/");
  await b.goto(`/w/${workspaceId}/settings`);
  await b.waitForURL("**/signin");
  await first.close();
  await second.close();
});
