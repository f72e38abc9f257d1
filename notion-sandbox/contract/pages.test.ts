/**
 * Rows as the outbox writes them: create in a data source, read back, update, trash and restore.
 * Runs on the sandbox and, with `npm run test:live`, on Notion; known differences are listed
 * under "Differences from Notion" in ../README.md.
 */
import type { DataSourceObjectResponse, PageObjectResponse } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget } from "./target";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

let bookmarks: { databaseId: string; dataSourceId: string };
let botId: string;
beforeAll(async () => {
  bookmarks = await target.createBookmarksDatabase("pages");
  botId = (await notion.users.me({})).id;
});

const bookmark = (name: string, url: string, tags: string[] = []) => ({
  Name: { title: [{ text: { content: name } }] },
  URL: { url },
  Description: { rich_text: [{ text: { content: `About ${name}` } }] },
  Tags: { multi_select: tags.map((tag) => ({ name: tag })) },
});

describe("pages", () => {
  it("creates, retrieves, updates, trashes and restores a row", async () => {
    const created = await notion.pages.create({ parent: { data_source_id: bookmarks.dataSourceId }, properties: bookmark("Sandbox", "https://example.com/s", ["dev"]) });
    expect(created).toMatchObject({
      object: "page",
      parent: { type: "data_source_id", data_source_id: bookmarks.dataSourceId, database_id: bookmarks.databaseId },
      in_trash: false,
      archived: false,
      created_by: { object: "user", id: botId },
      url: expect.stringMatching(/^https:\/\//),
    });
    const page = (await notion.pages.retrieve({ page_id: created.id })) as PageObjectResponse;
    expect(page.properties.Name).toMatchObject({ type: "title", title: [{ type: "text", plain_text: "Sandbox", text: { content: "Sandbox" } }] });
    expect(page.properties.URL).toMatchObject({ type: "url", url: "https://example.com/s" });
    expect(page.properties.Description).toMatchObject({ type: "rich_text", rich_text: [{ plain_text: "About Sandbox" }] });
    expect(page.properties.Tags).toMatchObject({ type: "multi_select", multi_select: [{ name: "dev", color: expect.any(String) }] });
    // Minute precision: "Times" under Differences from Notion in ../README.md.
    expect(page.properties.Created).toMatchObject({ type: "created_time", created_time: expect.stringMatching(/:00\.000Z$/) });

    const updated = (await notion.pages.update({
      page_id: created.id,
      properties: { Name: { title: [{ text: { content: "Renamed" } }] }, Description: { rich_text: [] }, Tags: { multi_select: [] } },
    })) as PageObjectResponse;
    expect(updated.properties).toMatchObject({ Name: { title: [{ plain_text: "Renamed" }] }, Description: { rich_text: [] }, Tags: { multi_select: [] } });

    const trashed = await notion.pages.update({ page_id: created.id, in_trash: true });
    expect(trashed).toMatchObject({ in_trash: true, archived: true });
    await expect(notion.pages.update({ page_id: created.id, properties: { URL: { url: null } } })).rejects.toMatchObject({ code: "validation_error" });
    await expect(notion.pages.update({ page_id: created.id, archived: false })).resolves.toMatchObject({ in_trash: false });
  });

  it("sets a row's icon and cover as external files with its properties, and keeps them on later updates", async () => {
    const created = await notion.pages.create({ parent: { data_source_id: bookmarks.dataSourceId }, properties: bookmark("Pictured", "https://example.com/p") });
    const icon = { type: "external" as const, external: { url: "https://example.com/favicon.png" } };
    const cover = { type: "external" as const, external: { url: "https://example.com/og.jpg" } };
    const updated = await notion.pages.update({ page_id: created.id, properties: bookmark("Pictured", "https://example.com/p"), icon, cover });
    expect(updated).toMatchObject({ icon, cover });
    // An update that names neither (the next edit) leaves them alone.
    await notion.pages.update({ page_id: created.id, properties: { Name: { title: [{ text: { content: "Renamed" } }] } } });
    expect(await notion.pages.retrieve({ page_id: created.id })).toMatchObject({ icon, cover });
  });

  it("adds new multi_select names to the schema", async () => {
    await notion.pages.create({ parent: { data_source_id: bookmarks.dataSourceId }, properties: bookmark("Tagged", "https://example.com/t", ["brand-new"]) });
    const dataSource = (await notion.dataSources.retrieve({ data_source_id: bookmarks.dataSourceId })) as DataSourceObjectResponse;
    const tags = dataSource.properties.Tags;
    expect(tags?.type === "multi_select" && tags.multi_select.options.map((o) => o.name)).toContain("brand-new");
  });

  it("accepts a database_id parent for a single-source database and returns filter_properties only", async () => {
    const created = await notion.pages.create({ parent: { database_id: bookmarks.databaseId }, properties: bookmark("Via database", "https://example.com/d") });
    const page = (await notion.pages.retrieve({ page_id: created.id, filter_properties: ["title"] })) as PageObjectResponse;
    expect(Object.keys(page.properties)).toEqual(["Name"]);
  });

  it("drops `archived` and refuses it in requests with 2026-03-11", async () => {
    const row = await notion.pages.create({ parent: { data_source_id: bookmarks.dataSourceId }, properties: bookmark("Versioned", "https://example.com/v") });
    const latest = target.client({ notionVersion: "2026-03-11" });
    const page = await latest.pages.retrieve({ page_id: row.id });
    expect(page).toHaveProperty("in_trash", false);
    expect(page).not.toHaveProperty("archived");
    await expect(latest.pages.update({ page_id: row.id, archived: true })).rejects.toMatchObject({ code: "validation_error" });
  });
});
