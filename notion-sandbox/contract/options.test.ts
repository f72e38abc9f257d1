/**
 * A multi_select's options as Shelf's tag screen changes them (docs/decisions/032): PATCH
 * /v1/data_sources/{id} with the property's whole option list. Notion's reference ("Update data
 * source properties"): existing options are given by id, with an optional new name; new names are
 * added; an existing option left out is removed. What that does to the pages carrying an option is
 * what Shelf relies on: a rename shows on every page in one call, a removal leaves every page.
 */
import { isFullPage, type DataSourceObjectResponse, type PageObjectResponse } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget } from "./target";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

let bookmarks: { databaseId: string; dataSourceId: string };
beforeAll(async () => {
  bookmarks = await target.createBookmarksDatabase("options");
});

type Option = { id: string; name: string };

async function tagOptions(dataSourceId: string): Promise<Option[]> {
  const dataSource = (await notion.dataSources.retrieve({ data_source_id: dataSourceId })) as DataSourceObjectResponse;
  const tags = dataSource.properties.Tags;
  return tags?.type === "multi_select" ? tags.multi_select.options.map(({ id, name }) => ({ id, name })) : [];
}

async function pageTags(pageId: string): Promise<string[]> {
  const page = (await notion.pages.retrieve({ page_id: pageId })) as PageObjectResponse;
  const tags = page.properties.Tags;
  return tags?.type === "multi_select" ? tags.multi_select.map((o) => o.name).sort() : [];
}

async function addPage(dataSourceId: string, title: string, tags: string[]): Promise<string> {
  const page = await notion.pages.create({
    parent: { type: "data_source_id", data_source_id: dataSourceId },
    properties: {
      Name: { title: [{ text: { content: title } }] },
      URL: { url: `https://example.com/${encodeURIComponent(title)}` },
      Tags: { multi_select: tags.map((name) => ({ name })) },
    },
  });
  if (!isFullPage(page)) throw new Error("Notion answered a partial page");
  return page.id;
}

const setOptions = (dataSourceId: string, options: Array<{ id?: string; name?: string }>) =>
  notion.dataSources.update({ data_source_id: dataSourceId, properties: { Tags: { multi_select: { options } } } as never });

describe("multi_select options through the data source", () => {
  it("renames an option in place by id: the id stays and every page carrying it shows the new name", async () => {
    const first = await addPage(bookmarks.dataSourceId, "rename one", ["recipes", "keep"]);
    const second = await addPage(bookmarks.dataSourceId, "rename two", ["recipes"]);
    const before = await tagOptions(bookmarks.dataSourceId);
    const recipes = before.find((o) => o.name === "recipes")!;
    await setOptions(
      bookmarks.dataSourceId,
      before.map((o) => (o.id === recipes.id ? { id: o.id, name: "Cooking" } : { id: o.id })),
    );
    const after = await tagOptions(bookmarks.dataSourceId);
    expect(after).toContainEqual({ id: recipes.id, name: "Cooking" });
    expect(after.map((o) => o.name)).not.toContain("recipes");
    expect(await pageTags(first)).toEqual(["Cooking", "keep"]);
    expect(await pageTags(second)).toEqual(["Cooking"]);
  });

  it("removes an option left out of the list, from the property and from every page", async () => {
    const other = await target.createBookmarksDatabase("options removal");
    const page = await addPage(other.dataSourceId, "removal", ["gone", "stays"]);
    const options = await tagOptions(other.dataSourceId);
    await setOptions(
      other.dataSourceId,
      options.filter((o) => o.name !== "gone").map(({ id }) => ({ id })),
    );
    expect((await tagOptions(other.dataSourceId)).map((o) => o.name)).toEqual(["stays"]);
    expect(await pageTags(page)).toEqual(["stays"]);
  });

  it("adds an option given by a name it does not know, and keeps one given by its exact name", async () => {
    const other = await target.createBookmarksDatabase("options add");
    await addPage(other.dataSourceId, "add", ["design"]);
    await setOptions(other.dataSourceId, [{ name: "design" }, { name: "Design" }]);
    const options = await tagOptions(other.dataSourceId);
    // Option names are case-sensitive: "design" and "Design" are two options.
    expect(options.map((o) => o.name).sort()).toEqual(["Design", "design"]);
  });

  it("refuses an option name with a comma, and changes nothing", async () => {
    const before = await tagOptions(bookmarks.dataSourceId);
    await expect(setOptions(bookmarks.dataSourceId, [...before.map(({ id }) => ({ id })), { name: "a,b" }])).rejects.toMatchObject({
      code: "validation_error",
      status: 400,
    });
    expect(await tagOptions(bookmarks.dataSourceId)).toEqual(before);
  });

  it("refuses renaming an option to the name another option has", async () => {
    const other = await target.createBookmarksDatabase("options clash");
    await addPage(other.dataSourceId, "clash", ["recipes", "Recipes"]);
    const options = await tagOptions(other.dataSourceId);
    const lower = options.find((o) => o.name === "recipes")!;
    await expect(
      setOptions(
        other.dataSourceId,
        options.map((o) => (o.id === lower.id ? { id: o.id, name: "Recipes" } : { id: o.id })),
      ),
    ).rejects.toMatchObject({ code: "validation_error", status: 400 });
  });
});
