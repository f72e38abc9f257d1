import { describe, expect, it } from "vitest";
import { parseBookmarkFile, toNetscapeHtml } from "./index";

function parse(html: string) {
  const result = parseBookmarkFile(html, "bookmarks.html");
  expect(result.format).toBe("netscape");
  return result;
}

describe("Netscape bookmark files", () => {
  it("reads a Chrome export: toolbar folder dropped from paths, nested folders kept, icons ignored", () => {
    const html = [
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
      "<!-- This is an automatically generated file.",
      "     It will be read and overwritten.",
      "     DO NOT EDIT! -->",
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
      "<TITLE>Bookmarks</TITLE>",
      "<H1>Bookmarks</H1>",
      "<DL><p>",
      '    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000100" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>',
      "    <DL><p>",
      '        <DT><A HREF="https://example.com/" ADD_DATE="1700000001" ICON="data:image/png;base64,iVBORw0KGgo=">Example</A>',
      '        <DT><H3 ADD_DATE="1700000002">Work</H3>',
      "        <DL><p>",
      '            <DT><H3 ADD_DATE="1700000003">Design &amp; research</H3>',
      "            <DL><p>",
      '                <DT><A HREF="https://figma.com/?a=1&amp;b=2" ADD_DATE="1700000004">Figma &lt;3</A>',
      "            </DL><p>",
      '            <DT><A HREF="https://linear.app">Linear</A>',
      "        </DL><p>",
      "    </DL><p>",
      '    <DT><A HREF="https://other.example">Loose</A>',
      "</DL><p>",
    ].join("\n");
    const { bookmarks, problems } = parse(html);
    expect(problems).toEqual([]);
    expect(bookmarks.map((b) => [b.line, b.url, b.title, b.folders])).toEqual([
      [11, "https://example.com/", "Example", []],
      [16, "https://figma.com/?a=1&b=2", "Figma <3", ["Work", "Design & research"]],
      [18, "https://linear.app", "Linear", ["Work"]],
      [21, "https://other.example", "Loose", []],
    ]);
    expect(bookmarks[0]?.addedAt?.toISOString()).toBe("2023-11-14T22:13:21.000Z");
    expect(bookmarks[2]?.addedAt).toBeNull();
  });

  it("reads a Firefox export: TAGS, SHORTCUTURL, multi-line DD, menu and toolbar containers", () => {
    const html = [
      "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
      '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
      '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'none\'; img-src data: *; object-src \'none\'"></meta>',
      "<TITLE>Bookmarks</TITLE>",
      "<H1>Bookmarks Menu</H1>",
      "",
      "<DL><p>",
      '    <DT><A HREF="https://www.mozilla.org/" ADD_DATE="1700000000" LAST_MODIFIED="1700000500" TAGS="mozilla,Browsers, browsers" SHORTCUTURL="moz">Mozilla</A>',
      "    <DD>The people who make Firefox.",
      "second line &amp; more",
      '    <DT><H3 ADD_DATE="1" LAST_MODIFIED="2" PERSONAL_TOOLBAR_FOLDER="true">Barre personnelle</H3>',
      "    <DL><p>",
      '        <DT><A HREF="place:sort=8&maxResults=10">Most Visited</A>',
      "    </DL><p>",
      '    <DT><H3 ADD_DATE="1" UNFILED_BOOKMARKS_FOLDER="true">Other Bookmarks</H3>',
      "    <DL><p>",
      '        <DT><H3>Mozilla Firefox</H3>',
      "        <DL><p>",
      '            <DT><A HREF="https://support.mozilla.org/" TAGS="">Get Help</A>',
      "        </DL><p>",
      "    </DL><p>",
      "</DL>",
    ].join("\r\n");
    const { bookmarks } = parse(html);
    expect(bookmarks).toEqual([
      {
        line: 8,
        url: "https://www.mozilla.org/",
        title: "Mozilla",
        description: "The people who make Firefox.\nsecond line & more",
        tags: ["mozilla", "Browsers"],
        folders: [],
        addedAt: new Date(1_700_000_000_000),
      },
      expect.objectContaining({ url: "place:sort=8&maxResults=10", folders: [], line: 13 }),
      expect.objectContaining({ url: "https://support.mozilla.org/", folders: ["Mozilla Firefox"], tags: [] }),
    ]);
  });

  it("tolerates unclosed <A>, <DD> and <DL>, unquoted attributes, a BOM and lower case", () => {
    const html =
      "\ufeff<dl><p>\n<dt><h3>Reading\n<dl>\n<dt><a href=https://a.example add_date=1700000000000>First\n" +
      "<dd>About the first\n<dt><a href='https://b.example'>Second</a>\n<dt><h3>Deeper</h3><dl><dt><a href=\"https://c.example\">Third";
    const { bookmarks } = parse(html);
    expect(bookmarks.map((b) => [b.url, b.title, b.description, b.folders, b.line])).toEqual([
      ["https://a.example", "First", "About the first", ["Reading"], 4],
      ["https://b.example", "Second", "", ["Reading"], 6],
      ["https://c.example", "Third", "", ["Reading", "Deeper"], 7],
    ]);
    expect(bookmarks[0]?.addedAt).toEqual(new Date(1_700_000_000_000));
  });

  it("keeps unicode and decodes entities in titles and attributes", () => {
    const html =
      '<DL><DT><A HREF="https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC">日本 &#x1F600; &eacute;&nbsp;x</A>' +
      '<DT><A HREF="https://he.example">שלום עולם</A><DT><A HREF="https://e.example">e\u0301 🧑‍💻</A></DL>';
    const { bookmarks } = parse(html);
    expect(bookmarks.map((b) => b.title)).toEqual(["日本 😀 é\u00a0x", "שלום עולם", "e\u0301 🧑‍💻"]);
  });

  it("reads a Pocket export: links in lists with time_added and tags", () => {
    const html = `<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>Pocket Export</title></head>
<body>
<h1>Unread</h1>
<ul>
<li><a href="https://longreads.example/a" time_added="1600000000" tags="reading,longform">A long read</a></li>
</ul>
<h1>Read Archive</h1>
<ul>
<li><a href="https://done.example" time_added="1500000000" tags="">Done</a></li>
</ul></body></html>`;
    const { bookmarks } = parse(html);
    expect(bookmarks.map((b) => [b.url, b.tags, b.addedAt?.getTime(), b.folders])).toEqual([
      ["https://longreads.example/a", ["reading", "longform"], 1_600_000_000_000, []],
      ["https://done.example", [], 1_500_000_000_000, []],
    ]);
  });

  it("gives a link without HREF an empty url for the import to report; folder descriptions and unnamed folders are ignored", () => {
    const html = '<DL><DT><H3>F</H3><DD>folder note<DL><DT><H3> </H3><DL><DT><A>No address</A><DD>its note</DL></DL></DL>';
    const { bookmarks } = parse(html);
    expect(bookmarks).toEqual([expect.objectContaining({ url: "", title: "No address", description: "its note", folders: ["F"] })]);
  });

  it("reads a Safari export: Favorites is the bar, Reading List stays a folder", () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
	<HTML>
	<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
	<Title>Bookmarks</Title>
	<H1>Bookmarks</H1>
	<DT><H3 FOLDED>Favorites</H3>
	<DL><p>
		<DT><A HREF="https://www.apple.com/">Apple</A>
		<DT><H3 FOLDED>News</H3>
		<DL><p>
			<DT><A HREF="https://www.bbc.co.uk/news">BBC News</A>
		</DL><p>
	</DL><p>
	<DT><H3 FOLDED id="com.apple.ReadingList">Reading List</H3>
	<DL><p>
		<DT><A HREF="https://example.com/article">An article</A>
	</DL><p>
</HTML>`;
    expect(parse(html).bookmarks.map((b) => [b.title, b.folders])).toEqual([
      ["Apple", []],
      ["BBC News", ["News"]],
      ["An article", ["Reading List"]],
    ]);
  });

  it("drops a container name only at the top: a Favorites folder inside the bar stays", () => {
    const html =
      '<DL><DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Lesezeichenleiste</H3><DL>' +
      '<DT><H3>Favorites</H3><DL><DT><A HREF="https://a.example">A</A></DL></DL></DL>';
    expect(parse(html).bookmarks[0]?.folders).toEqual(["Favorites"]);
  });

  it("reads HREF with & written raw the way browsers do (&copy= is not ©)", () => {
    const html = '<DL><DT><A HREF="https://x.example/?a=1&copy=2&lang=en&amp;b=3">x</A></DL>';
    expect(parse(html).bookmarks[0]?.url).toBe("https://x.example/?a=1&copy=2&lang=en&b=3");
  });

  it("reads ADD_DATE in seconds, milliseconds or microseconds and ignores nonsense", () => {
    const html = [1_700_000_000, 1_700_000_000_000, 1_700_000_000_000_000, 0, -5, "soon"]
      .map((date) => `<DT><A HREF="https://a.example" ADD_DATE="${date}">a</A>`)
      .join("\n");
    expect(parse(`<DL>${html}</DL>`).bookmarks.map((b) => b.addedAt?.getTime() ?? null)).toEqual([
      1_700_000_000_000,
      1_700_000_000_000,
      1_700_000_000_000,
      null,
      null,
      null,
    ]);
  });

  it("exports a browser-importable file and, with tagsAsFolders, a folder per tag", () => {
    const bookmarks = [
      { url: "https://a.example/?x=1&y=2", title: "A <b>", description: "d & e", tags: ["one", "two"], createdTime: "2024-01-02T03:04:05.678Z" },
      { url: "https://b.example", title: "B", description: "", tags: [], createdTime: "not a date" },
    ];
    expect(toNetscapeHtml(bookmarks)).toBe(
      [
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
        "<!-- This is an automatically generated file.",
        "     It will be read and overwritten.",
        "     DO NOT EDIT! -->",
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
        "<TITLE>Bookmarks</TITLE>",
        "<H1>Bookmarks</H1>",
        "<DL><p>",
        '    <DT><A HREF="https://a.example/?x=1&amp;y=2" ADD_DATE="1704164645" TAGS="one,two">A &lt;b&gt;</A>',
        "    <DD>d &amp; e",
        '    <DT><A HREF="https://b.example">B</A>',
        "</DL><p>",
        "",
      ].join("\n"),
    );
    const folders = parse(toNetscapeHtml(bookmarks, { tagsAsFolders: true })).bookmarks;
    expect(folders.map((b) => [b.title, b.folders])).toEqual([
      ["B", []],
      ["A <b>", ["one"]],
      ["A <b>", ["two"]],
    ]);
  });

  it("skips links inside comments and scripts; the first of repeated attributes wins", () => {
    const html =
      '<DL><!-- <DT><A HREF="https://commented.example">c</A> --><script><a href="https://script.example">s</a></script>' +
      '<DT><A HREF="https://a.example" HREF="https://second.example" ADD_DATE="1700000000" add_date="1" />Self</A></DL>';
    expect(parse(html).bookmarks).toEqual([
      expect.objectContaining({ url: "https://a.example", title: "Self", addedAt: new Date(1_700_000_000_000) }),
    ]);
  });
});

describe("Netscape files as other tools and browsers write them", () => {
  it("reads a Scuttle/Delicious-era file: description attribute, space-separated TAGS, log-style dates", () => {
    const { bookmarks } = parse(
      [
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
        "<DL><p>",
        '<DT><A HREF="https://scuttle.example/" ADD_DATE="10/Oct/2000:13:55:36 +0300" PRIVATE="1" TAGS="private secret" description="Kept in an attribute">Scuttle</A>',
        '<DT><A HREF="https://dd.example/" PRIVATE="0" TAGS="one" DESCRIPTION="replaced">With a DD</A>',
        "<DD>The DD wins",
        "</DL>",
      ].join("\n"),
    );
    expect(bookmarks.map((b) => [b.title, b.description, b.tags, b.addedAt?.toISOString() ?? null])).toEqual([
      ["Scuttle", "Kept in an attribute", ["private", "secret"], "2000-10-10T10:55:36.000Z"],
      ["With a DD", "The DD wins", ["one"], null],
    ]);
  });

  it("splits TAGS on spaces only in files of the PRIVATE-marking tools without a comma anywhere, so a browser's tag may hold a space", () => {
    const browser = parse('<DL><DT><A HREF="https://a.example/" TAGS="read later">A</A></DL>');
    expect(browser.bookmarks.map((b) => b.tags)).toEqual([["read later"]]);
    const mixed = parse(
      '<DL><DT><A HREF="https://a.example/" PRIVATE="0" TAGS="read later">A</A><DT><A HREF="https://b.example/" TAGS="x,y z">B</A></DL>',
    );
    expect(mixed.bookmarks.map((b) => b.tags)).toEqual([["read later"], ["x", "y z"]]);
  });

  it("keeps the text of a note with markup and links; a link inside a note is no bookmark", () => {
    const { bookmarks } = parse(
      [
        "<DL><p>",
        '<DT><A HREF="https://a.example/">A</A>',
        '<DD>See <b>also</b> <A HREF="https://inside.example/">the other one</A>.<br>Second line',
        '<DT><A HREF="https://b.example/">B</A>',
        "</DL>",
      ].join("\n"),
    );
    expect(bookmarks.map((b) => [b.url, b.description])).toEqual([
      ["https://a.example/", "See also the other one.\nSecond line"],
      ["https://b.example/", ""],
    ]);
  });

  it("reads every date form: seconds, milliseconds, microseconds, log-style, ISO", () => {
    const dates = ["1700000000", "1700000000000", "1700000000000000", "14/Nov/2023:22:13:20 +0000", "2023-11-14T22:13:20Z"];
    const { bookmarks } = parse(`<DL>${dates.map((date, i) => `<DT><A HREF="https://d${i}.example/" ADD_DATE="${date}">d</A>`).join("")}</DL>`);
    expect(bookmarks.map((b) => b.addedAt?.toISOString())).toEqual(Array(dates.length).fill("2023-11-14T22:13:20.000Z"));
  });

  it("leaves out Vivaldi's separators", () => {
    const { bookmarks } = parse(
      [
        "<DL><p>",
        '<DT><A HREF="https://a.example/">A</A>',
        '<DT><A HREF="http://bookmark.vivaldi.internal/separator" DESCRIPTION="separator">---</A>',
        '<DT><A HREF="about:blank" DESCRIPTION="Separator"></A>',
        '<DT><A HREF="https://b.example/" DESCRIPTION="separator">A real page someone described so</A>',
        "</DL>",
      ].join("\n"),
    );
    expect(bookmarks.map((b) => b.url)).toEqual(["https://a.example/", "https://b.example/"]);
  });

  it.each([
    ["Favourites", "en-GB Safari"],
    ["Favoris", "French Safari"],
    ["Menu Signets", "French Safari"],
    ["Personal Toolbar Folder", "Netscape 4"],
    ["Lesezeichenleiste", "German Chrome"],
    ["Barra de favoritos", "Spanish Edge"],
    ["ブックマーク バー", "Japanese Chrome"],
  ])("drops the localized root container %s (%s) from folder paths", (name) => {
    const { bookmarks } = parse(`<DL><DT><H3>${name}</H3><DL><DT><H3>Work</H3><DL><DT><A HREF="https://w.example/">W</A></DL></DL></DL>`);
    expect(bookmarks[0]?.folders).toEqual(["Work"]);
  });
});
