import type { DataSourceObjectResponse } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import type { PropertyMap } from "@/db/schema";
import {
  analyzeSchema,
  BOOKMARKS_DATABASE_PROPERTIES,
  DEFAULT_PROPERTY_MAP,
  validatePropertyMap,
} from "./schema-fit";

type PropertyConfig = DataSourceObjectResponse["properties"][string];
type SimpleType = "title" | "rich_text" | "url" | "number" | "checkbox" | "created_time" | "multi_select" | "date";

function config(name: string, type: SimpleType): PropertyConfig {
  const common = { id: `id-${name}`, name, description: null };
  return type === "multi_select"
    ? { ...common, type, multi_select: { options: [] } }
    : ({ ...common, type, [type]: {} } as PropertyConfig);
}

/** A data source schema from [name, type] pairs, in order. */
function schema(...properties: [string, SimpleType][]): Pick<DataSourceObjectResponse, "properties"> {
  return { properties: Object.fromEntries(properties.map(([name, type]) => [name, config(name, type)])) };
}

describe("analyzeSchema", () => {
  it("fits the database Shelf creates and suggests the default map", () => {
    const ds = schema(
      ...Object.entries(BOOKMARKS_DATABASE_PROPERTIES).map(
        ([name, value]) => [name, Object.keys(value)[0] as SimpleType] as [string, SimpleType],
      ),
    );
    expect(analyzeSchema(ds)).toEqual({
      fits: true,
      candidates: { title: "Name", url: ["URL"], description: ["Description"], tags: ["Tags"], savedAt: ["Saved"] },
      suggested: DEFAULT_PROPERTY_MAP,
      ambiguous: false,
    });
  });

  it.each<[string, ReturnType<typeof schema>, Partial<ReturnType<typeof analyzeSchema>>]>([
    [
      "a minimal fit",
      schema(["Title", "title"], ["Address", "url"]),
      { fits: true, suggested: { title: "Title", url: "Address", description: null, tags: null }, ambiguous: false },
    ],
    [
      "preferred names, case-insensitively",
      schema(
        ["Name", "title"],
        ["Source", "url"],
        ["link", "url"],
        ["Extra", "rich_text"],
        ["NOTES", "rich_text"],
        ["Status", "multi_select"],
        ["labels", "multi_select"],
      ),
      // Two URL properties stay ambiguous even though "link" is preferred.
      { fits: true, suggested: { title: "Name", url: "link", description: "NOTES", tags: "labels" }, ambiguous: true },
    ],
    [
      "one unnamed candidate of each kind",
      schema(["Name", "title"], ["Web", "url"], ["Blurb", "rich_text"], ["Kind", "multi_select"]),
      { fits: true, suggested: { title: "Name", url: "Web", description: "Blurb", tags: "Kind" }, ambiguous: false },
    ],
    [
      "several text properties without a preferred name",
      schema(["Name", "title"], ["URL", "url"], ["Blurb", "rich_text"], ["Quote", "rich_text"]),
      { fits: true, suggested: { title: "Name", url: "URL", description: "Blurb", tags: null }, ambiguous: true },
    ],
    [
      "several multi-selects without a preferred name",
      schema(["Name", "title"], ["URL", "url"], ["Kind", "multi_select"], ["Area", "multi_select"]),
      { fits: true, suggested: { title: "Name", url: "URL", description: null, tags: "Kind" }, ambiguous: true },
    ],
    [
      "several text properties with a preferred name",
      schema(["Name", "title"], ["URL", "url"], ["Blurb", "rich_text"], ["Summary", "rich_text"]),
      { fits: true, suggested: { title: "Name", url: "URL", description: "Summary", tags: null }, ambiguous: false },
    ],
    [
      "no URL property",
      schema(["Name", "title"], ["Link", "rich_text"]),
      {
        fits: false,
        reason: "No URL property: add a property of type URL for the web addresses",
        suggested: null,
        ambiguous: false,
      },
    ],
    [
      "no title property",
      schema(["URL", "url"]),
      { fits: false, reason: "It needs exactly one title property", suggested: null },
    ],
    ["no properties at all", schema(), { fits: false, suggested: null }],
  ])("handles %s", (_label, ds, expected) => {
    expect(analyzeSchema(ds)).toMatchObject(expected);
  });

  it("lists candidates by type, ignoring other property types", () => {
    const ds = schema(
      ["Name", "title"],
      ["Rating", "number"],
      ["Link", "url"],
      ["Read", "checkbox"],
      ["Notes", "rich_text"],
      ["Added", "created_time"],
      ["Tags", "multi_select"],
    );
    expect(analyzeSchema(ds).candidates).toEqual({
      title: "Name",
      url: ["Link"],
      description: ["Notes"],
      tags: ["Tags"],
      savedAt: [],
    });
  });

  it("takes a date property for Saved only by its name", () => {
    const base: [string, SimpleType][] = [["Name", "title"], ["URL", "url"]];
    expect(analyzeSchema(schema(...base, ["Due", "date"])).suggested?.savedAt).toBeNull();
    expect(analyzeSchema(schema(...base, ["Due", "date"], ["Date added", "date"])).suggested?.savedAt).toBe("Date added");
  });
});

describe("validatePropertyMap", () => {
  const ds = schema(
    ["Name", "title"],
    ["URL", "url"],
    ["Notes", "rich_text"],
    ["Tags", "multi_select"],
    ["Rating", "number"],
    ["Saved", "date"],
  );
  const good: PropertyMap = { title: "Name", url: "URL", description: "Notes", tags: "Tags" };

  it.each<[string, PropertyMap, string | null]>([
    ["a valid map", good, null],
    ["a valid map without optional properties", { ...good, description: null, tags: null }, null],
    ["a missing title", { ...good, title: "Title" }, `There's no property called "Title" for the title`],
    ["a missing url", { ...good, url: "Link" }, `There's no property called "Link" for the web address`],
    [
      "a wrong-typed url",
      { ...good, url: "Notes" },
      `"Notes" is a Text property, but the web address needs a URL property`,
    ],
    [
      "a wrong-typed title",
      { ...good, title: "URL" },
      `"URL" is a URL property, but the title needs a Title property`,
    ],
    [
      "a wrong-typed description",
      { ...good, description: "Rating" },
      `"Rating" is a Number property, but the description needs a Text property`,
    ],
    [
      "a wrong-typed tags property",
      { ...good, tags: "Notes" },
      `"Notes" is a Text property, but the tags needs a Multi-select property`,
    ],
    ["a missing tags property", { ...good, tags: "Labels" }, `There's no property called "Labels" for the tags`],
    ["a valid saved date", { ...good, savedAt: "Saved" }, null],
    ["a wrong-typed saved date", { ...good, savedAt: "Rating" }, `"Rating" is a Number property, but the saved date needs a Date property`],
    // Property names are keys of a plain object; inherited keys must not count as properties.
    ["an inherited object key", { ...good, url: "constructor" }, `There's no property called "constructor" for the web address`],
  ])("reports %s", (_label, map, expected) => {
    expect(validatePropertyMap(ds, map)).toBe(expected);
  });

  it("accepts the map it suggests", () => {
    const suggested = analyzeSchema(ds).suggested;
    expect(suggested).not.toBeNull();
    expect(suggested && validatePropertyMap(ds, suggested)).toBeNull();
  });
});

describe("BOOKMARKS_DATABASE_PROPERTIES", () => {
  it("contains every property of the default map with the right type", () => {
    expect(BOOKMARKS_DATABASE_PROPERTIES).toMatchObject({
      [DEFAULT_PROPERTY_MAP.title]: { title: {} },
      [DEFAULT_PROPERTY_MAP.url]: { url: {} },
      [DEFAULT_PROPERTY_MAP.description ?? ""]: { rich_text: {} },
      [DEFAULT_PROPERTY_MAP.tags ?? ""]: { multi_select: { options: [] } },
      [DEFAULT_PROPERTY_MAP.savedAt ?? ""]: { date: {} },
      Created: { created_time: {} },
    });
  });
});
