import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseBookmarkFile } from "./index";
import { MAX_FOLDER_DEPTH } from "./values";

// Files made to hurt: deep nesting, piles of unclosed tags, huge rows. Each
// must be read in time proportional to its size and without overflowing the
// call stack. The bound is loose for a loaded machine; quadratic work on these
// inputs takes many minutes.
const DEPTH = 100_000;
const BOUND_MS = 30_000;
const TIMEOUT = { timeout: 120_000 };

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(BOUND_MS);
  return result;
}

describe("hostile files", TIMEOUT, () => {
  it("reads folders nested 100,000 deep, keeping the first levels of the path", () => {
    const html = `${"<DL><DT><H3>f</H3>".repeat(DEPTH)}<DL><DT><A HREF="https://a.example">a</A>${"</DL>".repeat(DEPTH)}`;
    const { bookmarks } = timed(() => parseBookmarkFile(html));
    expect(bookmarks).toHaveLength(1);
    expect(bookmarks[0]?.folders).toHaveLength(MAX_FOLDER_DEPTH);
  });

  it("reads a pile of unclosed tags and stray close tags", () => {
    const html = `<DL>${"<b><i><DT><A HREF=x>".repeat(DEPTH / 4)}${"</x></b>".repeat(DEPTH / 4)}`;
    expect(timed(() => parseBookmarkFile(html)).bookmarks).toHaveLength(DEPTH / 4);
  });

  it("reads Chrome and Firefox JSON nested 100,000 deep", () => {
    // Written as text: JSON.stringify itself recurses.
    const nest = (open: string, inner: string) => `${open.repeat(DEPTH)}${inner}${"]}".repeat(DEPTH)}`;
    const chrome = nest('{"type":"folder","name":"f","children":[', '{"type":"url","url":"https://a.example","name":"a"}');
    const firefox = nest(
      '{"type":"text/x-moz-place-container","title":"f","children":[',
      '{"type":"text/x-moz-place","uri":"https://a.example","title":"a"}',
    );
    for (const json of [`{"roots":{"bookmark_bar":{"children":[${chrome}]}}}`, firefox]) {
      const { bookmarks } = timed(() => parseBookmarkFile(json));
      expect(bookmarks.map((b) => [b.url, b.folders.length])).toEqual([["https://a.example", MAX_FOLDER_DEPTH]]);
    }
  });

  it("reads a CSV of one huge quoted value and one of many empty rows", () => {
    const big = `url,title\nhttps://a.example,"${"x".repeat(MAX_FILE_BYTES / 2)}"\n`;
    expect(timed(() => parseBookmarkFile(big)).bookmarks[0]?.title).toHaveLength(MAX_FILE_BYTES / 2);
    const empty = `url\n${",\n".repeat(1_000_000)}https://a.example\n`;
    expect(timed(() => parseBookmarkFile(empty)).bookmarks.map((b) => b.line)).toEqual([1_000_002]);
  });

  it("reads a CSV with 200,000 columns, with and without a header", () => {
    const wide = ",".repeat(200_000);
    const withHeader = `${wide}url\n${wide}https://a.example\n`;
    expect(timed(() => parseBookmarkFile(withHeader)).bookmarks.map((b) => b.url)).toEqual(["https://a.example"]);
    const withoutHeader = `https://a.example,A${wide}\n`.repeat(20);
    expect(timed(() => parseBookmarkFile(withoutHeader)).bookmarks).toHaveLength(20);
  });
});
