import { describe, expect, it } from "vitest";
import { BookmarkFileError, parseBookmarkFile, toJson } from "./index";

describe("JSON bookmark files", () => {
  it("writes Shelf's export and reads it back", () => {
    const json = toJson(
      [{ url: "https://a.example", title: "A", description: "d", tags: ["x"], createdTime: "2024-01-02T03:04:05.000Z" }],
      { workspaceName: "Notebook" },
    );
    const document = JSON.parse(json) as Record<string, unknown>;
    expect(document).toMatchObject({ format: "shelf-bookmarks", version: 1, workspace: "Notebook" });
    expect(Number.isNaN(Date.parse(String(document.exportedAt)))).toBe(false);
    expect(parseBookmarkFile(json, "shelf.json")).toEqual({
      format: "json",
      problems: [],
      bookmarks: [
        {
          line: 7,
          url: "https://a.example",
          title: "A",
          description: "d",
          tags: ["x"],
          folders: [],
          addedAt: new Date("2024-01-02T03:04:05.000Z"),
        },
      ],
    });
  });

  it("reads a bare array and reports items without a url, with the line each item starts on", () => {
    const json = `[
  { "url": " https://a.example " },
  { "title": "no url" },
  42,
  {
    "url": "x", "tags": "a, b", "createdTime": 1700000000,
    "nested": { "url": "not an item", "list": [1, "]", "\\"quoted\\""] }
  }
]`;
    const { bookmarks, problems } = parseBookmarkFile(json);
    expect(bookmarks.map((b) => [b.line, b.url, b.title, b.tags, b.addedAt?.getTime() ?? null])).toEqual([
      [2, "https://a.example", "", [], null],
      [5, "x", "", ["a", "b"], 1_700_000_000_000],
    ]);
    expect(problems).toEqual([
      { line: 3, reason: "Bookmark 2 in the list has no “url” text." },
      { line: 4, reason: "Bookmark 3 in the list has no “url” text." },
    ]);
  });

  it("finds the lines of the items under “bookmarks” whatever comes before them", () => {
    const json = '{\n"meta": {"bookmarks": [0, 0]},\n"list": [[1]],\n"bookmarks":\n[\n{"url": "a"},\n\n{"url": "b"}]}';
    expect(parseBookmarkFile(json).bookmarks.map((b) => [b.url, b.line])).toEqual([
      ["a", 6],
      ["b", 8],
    ]);
  });

  it("reads Chrome's Bookmarks file: roots left out of folder paths, dates from 1601", () => {
    const json = JSON.stringify({
      checksum: "abc",
      version: 1,
      roots: {
        bookmark_bar: {
          name: "Bookmarks bar",
          type: "folder",
          children: [
            { type: "url", name: "Example", url: "https://example.com/", date_added: "13345678901234567" },
            { type: "folder", name: "Work", children: [{ type: "url", name: "Linear", url: "https://linear.app" }] },
          ],
        },
        other: { name: "Other bookmarks", type: "folder", children: [{ type: "url", name: "Other", url: "https://o.example" }] },
        synced: { name: "Mobile bookmarks", type: "folder", children: [] },
      },
    });
    const { bookmarks } = parseBookmarkFile(json, "Bookmarks");
    expect(bookmarks.map((b) => [b.url, b.title, b.folders])).toEqual([
      ["https://example.com/", "Example", []],
      ["https://linear.app", "Linear", ["Work"]],
      ["https://o.example", "Other", []],
    ]);
    expect(bookmarks[0]?.addedAt?.toISOString()).toBe("2023-11-28T21:01:41.234Z");
  });

  it("reads a Firefox backup: containers left out, tags, descriptions, µs dates, no tag folders", () => {
    const place = (title: string, uri: string, extra: object = {}) => ({ type: "text/x-moz-place", title, uri, ...extra });
    const folder = (title: string, children: object[], extra: object = {}) => ({
      type: "text/x-moz-place-container",
      title,
      children,
      ...extra,
    });
    const json = JSON.stringify(
      folder(
        "",
        [
          folder("menu", [folder("Mozilla Firefox", [place("Get Help", "https://support.mozilla.org/")])], {
            root: "bookmarksMenuFolder",
          }),
          folder(
            "toolbar",
            [
              place("Tagged", "https://t.example", {
                tags: "one,two",
                dateAdded: 1_700_000_000_000_000,
                annos: [{ name: "bookmarkProperties/description", value: "A note" }],
              }),
              { type: "text/x-moz-place-separator" },
            ],
            { root: "toolbarFolder" },
          ),
          folder("tags", [folder("one", [place("Tagged", "https://t.example")])], { root: "tagsFolder" }),
        ],
        { root: "placesRoot" },
      ),
    );
    const { bookmarks } = parseBookmarkFile(json, "bookmarks-2024-01-01.json");
    expect(bookmarks).toEqual([
      expect.objectContaining({ url: "https://support.mozilla.org/", title: "Get Help", folders: ["Mozilla Firefox"] }),
      {
        line: null,
        url: "https://t.example",
        title: "Tagged",
        description: "A note",
        tags: ["one", "two"],
        folders: [],
        addedAt: new Date(1_700_000_000_000),
      },
    ]);
  });

  it("explains bad JSON and JSON of another shape", () => {
    expect(() => parseBookmarkFile('{"bookmarks": [', "x.json")).toThrow(BookmarkFileError);
    expect(() => parseBookmarkFile('{"bookmarks": [', "x.json")).toThrow(/isn't valid JSON/);
    expect(() => parseBookmarkFile('{"items": []}')).toThrow(/doesn't know this kind of JSON file/);
  });
});
