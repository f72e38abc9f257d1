import { describe, expect, it } from "vitest";
import { BookmarkFileError, detectFormat, MAX_FILE_BOOKMARKS, MAX_FILE_BYTES, parseBookmarkFile } from "./index";

describe("detectFormat", () => {
  it("goes by content first", () => {
    expect(detectFormat("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL>", "export.csv")).toBe("netscape");
    expect(detectFormat('<li><a href="https://x">x</a>')).toBe("netscape");
    expect(detectFormat('\ufeff  [{"url":"x"}]', "a.csv")).toBe("json");
    expect(detectFormat("url,title\nhttps://x,x", "bookmarks.json")).toBe("json");
    expect(detectFormat("url,title\nhttps://x,x")).toBe("csv");
    expect(detectFormat("https://x")).toBe("csv");
    expect(detectFormat("Exported bookmarks\n<DL><DT><A HREF=x>x</A></DL>")).toBe("netscape");
    expect(detectFormat("Exported bookmarks\n<DL><DT><A HREF=x>x</A></DL>", "bookmarks.htm")).toBe("netscape");
  });

  it("lets the extension decide over markup further in, so a CSV may quote HTML", () => {
    expect(detectFormat('url,note\nhttps://x,"see <a href=""https://y"">y</a>"', "raindrop.csv")).toBe("csv");
  });

  it("refuses empty and binary files in words", () => {
    expect(() => detectFormat(" \n ")).toThrow(new BookmarkFileError("This file is empty."));
    expect(() => detectFormat("PK\u0003\u0004\u0000\u0000", "bookmarks.xlsx")).toThrow(/doesn't look like a bookmarks file/);
  });
});

describe("parseBookmarkFile limits", () => {
  it("refuses a file over MAX_FILE_BYTES counting UTF-8 bytes", () => {
    const emoji = "😀".repeat(Math.floor(MAX_FILE_BYTES / 4) + 1);
    expect(() => parseBookmarkFile(`url\n${emoji}`)).toThrow("This file is 20 MB; Shelf imports files up to 20 MB.");
  });

  it("refuses more than MAX_FILE_BOOKMARKS bookmarks with the count", () => {
    const rows = Array.from({ length: 61_234 }, (_, i) => `https://example.com/${i}`).join("\n");
    expect(() => parseBookmarkFile(`url\n${rows}`)).toThrow(
      "This file has 61,234 bookmarks; Shelf imports up to 50,000 at a time.",
    );
    expect(parseBookmarkFile(`url\n${rows.split("\n").slice(0, MAX_FILE_BOOKMARKS).join("\n")}`).bookmarks).toHaveLength(
      MAX_FILE_BOOKMARKS,
    );
  });
});
