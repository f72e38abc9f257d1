/**
 * Databases, data sources, block children and search as Shelf uses them (setup: find the template's
 * database, list candidates and parent pages, create "Bookmarks"). Runs on the sandbox and, with
 * `npm run test:live`, on Notion; where the two are known to differ, see "Differences from Notion"
 * in ../README.md.
 */
import { randomUUID } from "node:crypto";
import { collectPaginatedAPI, isFullBlock, isFullPage, type DatabaseObjectResponse, type DataSourceObjectResponse } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget } from "./target";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

let bookmarks: { databaseId: string; dataSourceId: string };
beforeAll(async () => {
  bookmarks = await target.createBookmarksDatabase("databases");
});

describe("databases and data sources", () => {
  it("creates a database under a page: the database lists its data source, the data source holds the schema", async () => {
    const database = (await notion.databases.retrieve({ database_id: bookmarks.databaseId })) as DatabaseObjectResponse;
    expect(database).toMatchObject({
      object: "database",
      parent: { type: "page_id", page_id: target.parentPageId },
      in_trash: false,
      data_sources: [{ id: bookmarks.dataSourceId, name: expect.any(String) }],
    });
    expect(database).not.toHaveProperty("properties");
    const dataSource = (await notion.dataSources.retrieve({ data_source_id: bookmarks.dataSourceId })) as DataSourceObjectResponse;
    expect(dataSource).toMatchObject({
      object: "data_source",
      parent: { type: "database_id", database_id: bookmarks.databaseId },
      in_trash: false,
      properties: {
        Name: { id: "title", type: "title" },
        URL: { type: "url" },
        Description: { type: "rich_text" },
        Tags: { type: "multi_select", multi_select: { options: [] } },
        Saved: { type: "date" },
        Created: { type: "created_time" },
      },
    });
  });

  it("lists the database among the page's children as a child_database block", async () => {
    const children = await collectPaginatedAPI(notion.blocks.children.list, { block_id: target.parentPageId });
    const block = children.filter(isFullBlock).find((b) => b.id === bookmarks.databaseId);
    expect(block).toMatchObject({ type: "child_database", in_trash: false });
  });

  it("renames, trashes and restores a database", async () => {
    const other = await target.createBookmarksDatabase("rename");
    const renamed = await notion.databases.update({ database_id: other.databaseId, title: [{ text: { content: "Renamed by the contract suite" } }] });
    expect(renamed).toMatchObject({ title: [{ plain_text: "Renamed by the contract suite" }] });
    await expect(notion.databases.update({ database_id: other.databaseId, in_trash: true })).resolves.toMatchObject({ in_trash: true });
    await expect(notion.databases.retrieve({ database_id: other.databaseId })).resolves.toMatchObject({ in_trash: true });
    await expect(notion.databases.update({ database_id: other.databaseId, in_trash: false })).resolves.toMatchObject({ in_trash: false });
  });

  it("updates a data source schema: add, rename, delete", async () => {
    const other = await target.createBookmarksDatabase("schema");
    const updated = (await notion.dataSources.update({
      data_source_id: other.dataSourceId,
      properties: { Rating: { number: {} }, Description: { name: "Summary" }, Created: null },
    })) as DataSourceObjectResponse;
    expect(Object.keys(updated.properties).sort()).toEqual(["Name", "Rating", "Saved", "Summary", "Tags", "URL"]);
  });

  it("adds a date property by a data source update, and a page's date-time reads back as the same instant", async () => {
    // What setup does for a chosen database without Saved (lib/notion/database.ts addSavedProperty);
    // live, this shows what precision Notion keeps (docs/decisions/030).
    const other = await target.createBookmarksDatabase("saved-date");
    const updated = (await notion.dataSources.update({ data_source_id: other.dataSourceId, properties: { Saved: null } })) as DataSourceObjectResponse;
    expect(updated.properties).not.toHaveProperty("Saved");
    const added = (await notion.dataSources.update({ data_source_id: other.dataSourceId, properties: { Saved: { date: {} } } })) as DataSourceObjectResponse;
    expect(added.properties.Saved).toMatchObject({ type: "date" });

    const start = "2023-03-05T07:06:40.123Z";
    const page = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: other.dataSourceId },
      properties: { Name: { title: [{ text: { content: "Dated" } }] }, Saved: { date: { start } } },
    });
    const read = await notion.pages.retrieve({ page_id: page.id });
    const saved = isFullPage(read) ? read.properties.Saved : undefined;
    expect(saved?.type === "date" && saved.date ? Date.parse(saved.date.start) : null).toBe(Date.parse(start));
  });

  it("answers object_not_found for ids it does not know", async () => {
    const unknown = randomUUID();
    await expect(notion.databases.retrieve({ database_id: unknown })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
    await expect(notion.dataSources.query({ data_source_id: unknown })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
    await expect(notion.pages.retrieve({ page_id: unknown })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
  });
});

describe("search", () => {
  it("finds the data source by title (case-insensitive) with the data_source filter", async () => {
    const found = await target.eventually(
      () => collectPaginatedAPI(notion.search, { query: "SHELF CONTRACT TEST: DATABASES", filter: { property: "object", value: "data_source" } }),
      (results) => results.some((r) => r.id === bookmarks.dataSourceId),
    );
    expect(found.map((r) => r.id)).toContain(bookmarks.dataSourceId);
    expect(found.every((r) => r.object === "data_source")).toBe(true);
  });

  it("finds the shared page with the page filter", async () => {
    const found = await target.eventually(
      () => collectPaginatedAPI(notion.search, { filter: { property: "object", value: "page" } }),
      (results) => results.some((r) => r.id === target.parentPageId),
    );
    expect(found.map((r) => r.id)).toContain(target.parentPageId);
    expect(found.every((r) => r.object === "page")).toBe(true);
  });

  it("sorts by last_edited_time and paginates with cursors", async () => {
    const first = await notion.search({ page_size: 1 });
    expect(first).toMatchObject({ object: "list", results: [expect.anything()] });
    const ascending = await collectPaginatedAPI(notion.search, { sort: { timestamp: "last_edited_time", direction: "ascending" }, page_size: 2 });
    const times = ascending.filter(isFullPage).map((p) => p.last_edited_time);
    expect(times).toEqual([...times].sort());
    expect(new Set(ascending.map((r) => r.id)).size).toBe(ascending.length);
  });
});
