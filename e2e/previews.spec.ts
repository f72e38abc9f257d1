// Site icons and preview images end to end, on a second server of the production build with
// link metadata on (the main one keeps it off: its specs save example addresses) and its own
// sandbox, so the fetches reach only the local test servers started here.
import type { Page } from "@playwright/test";
import { SandboxAdmin } from "../notion-sandbox";
import { startTestServer, type TestServer } from "../test/http-servers";
import { jpegOf, pngOf } from "../test/images";
import { pageReadingApp } from "./app-server";
import { expectNoAxeViolations, screensAtWidths } from "./axe";
import { expect, SEED_PEOPLE, SEED_WORKSPACES, signIn, test } from "./fixtures";

const server = pageReadingApp("previews", 2);
const appUrl = server.url;

let good: TestServer;
let bad: TestServer;

const html = (title: string, head: string) => `<!doctype html><html><head><title>${title}</title>${head}</head><body></body></html>`;

test.use({ baseURL: appUrl });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [icon, cover, favicon] = await Promise.all([pngOf(64, "#2f6fdf"), jpegOf(1200, 630), pngOf(32, "#999999")]);
  good = await startTestServer((request, response) => {
    const files: Record<string, [string, Buffer]> = { "/icon.png": ["image/png", icon], "/og.jpg": ["image/jpeg", cover] };
    const file = files[request.url ?? ""];
    if (file) {
      response.writeHead(200, { "content-type": file[0] });
      return response.end(file[1]);
    }
    response.writeHead(200, { "content-type": "text/html" });
    response.end(html("Analytical Engine notes", `<link rel="icon" href="/icon.png" sizes="64x64"><meta property="og:image" content="/og.jpg">`));
  });
  // Another site: every picture it names is too big, not a picture, or on a private address.
  bad = await startTestServer((request, response) => {
    const pages: Record<string, string> = {
      "/oversized": html("Oversized pictures", `<link rel="icon" href="/huge.png"><meta property="og:image" content="/huge.png">`),
      "/mislabelled": html("Mislabelled pictures", `<link rel="icon" href="/page.png"><meta property="og:image" content="/page.png">`),
      "/private": html("Private pictures", `<link rel="icon" href="http://10.0.0.1/icon.png"><meta property="og:image" content="http://169.254.169.254/latest/meta-data/">`),
    };
    if (request.url === "/huge.png") {
      response.writeHead(200, { "content-type": "image/png" });
      return response.end(Buffer.concat([favicon, Buffer.alloc(2 * 1024 * 1024)]));
    }
    if (request.url === "/page.png") {
      response.writeHead(200, { "content-type": "image/png" });
      return response.end("<html><script>alert(1)</script></html>");
    }
    const page = pages[request.url ?? ""];
    // No /favicon.ico either: the letter square is all that is left.
    response.writeHead(page ? 200 : 404, { "content-type": "text/html" });
    response.end(page ?? "");
  });
  await server.start();
});

test.afterAll(async () => {
  await Promise.all([good?.close(), bad?.close(), server.stop()]);
});

const rowOf = (page: Page, title: string) => page.locator("li[data-bookmark-id]").filter({ hasText: title });

async function save(page: Page, url: string, title: string) {
  const field = page.getByRole("form", { name: "New bookmark" }).getByLabel("URL");
  await field.fill(url);
  await field.press("Enter");
  await expect(field).toHaveValue("");
  // The title comes from the page: once it shows, the page (and its pictures) has been read.
  await expect(rowOf(page, title)).toBeVisible({ timeout: 20_000 });
}

const loaded = (image: ReturnType<Page["locator"]>) => image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));

test("a page's icon and og:image show from Shelf's origin, and Notion's page gets them as icon and cover", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "ada", "notebook", "template", server.sandbox.url);
  await save(page, `${good.url}/notes`, "Analytical Engine notes");

  const icon = rowOf(page, "Analytical Engine notes").locator("img").first();
  await expect(icon).toHaveAttribute("src", /^\/img\/\d+\/[0-9a-f]{12}$/);
  expect(await loaded(icon)).toBeGreaterThan(0);
  const src = (await icon.getAttribute("src"))!;
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({
    "content-type": "image/webp",
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=31536000, immutable",
  });
  // Signed out (or anyone else) it is not found.
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await stranger.request.get(`${appUrl}${src}`)).status()).toBe(404);
  await stranger.close();

  // A click landing while the list refreshes (the page is still being read) can be lost; the next one counts.
  await expect(async () => {
    await page.getByRole("button", { name: "Cards with previews" }).click();
    await expect(page.getByTestId("bookmark-list")).toHaveAttribute("data-density", "cards", { timeout: 1000 });
  }).toPass();
  // The card's picture box is the one drawn 600 wide.
  const preview = rowOf(page, "Analytical Engine notes").locator('img[width="600"]');
  await expect(preview).toHaveAttribute("src", /^\/img\//);
  expect(await loaded(preview)).toBe(600);
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole("button", { name: "Cards with previews" })).toHaveAttribute("aria-pressed", "true");

  // Notion holds the pictures' own addresses, never Shelf's.
  const admin = new SandboxAdmin(server.sandbox.url);
  await expect
    .poll(async () => {
      const bot = (await admin.state()).bots.find((b) => b.person_id === SEED_PEOPLE.ada.id && b.workspace_id === SEED_WORKSPACES.notebook.id);
      const { pages } = await admin.visibleTo(bot!.bot_id);
      const notes = pages.find((p) => p.properties.URL?.type === "url" && p.properties.URL.url === `${good.url}/notes`);
      return { icon: notes?.icon, cover: notes?.cover };
    }, { timeout: 20_000 })
    .toEqual({ icon: { type: "external", external: { url: `${good.url}/icon.png` } }, cover: { type: "external", external: { url: `${good.url}/og.jpg` } } });

  await expectNoAxeViolations(page, "card grid with previews");
  await screensAtWidths(page, "previews-cards");
  await page.getByRole("button", { name: "Comfortable list" }).click();
  await expectNoAxeViolations(page, "list with site icons");
  await screensAtWidths(page, "previews-list");
});

test("oversized, mislabelled and private-address pictures fall back to the letter square, logged and never served", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "ada", "notebook", "template", server.sandbox.url);
  await page.getByRole("button", { name: "Cards with previews" }).click();
  for (const [path, title] of [["/oversized", "Oversized pictures"], ["/mislabelled", "Mislabelled pictures"], ["/private", "Private pictures"]] as const) {
    await save(page, `${bad.url}${path}`, title);
    await expect(rowOf(page, title).locator("img")).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Comfortable list" }).click();
  for (const title of ["Oversized pictures", "Mislabelled pictures", "Private pictures"]) await expect(rowOf(page, title).locator("img")).toHaveCount(0);
  const refusals = server.log
    .join("")
    .split("\n")
    .filter((line) => line.includes("link image not used"))
    .map((line) => JSON.parse(line) as { url: string; reason: string });
  expect(refusals).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ url: `${bad.url}/huge.png`, reason: expect.stringMatching(/^too-large/) }),
      expect.objectContaining({ url: `${bad.url}/page.png`, reason: "wrong-type" }),
      expect.objectContaining({ url: "http://169.254.169.254/latest/meta-data/", reason: expect.stringMatching(/^blocked-address/) }),
    ]),
  );
});
