// Readable content end to end (issue 19), on a second server of the production build that may
// read pages from 127.0.0.1 (the main one refuses: its specs save example addresses), with its
// own sandbox: content on in Settings, a saved article's body in Notion, search over its words
// with a snippet, and the reader view.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { SandboxAdmin } from "../notion-sandbox";
import { startTestServer, type TestServer } from "../test/http-servers";
import { pageReadingApp } from "./app-server";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { expect, SEED_PEOPLE, SEED_WORKSPACES, signIn, test } from "./fixtures";
import { pageBody } from "./notion";

const server = pageReadingApp("reader", 4);
const appUrl = server.url;
let site: TestServer;
// The reader tests' blog post (test/fixtures/reader); read here, as test/reader-pages.ts is an ES module Playwright can't load.
const article = fs.readFileSync(path.join(process.cwd(), "test/fixtures/reader/article.html"), "utf8");

test.use({ baseURL: appUrl });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = await startTestServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(article);
  });
  await server.start();
});

test.afterAll(async () => {
  await Promise.all([site?.close(), server.stop()]);
});

const TITLE = /Understanding Write-Ahead Logs/;
const rowOf = (page: Page) => page.locator("li[data-bookmark-id]").filter({ hasText: TITLE });

test("with content on, a saved article's text is in its Notion page, found by search with a snippet, and readable in Shelf", async ({ page }) => {
  test.setTimeout(240_000);
  const workspaceId = await signIn(page, "frances", "compilers", "template", server.sandbox.url);

  await page.goto(`/w/${workspaceId}/settings`);
  const forSaves = page.getByRole("radio", { name: /Save readable content for new saves/ });
  await expect(page.getByRole("radio", { name: /^Off/ })).toBeChecked();
  await forSaves.check();
  await expect(page.getByText("Saved. New bookmarks get their readable content.")).toBeVisible();
  await page.reload();
  await expect(forSaves).toBeChecked();
  await expectNoAxeViolations(page, "settings with readable content on");
  await screensAtWidths(page, "reader-settings");

  await page.goto(`/w/${workspaceId}/bookmarks`);
  const url = `${site.url}/posts/write-ahead-logs`;
  const field = page.getByRole("form", { name: "New bookmark" }).getByLabel("URL");
  await field.fill(url);
  await field.press("Enter");
  await expect(field).toHaveValue("");
  await expect(rowOf(page)).toBeVisible({ timeout: 30_000 });

  // Notion's page has the article under the Source callout.
  const admin = new SandboxAdmin(server.sandbox.url);
  const bot = (await admin.state()).bots.find((b) => b.person_id === SEED_PEOPLE.frances.id && b.workspace_id === SEED_WORKSPACES.compilers.id)!;
  let notion: Awaited<ReturnType<typeof pageBody>> | undefined;
  let body: Array<{ type: string; text: string }> = [];
  await expect
    .poll(
      async () => {
        if (!notion) {
          const { pages } = await admin.visibleTo(bot.bot_id);
          const saved = pages.find((p) => p.properties.URL?.type === "url" && p.properties.URL.url === url);
          notion = saved && (await pageBody(admin, server.sandbox.url, SEED_WORKSPACES.compilers.id, saved.id));
        }
        body = notion ? await notion.list() : [];
        return body.map((block) => block.type);
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toEqual(expect.arrayContaining(["callout", "heading_2", "paragraph", "bulleted_list_item", "code"]));
  expect(body[0]).toMatchObject({ type: "callout", text: expect.stringContaining(url) });
  expect(body.some((block) => block.text.includes("zymurgical"))).toBe(true);

  // A word only the body has: found, with the passage it is in.
  await page.getByRole("searchbox", { name: "Search bookmarks" }).fill("zymurgical");
  const snippet = rowOf(page).getByTestId("content-snippet");
  await expect(snippet).toContainText("appears only in this body", { timeout: 20_000 });
  await expect(snippet.locator("mark")).toHaveText("zymurgical");
  await expectNoAxeViolations(page, "search with a content snippet");
  await screensAtWidths(page, "reader-search");

  // The row's content menu says where the content stands and opens the reader.
  await rowOf(page).hover();
  await rowOf(page).getByRole("button", { name: "Readable content" }).click();
  await expect(page.getByTestId("content-state")).toContainText("Readable content saved");
  await expect(page.getByRole("menuitem", { name: "Refresh content" })).toBeVisible();
  // No axe pass with the menu open: axe flags the page a Radix modal menu hides behind it (aria-hidden-focus).
  await page.screenshot({ path: "test-results/screens/reader-menu-1280-light.png" });
  await page.getByRole("menuitem", { name: "Read" }).click();

  await page.waitForURL(`**/w/${workspaceId}/read/**`);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(/The word zymurgical appears only in this body/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(page.locator("article pre code").first()).toBeVisible();
  // Pictures of other sites are never loaded: every image on the page is Shelf's own (or the avatar's data: URL).
  for (const src of await page.locator("img").evaluateAll((images) => images.map((img) => (img as HTMLImageElement).src))) {
    expect(src.startsWith("data:") || new URL(src).origin === appUrl, src).toBe(true);
  }
  await expectNoAxeViolations(page, "reader view");
  await screensAtWidths(page, "reader-view");
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll at 360 px").toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("link", { name: "Bookmarks" }).first().click();
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);

  // A note typed into the page in Notion: Refresh content stops rather than replace it, and replacing asks first.
  await notion!.append("My own note about logs");
  const openMenu = async () => {
    await rowOf(page).hover();
    await rowOf(page).getByRole("button", { name: "Readable content" }).click();
  };
  await openMenu();
  await page.getByRole("menuitem", { name: "Refresh content" }).click();
  await expect(page.getByText("Shelf is saving the page's content into Notion in the background.")).toBeVisible();
  await expect(async () => {
    await page.keyboard.press("Escape");
    await openMenu();
    await expect(page.getByTestId("content-state")).toContainText("Shelf did not write", { timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  expect((await notion!.list()).map((block) => block.text)).toContain("My own note about logs");
  await page.getByRole("menuitem", { name: "Replace the body in Notion…" }).click();
  const dialog = page.getByRole("dialog", { name: "Replace the page's body in Notion?" });
  await expectNoAxeViolations(page, "replace confirmation");
  await dialog.getByRole("button", { name: "Replace" }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => {
      const texts = (await notion!.list()).map((block) => block.text);
      return { note: texts.includes("My own note about logs"), callouts: texts.filter((text) => text.includes(url)).length, length: texts.length };
    }, { timeout: 60_000, intervals: [1000] })
    .toEqual({ note: false, callouts: 1, length: body.length });

  // An id that is not this person's bookmark is not found, like any other.
  await page.goto(`/w/${workspaceId}/read/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
