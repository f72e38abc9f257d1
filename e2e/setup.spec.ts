import { SEED_CONTENT } from "../notion-sandbox";
import { E2E_SANDBOX_URL } from "./env";
import { expect, sandbox, SEED_PEOPLE, SEED_WORKSPACES, signIn, test } from "./fixtures";

// Katherine shares pages instead of duplicating the template: Shelf must ask which database to use.
test.describe.configure({ mode: "serial" });

let workspaceId = "";

async function katherinesBot() {
  const bot = (await sandbox.state()).bots.find(
    (b) => b.person_id === SEED_PEOPLE.katherine.id && b.workspace_id === SEED_WORKSPACES.notebook.id,
  );
  if (!bot) throw new Error("Katherine is not connected");
  return bot.bot_id;
}

async function addBookmark(page: import("@playwright/test").Page, values: { url: string; title: string; description: string; tag: string }) {
  const form = page.getByRole("form", { name: "New bookmark" });
  await form.getByLabel("URL").fill(values.url);
  await form.getByLabel(/^Title/).fill(values.title);
  await form.getByLabel(/^Description/).fill(values.description);
  await form.getByLabel(/^Tags/).fill(values.tag);
  await form.getByLabel(/^Tags/).press("Enter");
  await form.getByRole("button", { name: "Add bookmark" }).click();
  // The form empties once the save is recorded; typing before that would be lost.
  await expect(form.getByLabel("URL")).toHaveValue("");
  await expect(page.locator("li[data-bookmark-id]").filter({ hasText: values.title })).toBeVisible();
}

/** A data source's property types, by name, as Notion holds them. */
async function propertyTypes(dataSourceId: string) {
  const { data_sources } = await sandbox.visibleTo(await katherinesBot());
  const source = data_sources.find((d) => d.id === dataSourceId);
  if (!source) throw new Error(`data source ${dataSourceId} is not visible`);
  return Object.fromEntries(Object.entries(source.properties).map(([name, property]) => [name, property.type]));
}

/** The titles of the clippings on the list, top to bottom. */
const listedClippings = (page: import("@playwright/test").Page) => page.locator("li[data-bookmark-id] a[href^='https://clippings.example']").allInnerTexts();

/** Waits until the outbox has delivered the page, then returns its properties as Notion holds them. */
async function pageInNotion(dataSourceId: string, title: string, titleProperty: string) {
  let found: Record<string, unknown> | undefined;
  await expect(async () => {
    const { pages } = await sandbox.visibleTo(await katherinesBot(), dataSourceId);
    const page = pages.find((p) => {
      const prop = p.properties[titleProperty];
      return prop?.type === "title" && prop.title.map((t) => t.plain_text).join("") === title;
    });
    expect(page).toBeDefined();
    found = page!.properties as Record<string, unknown>;
  }).toPass({ timeout: 15_000 });
  return found!;
}

test("without a template, the dashboard asks for a database and setup lists the ones that fit", async ({ page }) => {
  workspaceId = await signIn(page, "katherine", "notebook", { pages: ["Research"] });
  await expect(page.getByRole("heading", { name: "Choose where your bookmarks live" })).toBeVisible();
  await page.getByRole("link", { name: "Set up your Bookmarks database" }).click();
  await page.waitForURL(`**/w/${workspaceId}/setup`);
  const readingList = page.getByRole("form", { name: "Use Reading list" });
  await expect(readingList).toBeVisible();
  // The suggested mapping of its differently named properties.
  await expect(readingList.getByLabel("Web address")).toHaveValue("Link");
  await expect(readingList.getByLabel("Description")).toHaveValue("Notes");
  await expect(readingList.getByLabel("Tags")).toHaveValue("Topics");
  await page.screenshot({ path: "test-results/screens/setup-light.png", fullPage: true });
});

test("choosing the database with other property names puts bookmarks in the right properties, and Add Saved adds the Saved date", async ({ page }) => {
  const dataSourceId = SEED_CONTENT.notebook.readingListDataSourceId;
  await signIn(page, "katherine", "notebook", { pages: ["Research"] });
  await page.goto(`/w/${workspaceId}/setup`);
  const readingList = page.getByRole("form", { name: "Use Reading list" });
  // It has no Saved date: setup offers to add one, preselected.
  expect(await propertyTypes(dataSourceId)).not.toHaveProperty("Saved");
  await expect(readingList.getByLabel("Saved date").locator("option:checked")).toHaveText("Add “Saved” to the database");
  await readingList.getByRole("button", { name: "Use this database" }).click();
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  // The Reading list's own three rows come over from Notion.
  await expect(page.locator("li[data-bookmark-id]")).toHaveCount(3);

  await addBookmark(page, { url: "https://mapped.example/paper", title: "Mapped paper", description: "In Notes", tag: "mapped" });
  const properties = await pageInNotion(SEED_CONTENT.notebook.readingListDataSourceId, "Mapped paper", "Article");
  expect(properties).toMatchObject({
    Link: { url: "https://mapped.example/paper" },
    Notes: { rich_text: [{ plain_text: "In Notes" }] },
    Topics: { multi_select: [{ name: "mapped" }] },
  });
  // Accepted: the data source has a Saved date now, and the new save wrote it (to the millisecond).
  expect(await propertyTypes(dataSourceId)).toMatchObject({ Saved: "date" });
  const saved = (properties.Saved as { date: { start: string } | null } | undefined)?.date?.start;
  expect(saved).toMatch(/T\d\d:\d\d:\d\d\.\d{3}/);
  expect(Math.abs(Date.parse(saved!) - Date.now())).toBeLessThan(10 * 60_000);
});

test("creating a new Bookmarks database works too", async ({ page }) => {
  await signIn(page, "katherine", "notebook", { pages: ["Research"] });
  await page.goto(`/w/${workspaceId}/setup`);
  await page.getByLabel("Create it inside").selectOption({ label: "Research" });
  await page.getByRole("button", { name: "Create a Bookmarks database" }).click();
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await expect(page.getByTestId("empty-list")).toBeVisible();

  await addBookmark(page, { url: "https://fresh.example/", title: "In the new database", description: "Fresh", tag: "new" });
  const { data_sources } = await sandbox.visibleTo(await katherinesBot());
  const created = data_sources.find((d) => d.title.map((t) => t.plain_text).join("") === "Bookmarks");
  expect(created).toBeDefined();
  const properties = await pageInNotion(created!.id, "In the new database", "Name");
  expect(properties).toMatchObject({ URL: { url: "https://fresh.example/" }, Tags: { multi_select: [{ name: "new" }] } });
});

test("declining Add Saved leaves the database as it is, and the list still sorts stably", async ({ page }) => {
  // A second database without a Saved date, made in Research as a person's own integration would.
  const { token } = await sandbox.addInternalIntegration({ workspace_id: SEED_WORKSPACES.notebook.id, page_ids: [SEED_CONTENT.notebook.researchPageId] });
  const response = await fetch(`${E2E_SANDBOX_URL}/v1/databases`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "notion-version": "2025-09-03", "content-type": "application/json" },
    body: JSON.stringify({
      parent: { type: "page_id", page_id: SEED_CONTENT.notebook.researchPageId },
      title: [{ text: { content: "Clippings" } }],
      initial_data_source: { properties: { Headline: { title: {} }, Address: { url: {} }, Labels: { multi_select: {} } } },
    }),
  });
  expect(response.status).toBe(200);
  const dataSourceId = ((await response.json()) as { data_sources: Array<{ id: string }> }).data_sources[0]!.id;

  await signIn(page, "katherine", "notebook", { pages: ["Research"] });
  await page.goto(`/w/${workspaceId}/setup`);
  const clippings = page.getByRole("form", { name: "Use Clippings" });
  await clippings.getByLabel("Saved date").selectOption({ label: "(none)" });
  await clippings.getByRole("button", { name: "Use this database" }).click();
  await page.waitForURL(`**/w/${workspaceId}/bookmarks`);
  await expect(page.getByTestId("empty-list")).toBeVisible();
  expect(await propertyTypes(dataSourceId)).toEqual({ Headline: "title", Address: "url", Labels: "multi_select" });

  // Saved within one minute, which is all Notion's created time tells apart: Shelf's save order decides.
  const titles = ["Clipping A", "Clipping B", "Clipping C", "Clipping D"];
  for (const title of titles) {
    await addBookmark(page, { url: `https://clippings.example/${title.at(-1)}`, title, description: "", tag: "clip" });
  }
  const newestFirst = [...titles].reverse();
  await expect.poll(() => listedClippings(page)).toEqual(newestFirst);
  for (const title of titles) {
    const properties = await pageInNotion(dataSourceId, title, "Headline");
    expect(properties).not.toHaveProperty("Saved");
  }
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  await expect(page.getByRole("button", { name: "Refresh from Notion" })).toBeEnabled();
  await page.reload();
  await expect.poll(() => listedClippings(page)).toEqual(newestFirst);
  expect(await propertyTypes(dataSourceId)).not.toHaveProperty("Saved");
});
