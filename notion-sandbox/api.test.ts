/**
 * What depends on the sandbox's seeded people, template and sharing. Pages, databases, queries and
 * search as Notion answers them are in contract/.
 */
import { collectPaginatedAPI, type DatabaseObjectResponse } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CONTENT, SEED_PEOPLE, SEED_WORKSPACES } from "./seed";
import { startTestSandbox } from "./test/sandbox";

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

describe("child pages", () => {
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
  it("the template's copy is a database under the duplicated page with one data source", async () => {
    const database = (await c.notion.databases.retrieve({ database_id: c.databaseId })) as DatabaseObjectResponse;
    expect(database).toMatchObject({ object: "database", parent: { type: "page_id", page_id: c.templatePageId }, data_sources: [{ id: c.dataSourceId, name: "Bookmarks" }] });
    expect(database).not.toHaveProperty("properties");
    const dataSource = await c.notion.dataSources.retrieve({ data_source_id: c.dataSourceId });
    expect(dataSource).toMatchObject({ object: "data_source", parent: { type: "database_id", database_id: c.databaseId }, properties: { Name: { id: "title", type: "title" } } });
  });

  it("hides what is not shared: 404 object_not_found", async () => {
    await expect(c.notion.databases.retrieve({ database_id: SEED_CONTENT.notebook.tasksDatabaseId })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
    await expect(c.notion.dataSources.query({ data_source_id: SEED_CONTENT.notebook.tasksDataSourceId })).rejects.toMatchObject({ code: "object_not_found" });
    await expect(c.notion.pages.retrieve({ page_id: SEED_CONTENT.engines.wikiPageId })).rejects.toMatchObject({ code: "object_not_found" });
  });
});

describe("search", () => {
  it("finds only what was shared, by title", async () => {
    const all = await c.notion.search({});
    expect(all.results.map((r) => r.object)).toEqual(expect.arrayContaining(["page", "data_source"]));
    expect(all.results.map((r) => r.id)).not.toContain(SEED_CONTENT.notebook.tasksDataSourceId);
    const dataSources = await c.notion.search({ filter: { property: "object", value: "data_source" } });
    expect(dataSources.results.map((r) => r.id).sort()).toEqual([c.dataSourceId, SEED_CONTENT.notebook.readingListDataSourceId].sort());
    const reading = await c.notion.search({ query: "Reading", filter: { property: "object", value: "data_source" } });
    expect(reading.results.map((r) => r.id)).toEqual([SEED_CONTENT.notebook.readingListDataSourceId]);
  });
});
