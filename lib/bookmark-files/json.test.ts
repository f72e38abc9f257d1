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
          line: null,
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

  it("reads a bare array and reports items without a url", () => {
    const { bookmarks, problems } = parseBookmarkFile(
      JSON.stringify([{ url: " https://a.example " }, { title: "no url" }, 42, { url: "x", tags: "a, b", createdTime: 1700000000 }]),
    );
    expect(bookmarks.map((b) => [b.url, b.title, b.tags, b.addedAt?.getTime() ?? null])).toEqual([
      ["https://a.example", "", [], null],
      ["x", "", ["a", "b"], 1_700_000_000_000],
    ]);
    expect(problems).toEqual([
      { line: null, reason: "Bookmark 2 in the list has no “url” text." },
      { line: null, reason: "Bookmark 3 in the list has no “url” text." },
    ]);
  });

  it("explains bad JSON and JSON of another shape", () => {
    expect(() => parseBookmarkFile('{"bookmarks": [', "x.json")).toThrow(BookmarkFileError);
    expect(() => parseBookmarkFile('{"bookmarks": [', "x.json")).toThrow(/isn't valid JSON/);
    expect(() => parseBookmarkFile('{"items": []}')).toThrow(/isn't a Shelf export/);
  });
});
