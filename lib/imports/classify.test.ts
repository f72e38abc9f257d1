import { describe, expect, it } from "vitest";
import type { ParsedBookmark, ParseResult } from "@/lib/bookmark-files";
import { classifyRows, cutToNotionLength } from "./classify";

const row = (fields: Partial<ParsedBookmark>): ParsedBookmark => ({
  line: 1,
  url: "https://example.com/",
  title: "Example",
  description: "",
  tags: [],
  folders: [],
  addedAt: null,
  ...fields,
});

const file = (bookmarks: ParsedBookmark[], problems: ParseResult["problems"] = []): ParseResult => ({ format: "netscape", bookmarks, problems });

describe("classifyRows", () => {
  it("sorts rows into new, existing, duplicate and invalid with reasons in words", () => {
    const rows = classifyRows(
      file(
        [
          row({ url: "https://a.example/x", line: 3 }),
          row({ url: "https://www.a.example/x/?utm_source=mail", line: 4 }),
          row({ url: "https://saved.example/", line: 5 }),
          row({ url: "javascript:alert(1)", line: 6 }),
          row({ url: "", line: 7 }),
          row({ url: "https://b.example/", tags: ["x".repeat(101)], line: 8 }),
        ],
        [{ line: 9, reason: "This line has no address" }],
      ),
      { folderTags: false, existing: new Set(["https://saved.example/"]) },
    );
    expect(rows.map((r) => [r.position, r.line, r.status, r.reason])).toEqual([
      [0, 3, "new", null],
      [1, 4, "duplicate", null],
      [2, 5, "existing", null],
      [3, 6, "invalid", "Only http and https addresses can be saved; this one starts with “javascript:”."],
      [4, 7, "invalid", "This row has no web address."],
      [5, 8, "invalid", "Tags can be at most 100 characters"],
      [6, 9, "invalid", "This line has no address"],
    ]);
    expect(rows[0]).toMatchObject({ normalizedUrl: "https://a.example/x", url: "https://a.example/x" });
  });

  it("keeps over-long titles and descriptions, cut to Notion's limit with an ellipsis", () => {
    const [long] = classifyRows(file([row({ title: `a\n${"b".repeat(3000)}`, description: "c".repeat(2500) })]), {
      folderTags: false,
      existing: new Set(),
    });
    expect(long).toMatchObject({ status: "new" });
    expect(long!.title).toHaveLength(2000);
    expect(long!.title.startsWith("a b")).toBe(true);
    expect(long!.title.endsWith("…")).toBe(true);
    expect(long!.description).toHaveLength(2000);
  });

  it("adds folder names as tags only when asked, without commas and without repeats", () => {
    const parsed = file([row({ tags: ["Work"], folders: ["work", "Reading, later"] })]);
    expect(classifyRows(parsed, { folderTags: false, existing: new Set() })[0]!.tags).toEqual(["Work"]);
    expect(classifyRows(parsed, { folderTags: true, existing: new Set() })[0]!.tags).toEqual(["Work", "Reading later"]);
  });

  it("gives a bookmark without a title the app's fallback title and keeps the date", () => {
    const addedAt = new Date("2020-01-02T03:04:05Z");
    expect(classifyRows(file([row({ url: "https://example.com/docs/", title: "  ", addedAt })]), { folderTags: false, existing: new Set() })[0]).toMatchObject({
      title: "example.com/docs",
      addedAt,
    });
  });
});

describe("addresses and copies", () => {
  it("cleans addresses as a browser does: tab/CR/LF dropped, inner spaces percent-encoded", () => {
    const rows = classifyRows(
      file([
        row({ url: "https://exa\tmple.com/a\r\nb" }),
        row({ url: " https://pocket.example/a page?q=two words " }),
        row({ url: "https://bad host.example/" }),
        row({ url: "https://example.com/\u0007x" }),
      ]),
      { folderTags: false, existing: new Set() },
    );
    expect(rows.map((r) => [r.status, r.url, r.reason])).toEqual([
      ["new", "https://example.com/ab", null],
      ["new", "https://pocket.example/a%20page?q=two%20words", null],
      ["invalid", "https://bad%20host.example/", "This isn't a valid web address: its host name can't be read."],
      ["invalid", "https://example.com/\u0007x", "The address contains the control character U+0007, so it can't be saved."],
    ]);
  });

  it("merges copies of one address into the first: union of tags and folder tags, the earliest date", () => {
    const rows = classifyRows(
      file([
        row({ url: "https://a.example/", tags: ["read"], folders: ["Work"], addedAt: new Date("2021-05-01T00:00:00Z") }),
        row({ url: "https://b.example/" }),
        row({ url: "https://www.a.example/", tags: ["READ", "later"], folders: ["Home"], addedAt: new Date("2020-01-01T00:00:00Z") }),
        row({ url: "https://a.example", tags: [], folders: ["Work", "Deep"], addedAt: null }),
      ]),
      { folderTags: true, existing: new Set() },
    );
    expect(rows.map((r) => r.status)).toEqual(["new", "new", "duplicate", "duplicate"]);
    expect(rows[0]).toMatchObject({ tags: ["read", "Work", "later", "Home", "Deep"], addedAt: new Date("2020-01-01T00:00:00Z") });
  });
});

describe("cutToNotionLength", () => {
  it("never cuts an emoji in half", () => {
    const cut = cutToNotionLength(`${"a".repeat(1998)}😀😀`);
    expect(cut).toBe(`${"a".repeat(1998)}…`);
  });
});
