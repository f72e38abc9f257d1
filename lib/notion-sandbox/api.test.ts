import { collectPaginatedAPI, isFullPage, type DatabaseObjectResponse, type DataSourceObjectResponse, type PageObjectResponse } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CONTENT, SEED_PEOPLE, SEED_WORKSPACES } from "./seed";
import { startTestSandbox } from "./test-support";

const t = await startTestSandbox();
afterAll(() => t.sandbox.stop());

interface Connected {
  notion: ReturnType<typeof t.client>;
  botId: string;
  templatePageId: string;
  databaseId: string;
  dataSourceId: string;
}

/**
 * Ada connects her notebook with the template, then re-authorizes sharing the Research page too
 * (same bot, so it sees both; the second token pair is the live one).
 */
async function connectWithTemplate(): Promise<Connected> {
  await t.admin.reset();
  const template = await t.connect();
  const token = await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] });
  const notion = t.client(token.access_token);
  const templatePageId = template.duplicated_template_id ?? "";
  const children = await notion.blocks.children.list({ block_id: templatePageId });
  const databaseId = children.results.find((b) => "type" in b && b.type === "child_database")?.id ?? "";
  const database = (await notion.databases.retrieve({ database_id: databaseId })) as DatabaseObjectResponse;
  return { notion, botId: token.bot_id, templatePageId, databaseId, dataSourceId: database.data_sources[0]?.id ?? "" };
}

let c: Connected;
beforeEach(async () => {
  c = await connectWithTemplate();
});

const bookmark = (name: string, url: string, tags: string[] = []) => ({
  Name: { title: [{ text: { content: name } }] },
  URL: { url },
  Description: { rich_text: [{ text: { content: `About ${name}` } }] },
  Tags: { multi_select: tags.map((tag) => ({ name: tag })) },
});

describe("users", () => {
  it("answers users/me with the bot and its owner", async () => {
    const me = await c.notion.users.me({});
    expect(me).toMatchObject({ object: "user", id: c.botId, type: "bot", name: "Shelf" });
    expect(me.type === "bot" && "owner" in me.bot && me.bot).toMatchObject({
      owner: { type: "user", user: { id: SEED_PEOPLE.ada.id } },
      workspace_id: SEED_WORKSPACES.notebook.id,
      workspace_name: "Ada's Notebook",
    });
  });

  it("lists the workspace's people and bots and retrieves one", async () => {
    const users = await collectPaginatedAPI(c.notion.users.list, { page_size: 1 });
    expect(users.map((u) => u.id)).toEqual(expect.arrayContaining([SEED_PEOPLE.ada.id, c.botId]));
    expect(users.map((u) => u.id)).not.toContain(SEED_PEOPLE.grace.id);
    await expect(c.notion.users.retrieve({ user_id: SEED_PEOPLE.ada.id })).resolves.toMatchObject({ type: "person", person: { email: "ada@example.com" } });
    await expect(c.notion.users.retrieve({ user_id: SEED_PEOPLE.grace.id })).rejects.toMatchObject({ code: "object_not_found" });
  });
});

describe("pages", () => {
  it("creates, retrieves, updates and trashes a row", async () => {
    const created = await c.notion.pages.create({ parent: { data_source_id: c.dataSourceId }, properties: bookmark("Sandbox", "https://example.com/s", ["dev"]) });
    expect(created).toMatchObject({
      object: "page",
      parent: { type: "data_source_id", data_source_id: c.dataSourceId, database_id: c.databaseId },
      in_trash: false,
      archived: false,
      created_by: { object: "user", id: c.botId },
    });
    const page = (await c.notion.pages.retrieve({ page_id: created.id })) as PageObjectResponse;
    expect(page.properties.URL).toMatchObject({ type: "url", url: "https://example.com/s" });
    expect(page.properties.Tags).toMatchObject({ type: "multi_select", multi_select: [{ name: "dev", color: "default" }] });
    expect(page.properties.Created).toMatchObject({ type: "created_time", created_time: expect.stringMatching(/:00\.000Z$/) });

    const updated = (await c.notion.pages.update({ page_id: created.id, properties: { Name: { title: [{ text: { content: "Renamed" } }] } } })) as PageObjectResponse;
    expect(updated.properties.Name).toMatchObject({ title: [{ plain_text: "Renamed" }] });
    const trashed = await c.notion.pages.update({ page_id: created.id, in_trash: true });
    expect(trashed).toMatchObject({ in_trash: true, archived: true });
    await expect(c.notion.pages.update({ page_id: created.id, properties: { URL: { url: null } } })).rejects.toMatchObject({ code: "validation_error" });
    await expect(c.notion.pages.update({ page_id: created.id, archived: false })).resolves.toMatchObject({ in_trash: false });
  });

  it("adds new multi_select names to the schema", async () => {
    await c.notion.pages.create({ parent: { data_source_id: c.dataSourceId }, properties: bookmark("Tagged", "https://example.com/t", ["brand-new"]) });
    const dataSource = (await c.notion.dataSources.retrieve({ data_source_id: c.dataSourceId })) as DataSourceObjectResponse;
    const tags = dataSource.properties.Tags;
    expect(tags?.type === "multi_select" && tags.multi_select.options.map((o) => o.name)).toContain("brand-new");
  });

  it("accepts a database_id parent for a single-source database and returns filter_properties only", async () => {
    const created = await c.notion.pages.create({ parent: { database_id: c.databaseId }, properties: bookmark("Via database", "https://example.com/d") });
    const page = (await c.notion.pages.retrieve({ page_id: created.id, filter_properties: ["title"] })) as PageObjectResponse;
    expect(Object.keys(page.properties)).toEqual(["Name"]);
  });

  it("drops `archived` and refuses it in requests with 2026-03-11", async () => {
    const latest = t.client((await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] })).access_token, { notionVersion: "2026-03-11" });
    const page = await latest.pages.retrieve({ page_id: SEED_CONTENT.notebook.researchPageId });
    expect(page).toHaveProperty("in_trash", false);
    expect(page).not.toHaveProperty("archived");
    await expect(latest.pages.update({ page_id: SEED_CONTENT.notebook.researchPageId, archived: true })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("creates a child page with paragraph children", async () => {
    const child = await c.notion.pages.create({
      parent: { page_id: c.templatePageId },
      properties: { title: { title: [{ text: { content: "Notes" } }] } },
      children: [{ paragraph: { rich_text: [{ text: { content: "Hello" } }] } }],
    });
    const blocks = await c.notion.blocks.children.list({ block_id: child.id });
    expect(blocks.results).toMatchObject([{ type: "paragraph", paragraph: { rich_text: [{ plain_text: "Hello" }] } }]);
    const parentBlocks = await c.notion.blocks.children.list({ block_id: c.templatePageId });
    expect(parentBlocks.results.map((b) => ("type" in b ? b.type : ""))).toEqual(["paragraph", "child_database", "child_page"]);
    await expect(c.notion.blocks.retrieve({ block_id: child.id })).resolves.toMatchObject({ type: "child_page", child_page: { title: "Notes" } });
  });
});

describe("databases and data sources", () => {
  it("retrieves a database with its data sources and the data source schema", async () => {
    const database = (await c.notion.databases.retrieve({ database_id: c.databaseId })) as DatabaseObjectResponse;
    expect(database).toMatchObject({ object: "database", parent: { type: "page_id", page_id: c.templatePageId }, data_sources: [{ id: c.dataSourceId, name: "Bookmarks" }] });
    expect(database).not.toHaveProperty("properties");
    const dataSource = await c.notion.dataSources.retrieve({ data_source_id: c.dataSourceId });
    expect(dataSource).toMatchObject({ object: "data_source", parent: { type: "database_id", database_id: c.databaseId }, properties: { Name: { id: "title", type: "title" } } });
  });

  it("creates a database with initial_data_source and updates it", async () => {
    const database = (await c.notion.databases.create({
      parent: { type: "page_id", page_id: SEED_CONTENT.notebook.researchPageId },
      title: [{ text: { content: "Links" } }],
      initial_data_source: { properties: { Title: { title: {} }, Link: { url: {} }, Labels: { multi_select: { options: [{ name: "a", color: "red" }] } } } },
    })) as DatabaseObjectResponse;
    expect(database.data_sources).toHaveLength(1);
    const updated = await c.notion.databases.update({ database_id: database.id, title: [{ text: { content: "Links 2" } }], in_trash: true });
    expect(updated).toMatchObject({ in_trash: true, title: [{ plain_text: "Links 2" }] });
  });

  it("updates a data source schema: add, rename, delete", async () => {
    const updated = (await c.notion.dataSources.update({
      data_source_id: c.dataSourceId,
      properties: { Rating: { number: {} }, Description: { name: "Summary" }, Created: null },
    })) as DataSourceObjectResponse;
    expect(Object.keys(updated.properties).sort()).toEqual(["Name", "Rating", "Summary", "Tags", "URL"]);
  });

  it("hides what is not shared: 404 object_not_found", async () => {
    await expect(c.notion.databases.retrieve({ database_id: SEED_CONTENT.notebook.tasksDatabaseId })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
    await expect(c.notion.dataSources.query({ data_source_id: SEED_CONTENT.notebook.tasksDataSourceId })).rejects.toMatchObject({ code: "object_not_found" });
    await expect(c.notion.pages.retrieve({ page_id: SEED_CONTENT.engines.wikiPageId })).rejects.toMatchObject({ code: "object_not_found" });
  });
});

describe("search", () => {
  it("finds shared pages and data sources by title, filters by object, sorts and paginates", async () => {
    const all = await c.notion.search({});
    const titles = all.results.map((r) => r.object);
    expect(titles).toEqual(expect.arrayContaining(["page", "data_source"]));
    const dataSources = await c.notion.search({ filter: { property: "object", value: "data_source" } });
    expect(dataSources.results.map((r) => r.id).sort()).toEqual([c.dataSourceId, SEED_CONTENT.notebook.readingListDataSourceId].sort());
    const reading = await c.notion.search({ query: "READING", filter: { property: "object", value: "data_source" } });
    expect(reading.results.map((r) => r.id)).toEqual([SEED_CONTENT.notebook.readingListDataSourceId]);

    const ascending = await collectPaginatedAPI(c.notion.search, { sort: { timestamp: "last_edited_time", direction: "ascending" }, page_size: 2 });
    const pages = ascending.filter(isFullPage);
    expect(ascending.length).toBe(all.results.length);
    expect(pages.map((p) => p.last_edited_time)).toEqual([...pages.map((p) => p.last_edited_time)].sort());
    expect(ascending.map((r) => r.id)).not.toContain(SEED_CONTENT.notebook.tasksDatabaseId);
  });
});
