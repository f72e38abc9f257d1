import type { UpdatePageParameters } from "@notionhq/client";
import { describe, expect, it } from "vitest";
import type { PropertyMap } from "@/db/schema";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
import { bookmarkToProperties, pageToBookmark } from "./mapping";
import { fakePage, PAGE_ID, pageFromProperties, richText } from "@/test/notion-pages";
import { DEFAULT_PROPERTY_MAP } from "./schema-fit";

const CUSTOM_MAP: PropertyMap = { title: "Page", url: "Link", description: "Notes", tags: "Topics" };

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

  it("writes Saved to the millisecond on a create, and never on an update", () => {
    const savedAt = "2023-03-04T05:06:07.089Z";
    expect(bookmarkToProperties({ ...full, savedAt }, DEFAULT_PROPERTY_MAP)).toMatchObject({ Saved: { date: { start: savedAt } } });
    expect(bookmarkToProperties(full, DEFAULT_PROPERTY_MAP)).not.toHaveProperty("Saved");
    expect(bookmarkToProperties({ ...full, savedAt }, CUSTOM_MAP)).not.toHaveProperty("Saved");
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
      // No Saved value on the page: its created time stands in.
      savedAt: "2026-01-02T03:04:00.000Z",
      notionUrl: "https://www.notion.so/An-article-be633bf1dfa0436db259571129a590e5",
      inTrash: true,
    });
  });

  it("reads Saved back as the same instant, whatever offset Notion writes it with", () => {
    const page = pageFromProperties(bookmarkToProperties({ ...full, savedAt: "2023-03-04T05:06:07.089Z" }, DEFAULT_PROPERTY_MAP));
    expect(pageToBookmark(page, DEFAULT_PROPERTY_MAP).savedAt).toBe("2023-03-04T05:06:07.089Z");
    const offset = pageFromProperties({ Saved: { date: { start: "2023-03-04T06:06:07.089+01:00" } } });
    expect(pageToBookmark(offset, DEFAULT_PROPERTY_MAP).savedAt).toBe("2023-03-04T05:06:07.089Z");
    const dateOnly = pageFromProperties({ Saved: { date: { start: "2023-03-04" } } });
    expect(pageToBookmark(dateOnly, DEFAULT_PROPERTY_MAP).savedAt).toBe("2023-03-04T00:00:00.000Z");
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
