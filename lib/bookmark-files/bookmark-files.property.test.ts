import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BookmarkFileError,
  parseBookmarkFile,
  readBookmarkFile,
  toCsv,
  toJson,
  toNetscapeHtml,
  type ExportBookmark,
  type ParsedBookmark,
} from "./index";

// Property-based tests across the formats. Example tests live beside each format.
const RUNS = { numRuns: 300 };

// Pieces of the three formats, so random files get deep into each parser
// rather than failing at the first character.
const FRAGMENTS = [
  "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
  "<DL><p>",
  "</DL>",
  "<DT>",
  "<DD>",
  "<H3>",
  "</H3>",
  '<A HREF="',
  "<A HREF=",
  "</A>",
  ' ADD_DATE="',
  ' TAGS="',
  "<title>",
  "<script>",
  "<!--",
  "&amp;",
  "&#x",
  '"',
  "'",
  ",",
  ";",
  "\t",
  "\n",
  "\r\n",
  "\ufeff",
  "url,title,tags,folder,created\n",
  "https://example.com/",
  "www.example.com",
  "[",
  "]",
  "{",
  "}",
  '{"url":',
  '"bookmarks":[',
  '{"roots":{"bookmark_bar":{"children":[',
  '{"type":"url","url":',
  '"date_added":"13345678901234567"',
  '{"type":"text/x-moz-place-container","root":"placesRoot","children":[',
  '{"type":"text/x-moz-place","uri":',
  '"dateAdded":',
  "null",
  "1700000000",
  "99999999999999999999",
  "-1",
  "=cmd",
  "'=x",
  '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=x-mac-roman">',
  '<?xml version="1.0" encoding="windows-1252"?>',
  ' DESCRIPTION="separator"',
  "10/Oct/2000:13:55:36 +0300",
  "https://x.example/ | Title\n",
  "URL,Title,Selection,Folder,Timestamp,Tags\n",
  "Title,URL,ID,Document tags,Saved date\n",
  '["go","rust"]',
  "['a', 'b']",
  '[{"href":',
  '{"content":{"type":"link","url":',
  '{"collections":[{"name":"x","links":[',
  '"savedAt":"2020-01-01","labels":[',
];
// Byte files may start with the magic of Safari's plist or Firefox's mozLz4 and then anything.
const fileBytes = fc
  .tuple(fc.constantFrom("", "bplist00", "mozLz40\u0000", "\ufeff", "\u00ff\u00fe"), fc.uint8Array({ maxLength: 400 }))
  .map(([magic, rest]) => new Uint8Array([...Buffer.from(magic, "latin1"), ...rest]));
const fileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((parts) => parts.join("")),
);
const fileName = fc.constantFrom(undefined, "bookmarks.html", "export.csv", "shelf.json", "notes.txt", "data.xlsx");

describe("parseBookmarkFile on any input", () => {
  it("returns a result or throws a BookmarkFileError, nothing else", () => {
    fc.assert(
      fc.property(fileText, fileName, (text, name) => {
        try {
          const result = parseBookmarkFile(text, name);
          for (const bookmark of result.bookmarks) {
            expect(typeof bookmark.url).toBe("string");
            expect(bookmark.line === null || bookmark.line >= 1).toBe(true);
            expect(bookmark.addedAt === null || !Number.isNaN(bookmark.addedAt.getTime())).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(BookmarkFileError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any bytes, binary formats' magic included, into a result or a BookmarkFileError", () => {
    fc.assert(
      fc.property(fc.oneof(fileBytes, fileText.map((text) => new Uint8Array(Buffer.from(text, "latin1")))), fileName, (bytes, name) => {
        try {
          const result = readBookmarkFile(bytes, name);
          expect(typeof result.encoding).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(BookmarkFileError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any JSON value, also in the shapes of Shelf's, Chrome's and Firefox's files", () => {
    const shaped = fc.oneof(
      fc.jsonValue(),
      fc.jsonValue().map((value) => ({ bookmarks: value })),
      fc.jsonValue().map((value) => ({ roots: { bookmark_bar: { children: value }, other: value } })),
      fc.jsonValue().map((value) => ({ type: "text/x-moz-place-container", root: "placesRoot", children: value })),
      fc.array(fc.record({ type: fc.constantFrom("url", "folder", "text/x-moz-place"), url: fc.jsonValue(), uri: fc.jsonValue(), children: fc.jsonValue() })),
    );
    fc.assert(
      fc.property(shaped, (value) => {
        try {
          parseBookmarkFile(JSON.stringify(value) ?? "null", "x.json");
        } catch (error) {
          expect(error).toBeInstanceOf(BookmarkFileError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// What the parsers give back: text trimmed (imports ignore surrounding
// whitespace), line breaks as \n. Tags cannot hold the separators , ; | —
// Notion refuses commas in option names anyway.
const TRICKY = [
  "=1+2",
  '=HYPERLINK("http://evil.example")',
  "@SUM(A1)",
  "+1",
  "-1",
  "'=already guarded",
  '"quoted" text',
  "<b>&amp; &lt;</b>",
  "</A></DL>",
  "a,b;c|d",
  "line\nbreak",
  "日本語のタイトル",
  "🧑‍💻 emoji",
  "שלום עולם",
  "e\u0301 combining",
];
const text = fc
  .oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom(...TRICKY))
  .map((value) => value.replace(/\r\n?/g, "\n").trim());
const tag = fc
  .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), fc.constantFrom("=x", "-y", "@z", "日本", "🏷️", "a'b"))
  .map((value) => value.replace(/[,;|\r]/g, "").trim())
  .filter((value) => value !== "");
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom("javascript:alert(1)", "=cmd|' /C calc'!A0", "https://a.example/?q=a,b&c=\"d\"", "place:sort=8"),
);
const bookmark: fc.Arbitrary<ExportBookmark> = fc.record({
  url,
  title: text,
  description: text,
  tags: fc.uniqueArray(tag, { maxLength: 4, selector: (value) => value.toLowerCase() }),
  createdTime: fc
    .date({ min: new Date("1971-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
    .map((date) => date.toISOString()),
});
const bookmarks = fc.array(bookmark, { maxLength: 8 });

function kept(parsed: ParsedBookmark) {
  return { url: parsed.url, title: parsed.title, description: parsed.description, tags: parsed.tags };
}
function given(original: ExportBookmark) {
  return { url: original.url, title: original.title, description: original.description, tags: original.tags };
}

describe("export then import", () => {
  it("Netscape HTML keeps url, title, description, tags and the date to the second", () => {
    fc.assert(
      fc.property(bookmarks, (originals) => {
        const { format, bookmarks: parsed, problems } = parseBookmarkFile(toNetscapeHtml(originals), "b.html");
        expect(format).toBe("netscape");
        expect(problems).toEqual([]);
        expect(parsed.map(kept)).toEqual(originals.map(given));
        expect(parsed.map((b) => b.addedAt?.getTime())).toEqual(
          originals.map((b) => Math.floor(Date.parse(b.createdTime) / 1000) * 1000),
        );
      }),
      RUNS,
    );
  });

  it("Netscape HTML with tags as folders lists each bookmark once per tag, untagged ones at the top", () => {
    fc.assert(
      fc.property(bookmarks, (originals) => {
        const parsed = parseBookmarkFile(toNetscapeHtml(originals, { tagsAsFolders: true })).bookmarks;
        const expected = [
          ...originals.filter((b) => b.tags.length === 0).map((b) => ({ ...given(b), folders: [] as string[] })),
          ...[...new Set(originals.flatMap((b) => b.tags))].flatMap((folder) =>
            originals.filter((b) => b.tags.includes(folder)).map((b) => ({ ...given(b), folders: [folder] })),
          ),
        ];
        expect(parsed.map((b) => ({ ...kept(b), folders: b.folders }))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("CSV keeps url, title, description, tags and the date", () => {
    fc.assert(
      fc.property(bookmarks, (originals) => {
        const { format, bookmarks: parsed, problems } = parseBookmarkFile(toCsv(originals), "b.csv");
        expect(format).toBe("csv");
        expect(problems).toEqual([]);
        expect(parsed.map(kept)).toEqual(originals.map(given));
        expect(parsed.map((b) => b.addedAt?.toISOString())).toEqual(originals.map((b) => b.createdTime));
      }),
      RUNS,
    );
  });

  it("JSON keeps url, title, description, tags and the date", () => {
    fc.assert(
      fc.property(bookmarks, fc.option(text), (originals, workspaceName) => {
        const { format, bookmarks: parsed, problems } = parseBookmarkFile(toJson(originals, { workspaceName }), "b.json");
        expect(format).toBe("json");
        expect(problems).toEqual([]);
        expect(parsed.map(kept)).toEqual(originals.map(given));
        expect(parsed.map((b) => b.addedAt?.toISOString())).toEqual(originals.map((b) => b.createdTime));
      }),
      RUNS,
    );
  });
});

describe("JSON line numbers", () => {
  // With JSON.stringify's indent of 2, a line that is exactly "  {" (or "    {"
  // under "bookmarks") starts an item; deeper objects are indented further.
  const items = fc.array(fc.record({ url: fc.string(), extra: fc.jsonValue() }), { maxLength: 6 });

  it("gives each item of a bare array the line it starts on", () => {
    fc.assert(
      fc.property(items, (list) => {
        const json = JSON.stringify(list, null, 2);
        const starts = json.split("\n").flatMap((line, index) => (line === "  {" ? [index + 1] : []));
        expect(parseBookmarkFile(json, "x.json").bookmarks.map((b) => b.line)).toEqual(starts);
      }),
      RUNS,
    );
  });

  it("gives each item under “bookmarks” the line it starts on", () => {
    fc.assert(
      fc.property(items, fc.jsonValue(), (bookmarks, before) => {
        const json = JSON.stringify({ before, bookmarks }, null, 2);
        const lines = json.split("\n");
        const list = lines.findIndex((line) => line.startsWith('  "bookmarks": ['));
        const starts = lines.flatMap((line, index) => (index > list && line === "    {" ? [index + 1] : []));
        expect(parseBookmarkFile(json, "x.json").bookmarks.map((b) => b.line)).toEqual(starts);
      }),
      RUNS,
    );
  });
});
