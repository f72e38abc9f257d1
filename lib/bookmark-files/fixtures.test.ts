import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeUrl, parseHttpUrl } from "@/lib/bookmarks/url";
import { parseBookmarkFile } from "./index";

// The generated browser exports in test/fixtures, read against the counts the
// generator (scripts/make-bookmark-fixtures.ts) wrote while making them.
const FIXTURES = path.join(import.meta.dirname, "..", "..", "test", "fixtures");

type Expected = {
  links: number;
  invalidUrls: number;
  distinctValidUrls: number;
  longTitles: number;
  emptyTitles: number;
  described: number;
  tagged: number;
  tags: Record<string, number>;
  maxDepth: number;
  addedAt: { first: string; last: string };
  folders: Record<string, number>;
  samples: { line: number; url: string; title: string; description: string; tags: string[]; folders: string[]; addedAt: string }[];
};

function tally(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe.each(["chrome-5000", "firefox-5000"])("%s.html", (name) => {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), "utf8");
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), "utf8")) as Expected;
  const { format, bookmarks, problems } = parseBookmarkFile(html, `${name}.html`);

  it("reads every one of the 5,000 links, with no problems", () => {
    expect(format).toBe("netscape");
    expect(expected.links).toBe(5000);
    expect(bookmarks).toHaveLength(5000);
    expect(problems).toEqual([]);
  });

  it("puts each link in its folder path, without the browser's containers, down to depth 5", () => {
    expect(tally(bookmarks.map((b) => b.folders.join(" / ")))).toEqual(expected.folders);
    expect(Math.max(...bookmarks.map((b) => b.folders.length))).toBe(5);
    expect(expected.maxDepth).toBe(5);
    const containers = /^(bookmarks (bar|toolbar|menu)|other bookmarks|mobile bookmarks)$/i;
    expect(bookmarks.some((b) => b.folders.some((folder) => containers.test(folder)))).toBe(false);
  });

  it("reads tags, descriptions, dates and titles as written", () => {
    expect(tally(bookmarks.flatMap((b) => b.tags))).toEqual(expected.tags);
    expect(bookmarks.filter((b) => b.tags.length > 0)).toHaveLength(expected.tagged);
    expect(bookmarks.filter((b) => b.description !== "")).toHaveLength(expected.described);
    expect(bookmarks.filter((b) => b.title.length > 2000)).toHaveLength(expected.longTitles);
    expect(expected.longTitles).toBeGreaterThan(0);
    expect(bookmarks.filter((b) => b.title === "")).toHaveLength(expected.emptyTitles);
    const dates = bookmarks.map((b) => b.addedAt?.toISOString() ?? "missing").sort();
    expect([dates[0], dates.at(-1)]).toEqual([expected.addedAt.first, expected.addedAt.last]);
  });

  it("keeps invalid and duplicate addresses for the import to sort out", () => {
    const valid = bookmarks.filter((b) => parseHttpUrl(b.url) !== null);
    expect(bookmarks.length - valid.length).toBe(expected.invalidUrls);
    expect(new Set(valid.map((b) => normalizeUrl(b.url))).size).toBe(expected.distinctValidUrls);
    expect(expected.distinctValidUrls).toBeLessThan(valid.length);
  });

  it("gives each sampled link exactly, with its line number", () => {
    const byLine = new Map(bookmarks.map((b) => [b.line, b]));
    for (const sample of expected.samples) {
      const bookmark = byLine.get(sample.line);
      expect({ ...bookmark, addedAt: bookmark?.addedAt?.toISOString() }).toEqual(sample);
    }
  });
});
