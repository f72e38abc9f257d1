import type { PageObjectResponse } from "@notionhq/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PropertyMap } from "@/db/schema";
import { bookmarkInputSchema, type BookmarkInput } from "@/lib/bookmarks/schema";
import { pageFromProperties } from "@/test/notion-pages";
import { bookmarkToProperties, pageToBookmark } from "./mapping";

// Property-based tests of the page <-> bookmark mapping; example tests live in mapping.test.ts.
const RUNS = { numRuns: 300 };


// Inputs built inside the schema's constraints, then parsed, so every value is a real BookmarkInput.
const noControl = (text: string) => !/[\u0000-\u001f\u007f-\u009f]/.test(text);
const title = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }).filter(noControl),
  fc.constantFrom("", `<b>Bold</b> & "quoted" 📚`, "t".repeat(2000), "__proto__", "constructor"),
);
const description = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }).map((text) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")),
  fc.constantFrom("", "Line one\nLine two", "d".repeat(2000), "\ttabbed"),
);
const tag = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).filter((t) => noControl(t) && !t.includes(",") && t.trim() !== ""),
  fc.constantFrom("AI", "Reading", "__proto__", "constructor", "toString", "😀", "x".repeat(100)),
);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom("example.com", "https://bücher.de/a?utm_source=x"));
const bookmarkInput: fc.Arbitrary<BookmarkInput> = fc
  .record({ url, title, description, tags: fc.array(tag, { maxLength: 12 }) })
  .map((raw) => bookmarkInputSchema.safeParse(raw))
  .filter((result) => result.success)
  .map((result) => (result.success ? result.data : (undefined as never)));

const propertyName = fc.oneof(
  fc.constantFrom("Name", "URL", "Description", "Tags", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "", " ", "名前", "🔗 Link", "Ünïcödé", "a.b", "a[0]"),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
);
/** Four distinct names (a data source's properties have distinct names); description/tags may be unmapped. */
const propertyMap: fc.Arbitrary<PropertyMap> = fc
  .tuple(fc.uniqueArray(propertyName, { minLength: 4, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([[t, u, d, g], hasDescription, hasTags]) => ({
    title: t ?? "",
    url: u ?? "",
    description: hasDescription ? (d ?? null) : null,
    tags: hasTags ? (g ?? null) : null,
  }));

describe("bookmarkToProperties -> Notion -> pageToBookmark (properties)", () => {
  it("gives back the title, URL, description and tags for any property names", () => {
    fc.assert(
      fc.property(bookmarkInput, propertyMap, (input, map) => {
        const properties = bookmarkToProperties(input, map);
        expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);

        const bookmark = pageToBookmark(pageFromProperties(properties), map);
        expect(bookmark.title).toBe(input.title);
        expect(bookmark.url).toBe(input.url);
        expect(bookmark.description).toBe(map.description === null ? "" : input.description);
        expect(bookmark.tags).toEqual(map.tags === null ? [] : input.tags);
      }),
      RUNS,
    );
  });

  it("writes exactly the mapped properties, each once", () => {
    fc.assert(
      fc.property(bookmarkInput, propertyMap, (input, map) => {
        const expected = [map.title, map.url, map.description, map.tags].filter((name) => name !== null);
        expect(Object.keys(bookmarkToProperties(input, map)).sort()).toEqual([...expected].sort());
      }),
      RUNS,
    );
  });

  it("reads a page without any of the mapped properties as empty instead of inherited values", () => {
    fc.assert(
      fc.property(propertyMap, (map) => {
        const page = { ...pageFromProperties({}), properties: JSON.parse("{}") as PageObjectResponse["properties"] };
        expect(pageToBookmark(page, map)).toMatchObject({ title: "", url: "", description: "", tags: [] });
      }),
      RUNS,
    );
  });
});
