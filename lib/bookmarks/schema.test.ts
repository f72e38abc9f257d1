import { fieldErrors } from "@/lib/validation";
import { describe, expect, it } from "vitest";
import {
  bookmarkIdSchema,
  bookmarkInputSchema,
  bookmarkUpdateSchema,
  listQuerySchema,
} from "./schema";

const URL_MESSAGE = "Enter a web address that starts with http:// or https://";

/** The error messages per field for `input`, or {} when it parses. */
function errorsFor(input: unknown): Record<string, string> {
  const result = bookmarkInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("bookmarkInputSchema", () => {
  it("parses a full bookmark", () => {
    expect(
      bookmarkInputSchema.parse({
        url: " https://Example.com/a?utm_source=x ",
        title: "  An article  ",
        description: "  Why it matters\r\nSecond line\twith a tab ",
        tags: [" AI ", "Reading"],
      }),
    ).toEqual({
      // The cleaned address as given, tracking params included: normalizeUrl is only for comparisons.
      url: "https://example.com/a?utm_source=x",
      title: "An article",
      description: "Why it matters\nSecond line\twith a tab",
      tags: ["AI", "Reading"],
    });
  });

  it("fills in defaults for optional fields", () => {
    expect(bookmarkInputSchema.parse({ url: "example.com/docs/" })).toEqual({
      url: "https://example.com/docs/",
      title: "example.com/docs",
      description: "",
      tags: [],
    });
  });

  it.each([
    ["empty", ""],
    ["whitespace only", "   "],
  ])("uses the fallback title for a %s title", (_label, title) => {
    expect(bookmarkInputSchema.parse({ url: "https://www.example.com/", title }).title).toBe("example.com");
  });

  it("keeps HTML in the title as-is (rendering escapes it)", () => {
    const title = `<img src=x onerror="alert(1)"> & <b>bold</b>`;
    expect(bookmarkInputSchema.parse({ url: "https://example.com", title }).title).toBe(title);
  });

  it("accepts unicode titles and IDN hosts", () => {
    expect(bookmarkInputSchema.parse({ url: "https://bücher.de/ü", title: "Bücher 📚 本" })).toMatchObject({
      url: "https://xn--bcher-kva.de/%C3%BC",
      title: "Bücher 📚 本",
    });
  });

  it("accepts values exactly at the limits", () => {
    const tags = Array.from({ length: 100 }, (_, i) => `tag${i}`);
    const result = bookmarkInputSchema.safeParse({
      url: `https://example.com/${"a".repeat(2000 - "https://example.com/".length)}`,
      title: "t".repeat(2000),
      description: "d".repeat(2000),
      tags: ["x".repeat(100), ...tags.slice(1)],
    });
    expect(result.success).toBe(true);
  });

  it.each([
    ["missing url", {}, { url: "Enter a web address" }],
    ["empty url", { url: "" }, { url: "Enter a web address" }],
    ["whitespace url", { url: "  \t " }, { url: "Enter a web address" }],
    ["url with spaces", { url: "https://example.com/a b" }, { url: "Web addresses can't contain spaces" }],
    ["url with NUL", { url: "https://example.com/\u0000" }, { url: "Web addresses can't contain control characters" }],
    ["javascript: url", { url: "javascript:alert(1)" }, { url: URL_MESSAGE }],
    ["data: url", { url: "data:text/html,<script>alert(1)</script>" }, { url: URL_MESSAGE }],
    ["file: url", { url: "file:///etc/passwd" }, { url: URL_MESSAGE }],
    ["mailto: url", { url: "mailto:a@example.com" }, { url: URL_MESSAGE }],
    ["non-string url", { url: 42 }, { url: "Enter a web address" }],
    [
      "2,001-character url",
      { url: `https://example.com/${"a".repeat(2001 - "https://example.com/".length)}` },
      { url: "Web addresses can be at most 2,000 characters" },
    ],
    [
      "url over the limit only once encoded",
      { url: `https://example.com/${"é".repeat(500)}` },
      { url: "Web addresses can be at most 2,000 characters" },
    ],
    [
      "2,001-character title",
      { url: "https://example.com", title: "t".repeat(2001) },
      { title: "Titles can be at most 2,000 characters" },
    ],
    [
      "title with a line break",
      { url: "https://example.com", title: "one\ntwo" },
      { title: "Titles can't contain line breaks or control characters" },
    ],
    [
      "title with a control character",
      { url: "https://example.com", title: "bell\u0007" },
      { title: "Titles can't contain line breaks or control characters" },
    ],
    [
      "2,001-character description",
      { url: "https://example.com", description: "d".repeat(2001) },
      { description: "Descriptions can be at most 2,000 characters" },
    ],
    [
      "description with a control character",
      { url: "https://example.com", description: "esc\u001b[31m" },
      { description: "Descriptions can't contain control characters" },
    ],
    ["tag with a comma", { url: "https://example.com", tags: ["a,b"] }, { tags: "Tags can't contain commas" }],
    ["empty tag", { url: "https://example.com", tags: ["ok", "  "] }, { tags: "Tags can't be empty" }],
    [
      "101-character tag",
      { url: "https://example.com", tags: ["x".repeat(101)] },
      { tags: "Tags can be at most 100 characters" },
    ],
    [
      "tag with a control character",
      { url: "https://example.com", tags: ["a\u0000"] },
      { tags: "Tags can't contain control characters" },
    ],
    [
      "101 tags",
      { url: "https://example.com", tags: Array.from({ length: 101 }, (_, i) => `tag${i}`) },
      { tags: "At most 100 tags" },
    ],
    ["tags not a list", { url: "https://example.com", tags: "a" }, { tags: "Tags must be a list" }],
    [
      "several bad fields at once",
      { url: "javascript:alert(1)", title: "t".repeat(2001), tags: ["a,b"] },
      { url: URL_MESSAGE, title: "Titles can be at most 2,000 characters", tags: "Tags can't contain commas" },
    ],
  ])("refuses %s", (_label, input, expected) => {
    expect(errorsFor(input)).toEqual(expected);
  });

  it("de-duplicates tags case-insensitively, keeping the first spelling", () => {
    expect(
      bookmarkInputSchema.parse({ url: "https://example.com", tags: ["AI", "reading", "ai", " Ai ", "Reading"] }).tags,
    ).toEqual(["AI", "reading"]);
  });

  it("counts tags after de-duplication", () => {
    const tags = [...Array.from({ length: 100 }, (_, i) => `tag${i}`), "TAG0"];
    expect(bookmarkInputSchema.parse({ url: "https://example.com", tags }).tags).toHaveLength(100);
  });
});

describe("bookmarkIdSchema", () => {
  const dashed = "be633bf1-dfa0-436d-b259-571129a590e5";
  it.each([
    [dashed, dashed],
    ["be633bf1dfa0436db259571129a590e5", dashed],
    ["BE633BF1-DFA0-436D-B259-571129A590E5", dashed],
    ["  be633bf1dfa0436db259571129a590e5 ", dashed],
  ])("normalizes %j", (input, expected) => {
    expect(bookmarkIdSchema.parse(input)).toBe(expected);
  });

  it.each([
    "",
    "not-an-id",
    "be633bf1dfa0436db259571129a590e",
    "be633bf1dfa0436db259571129a590e5a",
    "ge633bf1dfa0436db259571129a590e5",
    "be63-3bf1dfa0436db259571129a590e5",
    "../../v1/users",
  ])("refuses %j", (input) => {
    const result = bookmarkIdSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("That bookmark id isn't valid");
  });
});

describe("bookmarkUpdateSchema", () => {
  it("parses the bookmark fields plus a normalized id", () => {
    expect(
      bookmarkUpdateSchema.parse({ id: "BE633BF1DFA0436DB259571129A590E5", url: "example.com", title: "" }),
    ).toEqual({
      id: "be633bf1-dfa0-436d-b259-571129a590e5",
      url: "https://example.com/",
      title: "example.com",
      description: "",
      tags: [],
    });
  });

  it("reports a bad id under the id field", () => {
    const result = bookmarkUpdateSchema.safeParse({ id: "nope", url: "https://example.com" });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ id: "That bookmark id isn't valid" });
  });
});

describe("listQuerySchema", () => {
  const defaults = { q: "", tags: [], sort: "newest", cursor: undefined };

  it.each([
    ["no params", {}, defaults],
    ["undefined", undefined, defaults],
    ["not an object", "q=1", defaults],
    ["a query", { q: "  notion  " }, { ...defaults, q: "notion" }],
    ["a repeated query", { q: ["first", "second"] }, { ...defaults, q: "first" }],
    ["a long query", { q: "x".repeat(500) }, { ...defaults, q: "x".repeat(200) }],
    ["one tag", { tags: "AI" }, { ...defaults, tags: ["AI"] }],
    ["several tags", { tags: ["AI", "Reading", "ai", ""] }, { ...defaults, tags: ["AI", "Reading"] }],
    ["comma-separated tags", { tags: "AI, Reading,," }, { ...defaults, tags: ["AI", "Reading"] }],
    ["an overlong tag", { tags: ["ok", "x".repeat(101)] }, { ...defaults, tags: ["ok"] }],
    ["each sort", { sort: "title" }, { ...defaults, sort: "title" }],
    ["oldest", { sort: ["oldest", "title"] }, { ...defaults, sort: "oldest" }],
    ["an unknown sort", { sort: "popular" }, defaults],
    ["a cursor", { cursor: " abc " }, { ...defaults, cursor: "abc" }],
    ["an empty cursor", { cursor: "" }, defaults],
    ["unknown params", { page: "2", q: "x" }, { ...defaults, q: "x" }],
  ])("handles %s", (_label, input, expected) => {
    expect(listQuerySchema.parse(input)).toEqual(expected);
  });

  it("caps the number of tags at 100", () => {
    const tags = Array.from({ length: 150 }, (_, i) => `t${i}`);
    expect(listQuerySchema.parse({ tags }).tags).toHaveLength(100);
  });
});

describe("fieldErrors", () => {
  it("keeps the first message per top-level field", () => {
    const result = bookmarkInputSchema.safeParse({
      url: "https://example.com",
      tags: ["a,b", "x".repeat(101)],
    });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ tags: "Tags can't contain commas" });
  });

  it("puts errors without a field under form", () => {
    const result = bookmarkInputSchema.safeParse(null);
    expect(result.success ? {} : Object.keys(fieldErrors(result.error))).toEqual(["form"]);
  });
});
