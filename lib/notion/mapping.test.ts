import type { PageObjectResponse, RichTextItemResponse, UpdatePageParameters } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import type { PropertyMap } from "@/db/schema";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
import { bookmarkToProperties, pageToBookmark, type PageProperties } from "./mapping";
import { DEFAULT_PROPERTY_MAP } from "./schema-fit";

type PropertyValue = PageObjectResponse["properties"][string];
type RichTextRequest = Extract<PageProperties[string], { title: unknown }>["title"][number];

const PAGE_ID = "be633bf1-dfa0-436d-b259-571129a590e5";
const CUSTOM_MAP: PropertyMap = { title: "Page", url: "Link", description: "Notes", tags: "Topics" };

function richText(content: string): RichTextItemResponse {
  return {
    type: "text",
    text: { content, link: null },
    annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
    plain_text: content,
    href: null,
  };
}

/** What Notion would return for a property written with `value` (text comes back as one item per request item). */
function toResponseValue(id: string, value: PageProperties[string]): PropertyValue {
  const texts = (items: RichTextRequest[]) => items.map((item) => richText("text" in item ? item.text.content : ""));
  if ("title" in value) return { id, type: "title", title: texts(value.title) };
  if ("rich_text" in value) return { id, type: "rich_text", rich_text: texts(value.rich_text) };
  if ("url" in value) return { id, type: "url", url: value.url };
  if ("multi_select" in value) {
    return {
      id,
      type: "multi_select",
      multi_select: value.multi_select.map((option, i) => ({
        id: `opt${i}`,
        name: "name" in option && option.name !== undefined ? option.name : "",
        color: "default",
      })),
    };
  }
  throw new Error(`The test helper doesn't handle ${JSON.stringify(value)}`);
}

/** A complete, typed page object as pages.retrieve / data source queries return it. */
function fakePage(properties: Record<string, PropertyValue>, overrides: Partial<PageObjectResponse> = {}): PageObjectResponse {
  return {
    object: "page",
    id: PAGE_ID,
    created_time: "2026-01-02T03:04:00.000Z",
    last_edited_time: "2026-01-05T06:07:00.000Z",
    in_trash: false,
    archived: false,
    is_archived: false,
    is_locked: false,
    url: "https://www.notion.so/An-article-be633bf1dfa0436db259571129a590e5",
    public_url: null,
    parent: { type: "data_source_id", data_source_id: "ds-1", database_id: "db-1" },
    properties,
    icon: null,
    cover: null,
    created_by: { object: "user", id: "user-1" },
    last_edited_by: { object: "user", id: "user-1" },
    ...overrides,
  };
}

/** The page Notion would hold after creating one with `properties` (plus a Created column, as ours has). */
function pageFromProperties(properties: PageProperties, overrides: Partial<PageObjectResponse> = {}) {
  const values: Record<string, PropertyValue> = {
    Created: { id: "created", type: "created_time", created_time: "2026-01-02T03:04:00.000Z" },
  };
  for (const [name, value] of Object.entries(properties)) values[name] = toResponseValue(`id-${name}`, value);
  return fakePage(values, overrides);
}

const full: BookmarkInput = bookmarkInputSchema.parse({
  url: "https://bücher.de/a?utm_source=x",
  title: `<b>Bold</b> & "quoted" 📚`,
  description: "Line one\nLine two",
  tags: ["AI", "Reading"],
});

describe("bookmarkToProperties", () => {
  it("builds the create/update properties for the default map", () => {
    expect(bookmarkToProperties(full, DEFAULT_PROPERTY_MAP)).toEqual({
      Name: { title: [{ text: { content: full.title } }] },
      URL: { url: "https://xn--bcher-kva.de/a?utm_source=x" },
      Description: { rich_text: [{ text: { content: "Line one\nLine two" } }] },
      Tags: { multi_select: [{ name: "AI" }, { name: "Reading" }] },
    });
  });

  it("sends an empty description and no tags as empty arrays, clearing them on update", () => {
    const input = bookmarkInputSchema.parse({ url: "https://example.com", title: "t" });
    expect(bookmarkToProperties(input, DEFAULT_PROPERTY_MAP)).toMatchObject({
      Description: { rich_text: [] },
      Tags: { multi_select: [] },
    });
  });

  it("uses the person's property names and leaves unmapped ones out", () => {
    const properties = bookmarkToProperties(full, { title: "Page", url: "Link", description: null, tags: null });
    expect(Object.keys(properties)).toEqual(["Page", "Link"]);
  });

  it("type-checks as update properties too", () => {
    const properties: UpdatePageParameters["properties"] = bookmarkToProperties(full, CUSTOM_MAP);
    expect(properties).toBeDefined();
  });
});

describe("pageToBookmark", () => {
  it.each([
    ["default map", DEFAULT_PROPERTY_MAP],
    ["custom map", CUSTOM_MAP],
  ])("round-trips a bookmark through Notion properties (%s)", (_label, map) => {
    for (const input of [
      full,
      bookmarkInputSchema.parse({ url: "example.com" }),
      bookmarkInputSchema.parse({ url: "https://example.com", title: "t".repeat(2000), description: "d".repeat(2000) }),
    ]) {
      const bookmark = pageToBookmark(pageFromProperties(bookmarkToProperties(input, map)), map);
      expect(bookmark).toMatchObject(input);
    }
  });

  it("copies the page metadata", () => {
    const page = pageFromProperties(bookmarkToProperties(full, DEFAULT_PROPERTY_MAP), { in_trash: true });
    expect(pageToBookmark(page, DEFAULT_PROPERTY_MAP)).toEqual({
      ...full,
      id: PAGE_ID,
      createdTime: "2026-01-02T03:04:00.000Z",
      lastEditedTime: "2026-01-05T06:07:00.000Z",
      notionUrl: "https://www.notion.so/An-article-be633bf1dfa0436db259571129a590e5",
      inTrash: true,
    });
  });

  it("joins rich text written in Notion as several items", () => {
    const page = fakePage({
      Name: { id: "title", type: "title", title: [richText("Hello "), richText("world")] },
      URL: { id: "u", type: "url", url: "https://example.com/" },
      Description: { id: "d", type: "rich_text", rich_text: [richText("a"), richText("b"), richText("c")] },
      Tags: { id: "t", type: "multi_select", multi_select: [] },
    });
    expect(pageToBookmark(page, DEFAULT_PROPERTY_MAP)).toMatchObject({ title: "Hello world", description: "abc" });
  });

  it("reads missing and retyped properties as empty", () => {
    const page = fakePage({
      Name: { id: "title", type: "title", title: [] },
      URL: { id: "u", type: "rich_text", rich_text: [richText("https://not-a-url-property.example")] },
      Description: { id: "d", type: "number", number: 3 },
    });
    expect(pageToBookmark(page, DEFAULT_PROPERTY_MAP)).toMatchObject({ title: "", url: "", description: "", tags: [] });
  });

  it("reads an empty URL property as an empty string", () => {
    const page = fakePage({ URL: { id: "u", type: "url", url: null } });
    expect(pageToBookmark(page, DEFAULT_PROPERTY_MAP).url).toBe("");
  });

  it("ignores description and tags when they aren't mapped", () => {
    const page = pageFromProperties(bookmarkToProperties(full, DEFAULT_PROPERTY_MAP));
    const bookmark = pageToBookmark(page, { ...DEFAULT_PROPERTY_MAP, description: null, tags: null });
    expect(bookmark).toMatchObject({ description: "", tags: [] });
  });

  it("returns plain serializable data", () => {
    const bookmark = pageToBookmark(pageFromProperties(bookmarkToProperties(full, CUSTOM_MAP)), CUSTOM_MAP);
    expect(JSON.parse(JSON.stringify(bookmark))).toEqual(bookmark);
  });
});

describe("unusual property names", () => {
  it("keeps a property named __proto__ as a plain key", () => {
    const map: PropertyMap = { title: "Name", url: "URL", description: "__proto__", tags: null };
    const properties = bookmarkToProperties(full, map);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toContain("__proto__");
  });
});
