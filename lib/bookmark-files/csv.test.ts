import { describe, expect, it } from "vitest";
import { BookmarkFileError, parseBookmarkFile, toCsv } from "./index";

function parse(csv: string, format = "csv") {
  const result = parseBookmarkFile(csv, "bookmarks.csv");
  expect(result.format).toBe(format);
  return result;
}

describe("CSV bookmark files", () => {
  it("reads quoted fields, doubled quotes, newlines in quotes, CRLF and a BOM, with physical line numbers", () => {
    const csv =
      '\ufeffURL,Title,Notes,Tags,Folder,Created\r\n' +
      'https://a.example,"Say ""hi""","two\r\nlines","x, y; z",Work/Design,2024-01-02T03:04:05Z\r\n' +
      "https://b.example,Plain,,,,1700000000\r\n";
    const { bookmarks, problems } = parse(csv);
    expect(problems).toEqual([]);
    expect(bookmarks).toEqual([
      {
        line: 2,
        url: "https://a.example",
        title: 'Say "hi"',
        description: "two\nlines",
        tags: ["x", "y; z"],
        folders: ["Work", "Design"],
        addedAt: new Date("2024-01-02T03:04:05Z"),
      },
      {
        line: 4,
        url: "https://b.example",
        title: "Plain",
        description: "",
        tags: [],
        folders: [],
        addedAt: new Date(1_700_000_000_000),
      },
    ]);
  });

  it("detects ; and tab delimiters and header aliases", () => {
    const semicolon = parse("name;link;labels;added\nA;https://a.example;one|two;1700000000000\n");
    expect(semicolon.bookmarks[0]).toMatchObject({ title: "A", url: "https://a.example", tags: ["one", "two"] });
    expect(semicolon.bookmarks[0]?.addedAt).toEqual(new Date(1_700_000_000_000));

    const tab = parse("href\ttitle\tdescription\nhttps://t.example\tTabbed, with comma\tdesc\n");
    expect(tab.bookmarks[0]).toMatchObject({ url: "https://t.example", title: "Tabbed, with comma", description: "desc" });
  });

  it("reads a Raindrop export (note preferred over excerpt, Unsorted is no folder) and a Pocket export", () => {
    const raindrop =
      "id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n" +
      '1,Raindrop,,An excerpt,https://raindrop.io,Unsorted,"a, b",2023-05-01T10:00:00.000Z,,,false\n' +
      "2,Second,My note,Excerpt,https://two.example,Reading/Later,,2023-05-02T10:00:00.000Z,,,true\n";
    expect(parse(raindrop, "raindrop-csv").bookmarks.map((b) => [b.title, b.description, b.folders, b.tags])).toEqual([
      ["Raindrop", "An excerpt", [], ["a", "b"]],
      ["Second", "My note", ["Reading", "Later"], []],
    ]);

    const pocket = "title,url,time_added,tags,status\nPocket,https://getpocket.com,1600000000,x|y,unread\n";
    expect(parse(pocket, "pocket-csv").bookmarks[0]).toMatchObject({ title: "Pocket", tags: ["x", "y"], addedAt: new Date(1_600_000_000_000) });
  });

  it("without a header takes the first column of addresses as url and the next text column as title", () => {
    const { bookmarks } = parse("1,https://a.example,First page\n2,https://b.example,Second page\n");
    expect(bookmarks.map((b) => [b.line, b.url, b.title])).toEqual([
      [1, "https://a.example", "First page"],
      [2, "https://b.example", "Second page"],
    ]);
  });

  it("skips an unknown header row and blank rows, and reports rows it cannot read", () => {
    const csv = 'Titel,Adresse\nA,https://a.example\n\n,,\nonly\n"B,https://b.example\nmore\n';
    const { bookmarks, problems } = parse(csv);
    expect(bookmarks.map((b) => [b.url, b.title])).toEqual([["https://a.example", "A"]]);
    expect(problems).toEqual([
      { line: 5, reason: "This row has 1 value; the address should be value 2." },
      {
        line: 6,
        reason: "A quoted value that starts on this line is never closed, so the rest of the file could not be read.",
      },
    ]);
  });

  it("keeps invalid addresses for the import to report", () => {
    const { bookmarks } = parse("url,title\njavascript:alert(1),Bad\n,Empty\n");
    expect(bookmarks.map((b) => b.url)).toEqual(["javascript:alert(1)", ""]);
  });

  it("refuses a CSV without any address column, in words", () => {
    expect(() => parse("a,b\nc,d\n")).toThrow(BookmarkFileError);
    expect(() => parse("a,b\nc,d\n")).toThrow(/couldn't find a column of web addresses/);
  });

  it("exports with a header, quoting, and a ' before formula-like cells that the parser removes again", () => {
    const csv = toCsv([
      {
        url: "https://a.example/?q=1,2",
        title: '=HYPERLINK("http://evil")',
        description: "line\nbreak",
        tags: ["-x", "@y", "+z", "'=w"],
        createdTime: "2024-01-02T03:04:05.000Z",
      },
    ]);
    expect(csv).toBe(
      "url,title,description,tags,created\r\n" +
        '"https://a.example/?q=1,2","\'=HYPERLINK(""http://evil"")","line\nbreak","\'-x, @y, +z, \'=w",2024-01-02T03:04:05.000Z\r\n',
    );
    const [bookmark] = parse(csv).bookmarks;
    expect(bookmark).toMatchObject({
      url: "https://a.example/?q=1,2",
      title: '=HYPERLINK("http://evil")',
      description: "line\nbreak",
      tags: ["-x", "@y", "+z", "'=w"],
    });
  });

  it("reads a plain list of addresses, one a line", () => {
    const { bookmarks } = parseBookmarkFile("https://a.example\nwww.b.example/path\n\nhttps://c.example\n", "links.txt");
    expect(bookmarks.map((b) => [b.line, b.url, b.title])).toEqual([
      [1, "https://a.example", ""],
      [2, "www.b.example/path", ""],
      [4, "https://c.example", ""],
    ]);
  });

  it("reads an old Instapaper export (Selection as description, Timestamp as date, Unread is no folder)", () => {
    const csv = "URL,Title,Selection,Folder,Timestamp\nhttps://i.example,Insta,Quoted bit,Unread,1600000000\n";
    expect(parse(csv, "instapaper-csv").bookmarks[0]).toMatchObject({
      title: "Insta",
      description: "Quoted bit",
      folders: [],
      addedAt: new Date(1_600_000_000_000),
    });
  });

  it("tolerates a stray quote inside an unquoted value and text after a closing quote", () => {
    const { bookmarks } = parse('url,title\nhttps://a.example,5" screen\nhttps://b.example,"quoted" tail\n');
    expect(bookmarks.map((b) => b.title)).toEqual(['5" screen', "quoted tail"]);
  });
});
