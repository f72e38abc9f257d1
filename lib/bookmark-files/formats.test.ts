import { readFileSync } from "node:fs";
import path from "node:path";
import createPlist from "bplist-creator";
import iconv from "iconv-lite";
import { compressSync } from "lz4-napi";
import { describe, expect, it } from "vitest";
import { readBookmarkFile } from "./index";

// One sample per format (fixtures/README.md says where each shape comes from),
// read from its bytes as an upload is.
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const read = (name: string, as?: Parameters<typeof readBookmarkFile>[2]) =>
  readBookmarkFile(readFileSync(path.join(FIXTURES, name)), name, as);
const summary = (result: ReturnType<typeof readBookmarkFile>) =>
  result.bookmarks.map((b) => ({ url: b.url, title: b.title, description: b.description, tags: b.tags, folders: b.folders, addedAt: b.addedAt?.toISOString() ?? null }));

describe("bookmark managers' JSON exports", () => {
  it("reads Pinboard: description is the title, extended the note, space-separated tags", () => {
    const result = read("pinboard.json");
    expect([result.format, result.encoding, result.problems]).toEqual(["pinboard-json", "utf-8", []]);
    expect(summary(result)).toEqual([
      { url: "https://go.dev/blog/", title: "The Go Blog", description: "Release notes & essays.", tags: ["go", "programming"], folders: [], addedAt: "2021-03-04T05:06:07.000Z" },
      { url: "https://www.rust-lang.org/", title: "Rust", description: "", tags: ["rust", "programming", "toread"], folders: [], addedAt: "2020-12-31T23:59:59.000Z" },
      { url: "https://example.com/untagged", title: "Untagged", description: "", tags: [], folders: [], addedAt: "2019-01-01T00:00:00.000Z" },
    ]);
    expect(result.bookmarks.map((b) => b.line)).toEqual([1, 2, 3]);
  });

  it("reads Karakeep: content.url, createdAt in seconds, the note; a text item is a problem with its reason", () => {
    const result = read("karakeep.json");
    expect(result.format).toBe("karakeep-json");
    expect(summary(result)).toEqual([
      { url: "https://docs.karakeep.app/", title: "Karakeep docs", description: "How imports work", tags: ["selfhosted", "docs"], folders: [], addedAt: "2024-05-01T12:00:00.000Z" },
      { url: "https://example.org/no-title", title: "", description: "", tags: [], folders: [], addedAt: "2024-05-02T12:00:00.000Z" },
    ]);
    expect(result.problems).toEqual([{ line: 19, reason: "Bookmark 3 is a Karakeep text item, not a link, so it has no address to save." }]);
  });

  it("reads Linkwarden: collections as folders (nested by parentId, Unorganized left out), tag objects, the import date", () => {
    const result = read("linkwarden.json");
    expect(result.format).toBe("linkwarden-json");
    expect(summary(result)).toEqual([
      { url: "https://linkwarden.app/", title: "Linkwarden", description: "Self-hosted bookmarks", tags: ["tools"], folders: [], addedAt: "2023-07-01T10:00:00.000Z" },
      { url: "https://essays.example/one", title: "Essay", description: "", tags: [], folders: ["Reading"], addedAt: "2019-05-05T00:00:00.000Z" },
      { url: "https://arxiv.org/abs/1706.03762", title: "Attention", description: "The transformer paper", tags: ["ml", "papers"], folders: ["Reading", "Papers"], addedAt: "2023-07-03T10:00:00.000Z" },
    ]);
  });

  it("reads Omnivore: savedAt and labels", () => {
    const result = read("omnivore.json");
    expect(result.format).toBe("omnivore-json");
    expect(summary(result)).toEqual([
      { url: "https://sleep.example/why", title: "Why we sleep", description: "On sleep and memory.", tags: ["health", "Newsletter"], folders: [], addedAt: "2022-11-05T08:09:10.000Z" },
      { url: "https://plain.example/", title: "Unlabelled", description: "", tags: [], folders: [], addedAt: "2023-02-03T04:05:06.000Z" },
    ]);
  });

  it("offers the other JSON formats when the content could be read another way", () => {
    expect(read("omnivore.json").alternatives).toContain("json");
    expect(read("omnivore.json", "json").format).toBe("json");
  });
});

describe("OneTab and the services' CSV exports", () => {
  it("reads OneTab's text: address | title, blank lines between groups, a bar inside the title kept", () => {
    const result = read("onetab.txt");
    expect(result.format).toBe("onetab");
    expect(result.bookmarks.map((b) => [b.line, b.url, b.title])).toEqual([
      [1, "https://news.ycombinator.com/", "Hacker News"],
      [2, "https://en.wikipedia.org/wiki/Tab_(interface)", "Tab (interface) - Wikipedia, the free encyclopedia"],
      [4, "https://example.com/a", "Title | with a bar"],
      [5, "https://example.com/no-title", ""],
    ]);
  });

  it("reads Instapaper: Tags as a JSON list, custom folders kept, Unread and Archive are no folders", () => {
    const result = read("instapaper.csv");
    expect(result.format).toBe("instapaper-csv");
    expect(summary(result)).toEqual([
      { url: "https://go.dev/doc/", title: "Go docs", description: "", tags: ["go", "rust"], folders: [], addedAt: "2023-11-14T22:13:20.000Z" },
      { url: "https://blog.example/post", title: "A post", description: "A highlighted, quoted bit", tags: ["coding"], folders: ["Tech"], addedAt: "2023-11-14T22:15:00.000Z" },
      { url: "https://archive.example/", title: "Archived one", description: "", tags: [], folders: [], addedAt: "2020-09-13T12:26:40.000Z" },
    ]);
  });

  it("reads Readwise Reader: Document tags as a Python list, Saved date", () => {
    const result = read("readwise.csv");
    expect(result.format).toBe("readwise-csv");
    expect(summary(result)).toEqual([
      { url: "https://readwise.io/read", title: "The Reader", description: "", tags: ["reading", "tools"], folders: [], addedAt: "2023-06-01T10:20:30.000Z" },
      { url: "https://plain.example/r", title: "No tags", description: "", tags: [], folders: [], addedAt: "2023-06-02T11:00:00.000Z" },
    ]);
  });

  it("reads Pocket: tags split by |, time_added, an address with literal spaces kept for the import to clean", () => {
    const result = read("pocket.csv");
    expect(result.format).toBe("pocket-csv");
    expect(summary(result)).toEqual([
      { url: "https://pocket.example/a page with spaces", title: "A page", description: "", tags: ["x", "y"], folders: [], addedAt: "2020-09-13T12:26:40.000Z" },
      { url: "https://getpocket.com/explore", title: "Second", description: "", tags: [], folders: [], addedAt: "2020-09-13T12:35:00.000Z" },
    ]);
  });

  it("reads Raindrop.io: note over excerpt, Unsorted is no folder, comma-separated tags", () => {
    const result = read("raindrop.csv");
    expect(result.format).toBe("raindrop-csv");
    expect(summary(result)).toEqual([
      { url: "https://raindrop.io/", title: "Raindrop.io", description: "All-in-one bookmark manager", tags: ["tools", "bookmarks"], folders: [], addedAt: "2023-05-01T10:00:00.000Z" },
      { url: "https://two.example/", title: "A note wins", description: "My note", tags: [], folders: ["Reading"], addedAt: "2023-05-02T10:00:00.000Z" },
    ]);
  });

  it("names the format it read and offers the other text formats", () => {
    const result = read("instapaper.csv");
    expect(result.alternatives).toEqual(["csv", "pocket-csv", "raindrop-csv", "readwise-csv", "onetab"]);
    // Read as a plain CSV, the built-in folders are folders again.
    expect(read("instapaper.csv", "csv").bookmarks[0]?.folders).toEqual(["Unread"]);
  });
});

describe("browsers' binary files", () => {
  it("reads Safari's Bookmarks.plist: bar and menu are containers, Reading List a folder with its date and preview", () => {
    const plist = createPlist({
      WebBookmarkFileVersion: 1,
      WebBookmarkType: "WebBookmarkTypeList",
      Children: [
        { WebBookmarkType: "WebBookmarkTypeProxy", Title: "History" },
        {
          WebBookmarkType: "WebBookmarkTypeList",
          Title: "BookmarksBar",
          Children: [
            { WebBookmarkType: "WebBookmarkTypeLeaf", URLString: "https://www.apple.com/", URIDictionary: { title: "Apple" } },
            {
              WebBookmarkType: "WebBookmarkTypeList",
              Title: "Dev",
              Children: [{ WebBookmarkType: "WebBookmarkTypeLeaf", URLString: "https://webkit.org/", URIDictionary: { title: "WebKit" } }],
            },
          ],
        },
        { WebBookmarkType: "WebBookmarkTypeList", Title: "BookmarksMenu", Children: [] },
        {
          WebBookmarkType: "WebBookmarkTypeList",
          Title: "com.apple.ReadingList",
          Children: [
            {
              WebBookmarkType: "WebBookmarkTypeLeaf",
              URLString: "https://later.example/article",
              URIDictionary: { title: "Later" },
              ReadingList: { DateAdded: new Date("2022-02-02T02:02:02Z"), PreviewText: "The first lines." },
            },
          ],
        },
      ],
    });
    const result = readBookmarkFile(plist, "Bookmarks.plist");
    expect([result.format, result.problems]).toEqual(["safari-plist", []]);
    expect(summary(result)).toEqual([
      { url: "https://www.apple.com/", title: "Apple", description: "", tags: [], folders: [], addedAt: null },
      { url: "https://webkit.org/", title: "WebKit", description: "", tags: [], folders: ["Dev"], addedAt: null },
      { url: "https://later.example/article", title: "Later", description: "The first lines.", tags: [], folders: ["Reading List"], addedAt: "2022-02-02T02:02:02.000Z" },
    ]);
  });

  it("refuses a damaged plist in words", () => {
    expect(() => readBookmarkFile(Buffer.from("bplist00 not really"), "Bookmarks.plist")).toThrow(/Safari bookmarks file is damaged/);
  });

  it("reads Firefox's .jsonlz4 backups (mozLz4 header plus an LZ4 block)", () => {
    const backup = {
      guid: "root________",
      title: "",
      type: "text/x-moz-place-container",
      root: "placesRoot",
      children: [
        {
          guid: "toolbar_____",
          title: "toolbar",
          type: "text/x-moz-place-container",
          root: "toolbarFolder",
          children: [
            { title: "MDN", type: "text/x-moz-place", uri: "https://developer.mozilla.org/", tags: "docs,web", dateAdded: 1_600_000_000_000_000 },
          ],
        },
      ],
    };
    const compressed = compressSync(Buffer.from(JSON.stringify(backup)));
    const file = Buffer.concat([Buffer.from("mozLz40\u0000", "latin1"), compressed]);
    const result = readBookmarkFile(file, "bookmarks-2024-01-01.jsonlz4");
    expect(result.format).toBe("firefox-jsonlz4");
    expect(summary(result)).toEqual([
      { url: "https://developer.mozilla.org/", title: "MDN", description: "", tags: ["docs", "web"], folders: [], addedAt: "2020-09-13T12:26:40.000Z" },
    ]);
    const forged = Buffer.concat([Buffer.from("mozLz40\u0000", "latin1"), Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3])]);
    expect(() => readBookmarkFile(forged, "x.jsonlz4")).toThrow(/damaged or too large/);
  });
});

describe("character sets", () => {
  const html = (charset: string, title: string) =>
    `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=${charset}">\n<DL><p>\n<DT><A HREF="https://cafe.example/">${title}</A>\n</DL>\n`;

  it("decodes a declared x-mac-roman file (old Mac exports) into readable titles", () => {
    const bytes = iconv.encode(html("x-mac-roman", "Café – crème brûlée"), "macintosh");
    const result = readBookmarkFile(bytes, "Bookmarks.html");
    expect(result.encoding).toBe("macintosh");
    expect(result.bookmarks[0]?.title).toBe("Café – crème brûlée");
  });

  it("falls back to Windows-1252 for bytes that aren't UTF-8 and declare nothing", () => {
    const bytes = iconv.encode(html("", "Résumé “quoted” €5").replace("; charset=", ""), "windows-1252");
    const result = readBookmarkFile(bytes, "bookmark.htm");
    expect(result.encoding).toBe("windows-1252");
    expect(result.bookmarks[0]?.title).toBe("Résumé “quoted” €5");
    expect(result.bookmarks[0]?.title).not.toContain("\ufffd");
  });

  it("trusts a declared windows-1252 or ISO-8859-1 and reads an XML prolog's encoding", () => {
    const declared = readBookmarkFile(iconv.encode(html("ISO-8859-1", "Grüße €"), "windows-1252"), "b.html");
    expect([declared.encoding, declared.bookmarks[0]?.title]).toEqual(["windows-1252", "Grüße €"]);
    const xml = iconv.encode(`<?xml version="1.0" encoding="windows-1252"?>\n<DL><DT><A HREF="https://x.example/">Naïve</A></DL>`, "windows-1252");
    expect(readBookmarkFile(xml, "b.html").bookmarks[0]?.title).toBe("Naïve");
  });

  it("uses a byte-order mark first (UTF-16 and UTF-8), and UTF-8 when the bytes are valid UTF-8", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("url,title\nhttps://u.example/,Ünïcode\n", "utf-16le")]);
    const result = readBookmarkFile(utf16, "list.csv");
    expect([result.encoding, result.bookmarks[0]?.title]).toEqual(["utf-16le", "Ünïcode"]);
    const utf8 = readBookmarkFile(Buffer.from(html("windows-1252", "日本語").replace("windows-1252", "utf-8")), "b.html");
    expect([utf8.encoding, utf8.bookmarks[0]?.title]).toEqual(["utf-8", "日本語"]);
  });
});
