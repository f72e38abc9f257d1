import { consent, expect, rewriteCallback, sandbox, SEED_PEOPLE, SEED_WORKSPACES, signIn, test, workspaceIdFromUrl } from "./fixtures";

// One story: Ada signs in, connects a second workspace, Grace arrives; each step builds on the last.
test.describe.configure({ mode: "serial" });

let adaNotebook = "";
let adaEngines = "";

test("a new person signs in with the template and lands in their workspace", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(page, { person: "ada", workspace: "notebook", access: "template" });
  await page.waitForURL(/\/w\/[^/]+/);
  adaNotebook = workspaceIdFromUrl(page.url());
  await expect(page.getByTestId("user-name")).toHaveText(SEED_PEOPLE.ada.name);
  await expect(page.getByTestId("account-menu").locator("img")).toHaveAttribute("src", SEED_PEOPLE.ada.avatarUrl!);
  await expect(page.getByTestId("active-workspace-name")).toHaveText(SEED_WORKSPACES.notebook.name);
});

test("connecting a second workspace keeps one user; the switcher moves between them", async ({ page, browser }) => {
  await signIn(page, "ada", "notebook");
  await page.getByRole("button", { name: /switch workspace/i }).click();
  await page.getByRole("menuitem", { name: "Connect another workspace" }).click();
  await consent(page, { person: "ada", workspace: "engines", access: "template" });
  await page.waitForURL(/\/w\/[^/]+/);
  adaEngines = workspaceIdFromUrl(page.url());
  expect(adaEngines).not.toBe(adaNotebook);
  await expect(page.getByTestId("active-workspace-name")).toHaveText(SEED_WORKSPACES.engines.name);

  await page.getByRole("button", { name: /switch workspace/i }).click();
  const items = page.getByRole("menuitem");
  await expect(items.filter({ hasText: SEED_WORKSPACES.notebook.name })).toBeVisible();
  await expect(items.filter({ hasText: SEED_WORKSPACES.engines.name })).toHaveAttribute("aria-current", "page");
  await items.filter({ hasText: SEED_WORKSPACES.notebook.name }).click();
  await page.waitForURL(`**/w/${adaNotebook}/**`);
  await expect(page.getByTestId("active-workspace-name")).toHaveText(SEED_WORKSPACES.notebook.name);

  // A fresh browser, signing in through the second workspace: the same Shelf user, both workspaces.
  // The first tab leaves the dashboard first: its background refreshes would mark Notebook as the
  // workspace used last, racing the new sign-in's redirect.
  await page.goto("about:blank");
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  expect(await signIn(other, "ada", "engines")).toBe(adaEngines);
  await other.getByRole("button", { name: /switch workspace/i }).click();
  await expect(other.getByRole("menuitem").filter({ hasText: SEED_WORKSPACES.notebook.name })).toBeVisible();
  await expect(other.getByRole("menuitem").filter({ hasText: SEED_WORKSPACES.engines.name })).toBeVisible();
  await fresh.close();
});

test("another person cannot reach the first person's workspace", async ({ page }) => {
  const graces = await signIn(page, "grace", "labs");
  for (const path of [
    `/w/${adaNotebook}`,
    `/w/${adaNotebook}/bookmarks`,
    `/w/${adaNotebook}/bookmarks?q=x&sort=title`,
    `/w/${adaNotebook}/setup`,
    `/w/${adaNotebook}/settings`,
    `/w/${adaEngines}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  expect((await page.goto(`/w/${graces}`))?.status()).toBe(200);
  expect((await page.goto("/w/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
});

test("cancelling on Notion's consent screen explains that nothing was connected", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(page, { person: "alan", workspace: "labs", cancel: true });
  await page.waitForURL("**/signin?error=AccessDenied");
  await expect(page.getByTestId("signin-error")).toContainText("You didn't grant Shelf access in Notion");
});

test("a tampered state is refused", async ({ page }) => {
  await rewriteCallback(page, (params) => params.set("state", "forged-state"));
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(page, { person: "alan", workspace: "labs" });
  await page.waitForURL("**/signin?error=StateMismatch");
  await expect(page.getByTestId("signin-error")).toContainText("refused it to keep your account safe");
  expect((await page.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
});

test("a replayed authorization code is refused", async ({ page }) => {
  let usedCode = "";
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/auth/callback/notion" && url.searchParams.get("code")) usedCode ||= url.searchParams.get("code")!;
  });
  await signIn(page, "grace", "labs");
  expect(usedCode).not.toBe("");
  await page.context().clearCookies();

  // A new flow with a valid state, but the code of the finished sign-in.
  await rewriteCallback(page, (params) => params.set("code", usedCode));
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await consent(page, { person: "grace", workspace: "labs" });
  await page.waitForURL("**/signin?error=CodeRejected");
  await expect(page.getByTestId("signin-error")).toContainText("already used or has expired");
});

test("signing out ends the session", async ({ page }) => {
  const workspaceId = await signIn(page, "grace", "labs");
  await page.getByTestId("account-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto(`/w/${workspaceId}`);
  await page.waitForURL("**/signin");
  expect(await sandbox.state()).toBeTruthy();
});
