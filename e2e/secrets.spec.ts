import fs from "node:fs";
import path from "node:path";
import { E2E_APP_URL } from "./env";
import { expect, signIn, test } from "./fixtures";

// Every sandbox token starts with one of these, so a leak shows without knowing the values.
const TOKEN_PATTERN = /\b(ntn|nrt)_sbx_[A-Za-z0-9_-]+/;

test("no Notion token reaches the browser: served HTML, RSC payloads, cookies or the client bundle", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().startsWith(E2E_APP_URL)) bodies.push(await response.text().catch(() => ""));
  });
  const workspaceId = await signIn(page, "ada", "notebook");
  for (const screen of [`/w/${workspaceId}`, `/w/${workspaceId}/settings`, "/signin"]) {
    await page.goto(screen);
    expect(await page.content()).not.toMatch(TOKEN_PATTERN);
  }
  const session = await page.request.get("/api/auth/session");
  expect(await session.text()).not.toMatch(TOKEN_PATTERN);
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toMatch(TOKEN_PATTERN);
  for (const cookie of await page.context().cookies()) expect(cookie.value).not.toMatch(TOKEN_PATTERN);
  expect(page.url()).not.toMatch(TOKEN_PATTERN);

  const staticDir = path.join(process.cwd(), ".next", "static");
  const files = fs.readdirSync(staticDir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|css|html|json)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(fs.readFileSync(path.join(staticDir, file), "utf8"), file).not.toMatch(TOKEN_PATTERN);
});
