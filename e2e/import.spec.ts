import fs from "node:fs";
import path from "node:path";
import type { Download, Page } from "@playwright/test";
import { expectNoAxeViolations, setScheme } from "./axe";
import { expect, sandbox, signIn, test } from "./fixtures";
import { notionRows } from "./notion";

// Grace's Analytical Engines: connection.spec disconnects it before this file runs, and no later
// spec looks at it, so the bookmarks imported here disturb no one.
test.describe.configure({ mode: "serial" });

const AUTH_STATE = path.join("e2e", ".artifacts", "import-grace.json");
fs.mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
if (!fs.existsSync(AUTH_STATE)) fs.writeFileSync(AUTH_STATE, JSON.stringify({ cookies: [], origins: [] }));
test.use({ storageState: AUTH_STATE });

let workspaceId = "";
const importPage = () => `/w/${workspaceId}/import`;

const IMPORTED = Array.from({ length: 30 }, (_, n) => ({ url: `https://import-e2e.example/${n}`, title: `Imported ${n}` }));

/** A browser export: 30 bookmarks in a folder, two of them again, and one that is not a web address. */
const FILE = [
  "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
  '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
  "<TITLE>Bookmarks</TITLE>",
  "<H1>Bookmarks</H1>",
  "<DL><p>",
  '  <DT><H3 ADD_DATE="1600000000">Reading</H3>',
  "  <DL><p>",
  ...IMPORTED.map((b) => `    <DT><A HREF="${b.url}" ADD_DATE="1600000000" TAGS="e2e">${b.title}</A>`),
  `    <DT><A HREF="${IMPORTED[0]!.url}/">Imported 0 again</A>`,
  `    <DT><A HREF="${IMPORTED[1]!.url}?utm_source=feed">Imported 1 again</A>`,
  '    <DT><A HREF="javascript:alert(1)">Not a link</A>',
  "  </DL><p>",
  "</DL><p>",
].join("\n");

/** At a phone's 360 px the page must not scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize(size);
}

async function downloadText(download: Download): Promise<string> {
  return fs.promises.readFile((await download.path())!, "utf8");
}

const progressValue = async (page: Page) => Number(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow"));

test("the import page is in the workspace nav and refuses a file over 20 MB before sending it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  workspaceId = await signIn(page, "grace", "engines");
  await expect(page.getByRole("heading", { name: "Bookmarks", level: 1 })).toBeVisible();
  await context.storageState({ path: AUTH_STATE });

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Import & export" }).click();
  await page.waitForURL(`**${importPage()}`);
  await expect(page.getByRole("link", { name: "Import & export" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No imports yet.")).toBeVisible();

  const actions: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-action"]) actions.push(request.url());
  });
  await page.getByLabel("Bookmarks file").setInputFiles({ name: "huge.html", mimeType: "text/html", buffer: Buffer.alloc(21 * 1024 * 1024, "a") });
  await expect(page.getByRole("alert").filter({ hasText: "larger than 20 MB" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview import" })).toBeDisabled();
  expect(actions).toEqual([]);
  await expectNoAxeViolations(page, "upload form");
  await expectNoSidewaysScroll(page);
  await context.close();
});

test("a browser file is previewed, imported with a moving progress bar, paused and resumed, and reported", async ({ page }) => {
  await page.goto(importPage());
  await page.getByLabel("Bookmarks file").setInputFiles({ name: "chrome-bookmarks.html", mimeType: "text/html", buffer: Buffer.from(FILE) });
  await page.getByLabel(/Use folder names as tags/).check();
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.waitForURL(/\/import\?job=/);

  await expect(page.getByTestId("count-new")).toHaveText("30");
  await expect(page.getByTestId("count-existing")).toHaveText("0");
  await expect(page.getByTestId("count-duplicate")).toHaveText("2");
  await expect(page.getByTestId("count-invalid")).toHaveText("1");
  await expect(page.getByTestId("import-format")).toHaveText("Browser bookmarks (HTML)");
  await expect(page.getByTestId("import-encoding")).toHaveText(" · UTF-8");
  await expect(page.getByText("Only http and https addresses can be saved; this one starts with “javascript:”.")).toBeVisible();
  await expectNoAxeViolations(page, "preview");

  // The e2e server's Notion budget is high (e2e/serve.ts), so Notion is slowed for this import:
  // 30 creates take seconds, long enough to watch the bar move and to pause.
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await sandbox.setLatency({ fixedMs: 400 });
  try {
    await page.getByRole("button", { name: "Import 30 bookmarks" }).click();
    await expect(bar).toHaveAttribute("aria-valuemax", "30");
    await expect.poll(() => progressValue(page), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await progressValue(page);
    await expect.poll(() => progressValue(page), { timeout: 20_000 }).toBeGreaterThan(first);
    expect(await progressValue(page)).toBeLessThan(30);

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("import-headline")).toContainText("Paused");
    await expectNoAxeViolations(page, "paused");
    await page.getByRole("button", { name: "Resume" }).click();
    // What was queued before the pause keeps arriving, so the rest may be done as soon as it resumes.
    await expect(page.getByTestId("import-headline")).toHaveText(/^(Importing…|Import finished\.)$/);
  } finally {
    await sandbox.setLatency({ fixedMs: 0 });
  }

  await expect(page.getByTestId("import-headline")).toHaveText("Import finished.", { timeout: 45_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "30");
  await expect(page.getByTestId("import-progress")).toContainText("30 saved");
  await expect(page.getByTestId("import-progress")).toContainText("0 failed");

  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the report (CSV)" }).click()]);
  expect(report.suggestedFilename()).toBe("chrome-bookmarks-not-imported.csv");
  expect(await downloadText(report)).toContain("javascript:alert(1),Not a link,Reading,Only http and https addresses can be saved; this one starts with “javascript:”.");
  await expect(page.getByTestId("import-history")).toContainText("Finished · 30 of 30 saved");
  await expectNoAxeViolations(page, "report");
  await expectNoSidewaysScroll(page);

  const urls = (await notionRows("grace", "engines")).flatMap((row) => (row.url ? [row.url] : []));
  expect(urls.filter((u) => u.startsWith("https://import-e2e.example/")).sort()).toEqual(IMPORTED.map((b) => b.url).sort());
});

const SCREENS = path.join("test-results", "screens");

/** The preview at a phone's and a desktop's width, light and dark, to look at. */
async function previewScreenshots(page: Page, name: string) {
  const size = page.viewportSize()!;
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await setScheme(page, colorScheme);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${width}-${colorScheme}.png`), fullPage: true, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(size);
}

/** Imports one file through the screen and waits for the end; the preview must name `format`. */
async function importFile(page: Page, file: { name: string; mimeType: string; body: string }, format: string, expectedNew: number, screens = false) {
  await page.goto(importPage());
  await page.getByLabel("Bookmarks file").setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.body) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.waitForURL(/\/import\?job=/);
  await expect(page.getByTestId("import-format")).toHaveText(format);
  await expect(page.getByTestId("count-new")).toHaveText(String(expectedNew));
  // Another format of the same kind can be chosen instead.
  await expect(page.getByLabel("Not what the file is?")).toBeVisible();
  await expectNoAxeViolations(page, `${format} preview`);
  if (screens) await previewScreenshots(page, `import-preview-${file.name.replace(/\W+/g, "-")}`);
  await page.getByRole("button", { name: `Import ${expectedNew} bookmark${expectedNew === 1 ? "" : "s"}` }).click();
  await expect(page.getByTestId("import-headline")).toHaveText("Import finished.", { timeout: 45_000 });
}

test("a Pinboard JSON and an Instapaper CSV arrive in Notion with their own tags", async ({ page }) => {
  // Two imports end to end, each waiting for Notion.
  test.slow();
  const pinboard = JSON.stringify([
    { href: "https://pinboard-e2e.example/go", description: "Go on Pinboard", extended: "A note", time: "2021-03-04T05:06:07Z", shared: "no", toread: "no", tags: "go programming" },
    { href: "https://pinboard-e2e.example/none", description: "Untagged pin", extended: "", time: "2021-03-05T05:06:07Z", shared: "no", toread: "yes", tags: "" },
  ]);
  await importFile(page, { name: "pinboard_export.json", mimeType: "application/json", body: pinboard }, "Pinboard JSON", 2);

  const instapaper = [
    "URL,Title,Selection,Folder,Timestamp,Tags",
    'https://instapaper-e2e.example/a,Insta A,,Unread,1700000000,"[""go"",""rust""]"',
    "https://instapaper-e2e.example/b,Insta B,,Archive,1700000100,[]",
  ].join("\n");
  await importFile(page, { name: "instapaper-export.csv", mimeType: "text/csv", body: instapaper }, "Instapaper CSV", 2, true);

  const rows = await notionRows("grace", "engines");
  const tagsOf = (url: string) => rows.find((row) => row.url === url)?.tags.sort();
  expect(rows.find((row) => row.url === "https://pinboard-e2e.example/go")).toMatchObject({ name: "Go on Pinboard", description: "A note" });
  expect(tagsOf("https://pinboard-e2e.example/go")).toEqual(["go", "programming"]);
  expect(tagsOf("https://pinboard-e2e.example/none")).toEqual([]);
  expect(tagsOf("https://instapaper-e2e.example/a")).toEqual(["go", "rust"]);
  expect(tagsOf("https://instapaper-e2e.example/b")).toEqual([]);
});

test("the report of another person's or a made-up import is not found", async ({ page, browser }) => {
  await page.goto(importPage());
  const jobLink = page.getByTestId("import-history").getByRole("link").first();
  const jobId = new URL((await jobLink.getAttribute("href"))!, "http://x").searchParams.get("job")!;
  expect((await page.request.get(`/w/${workspaceId}/import/not-a-job/report`)).status()).toBe(404);
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await stranger.request.get(`/w/${workspaceId}/import/${jobId}/report`)).status()).toBe(404);
  expect((await stranger.request.get(`/w/${workspaceId}/export?format=csv`)).status()).toBe(404);
  await stranger.close();
});

test("the workspace exports as browser bookmarks and as CSV", async ({ page }) => {
  await page.goto(importPage());
  const [html] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download export" }).click()]);
  expect(html.suggestedFilename()).toMatch(/^shelf-bookmarks-\d{4}-\d{2}-\d{2}\.html$/);
  const htmlText = await downloadText(html);
  expect(htmlText).toContain("<!DOCTYPE NETSCAPE-Bookmark-file-1>");
  expect(htmlText).toContain('HREF="https://import-e2e.example/29"');

  await page.getByLabel("CSV").check();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download export" }).click()]);
  const lines = (await downloadText(csv)).trim().split(/\r?\n/);
  expect(lines[0]).toBe("url,title,description,tags,created");
  expect(lines.filter((line) => line.startsWith("https://import-e2e.example/"))).toHaveLength(30);
});
