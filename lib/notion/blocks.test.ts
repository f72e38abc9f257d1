import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/reader/extract";
import type { ArticleBlock } from "@/lib/reader/types";
import { longArticle, readerFixture } from "@/test/reader-pages";
import { articleBlocks, chunkBlocks, codeLanguage, elementCount, fingerprint, NOTION_LIMITS, richTextRuns, sourceCallout, splitText, type NotionBlock } from "./blocks";

const capturedAt = new Date("2026-12-01T14:20:03.456Z");

function article(html: string, url = "https://storage-blog.example/posts/wal") {
  const outcome = extractArticle(html, url);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.article;
}

const body = (block: NotionBlock) => (block as unknown as Record<string, { rich_text?: Array<{ text: { content: string } }>; children?: NotionBlock[] }>)[block.type]!;
const text = (block: NotionBlock) => body(block).rich_text?.map((r) => r.text.content).join("") ?? "";

/** Every limit of one append request, checked on a chunk. */
function expectWithinLimits(chunk: NotionBlock[]) {
  expect(chunk.length).toBeLessThanOrEqual(NOTION_LIMITS.childrenPerRequest);
  expect(chunk.reduce((n, b) => n + elementCount(b), 0)).toBeLessThanOrEqual(NOTION_LIMITS.elementsPerRequest);
  expect(Buffer.byteLength(JSON.stringify({ children: chunk }))).toBeLessThan(500_000);
  for (const block of chunk) {
    const children = body(block).children ?? [];
    expect(children.length).toBeLessThanOrEqual(NOTION_LIMITS.childrenPerRequest);
    for (const child of children) expect(body(child).children).toBeUndefined();
    for (const b of [block, ...children]) {
      const rich = body(b).rich_text ?? [];
      expect(rich.length).toBeLessThanOrEqual(NOTION_LIMITS.richTextItems);
      for (const r of rich) expect(r.text.content.length).toBeLessThanOrEqual(NOTION_LIMITS.textLength);
    }
  }
}

describe("an article as Notion blocks", () => {
  const html = readerFixture("article.html").replace('src="/images/wal-diagram.png"', 'src="https://cdn.storage-blog.example/images/wal-diagram.png"');
  const blocks = articleBlocks(article(html), capturedAt);

  it("starts with the Source callout, then the article in order", () => {
    expect(blocks.map((b) => b.type)).toEqual([
      "callout",
      "paragraph", "paragraph", "heading_2", "paragraph",
      "bulleted_list_item", "bulleted_list_item", "bulleted_list_item",
      "heading_3", "numbered_list_item", "numbered_list_item", "numbered_list_item",
      "code", "quote", "image", "divider", "heading_2", "paragraph", "paragraph",
    ]);
    expect(blocks[0]).toEqual(sourceCallout("https://storage-blog.example/posts/wal", capturedAt));
    expect(text(blocks[0]!)).toBe("Source: https://storage-blog.example/posts/wal · captured 2026-12-01 14:20:03 UTC by Shelf");
  });

  it("keeps bold, italic, code and links as annotations", () => {
    const [, first, second] = blocks;
    expect(body(first!).rich_text).toEqual(
      expect.arrayContaining([
        { type: "text", text: { content: "write-ahead log", link: null }, annotations: { bold: true, italic: false, code: false } },
        { type: "text", text: { content: "before", link: null }, annotations: { bold: false, italic: true, code: false } },
      ]),
    );
    expect(body(second!).rich_text).toEqual(
      expect.arrayContaining([
        { type: "text", text: { content: "ARIES", link: { url: "https://en.wikipedia.org/wiki/Algorithms_for_Recovery_and_Isolation_Exploiting_Semantics" } }, annotations: { bold: false, italic: false, code: false } },
        { type: "text", text: { content: "WAL", link: null }, annotations: { bold: false, italic: false, code: true } },
      ]),
    );
  });

  it("nests list items, writes code with its language, images as external blocks with captions", () => {
    const recovery = blocks[6]!;
    expect(text(recovery)).toBe("Recovery only needs the log from the last checkpoint:");
    expect(body(recovery).children?.map((c) => [c.type, text(c)])).toEqual([
      ["bulleted_list_item", "redo the changes that were committed,"],
      ["bulleted_list_item", "undo the ones that were not."],
    ]);
    expect(blocks[12]).toMatchObject({ type: "code", code: { language: "python", rich_text: [{ text: { content: expect.stringContaining("log.flush()") } }] } });
    expect(blocks[14]).toMatchObject({
      type: "image",
      image: { type: "external", external: { url: "https://cdn.storage-blog.example/images/wal-diagram.png" }, caption: [{ text: { content: "Records reach the log before the data pages." } }] },
    });
    expect(blocks[15]).toEqual({ type: "divider", divider: {} });
  });

  it("maps code languages to Notion's names", () => {
    expect([codeLanguage("ts"), codeLanguage("Python"), codeLanguage("sh"), codeLanguage("brainfuck"), codeLanguage(null)]).toEqual(["typescript", "python", "shell", "plain text", "plain text"]);
  });
});

describe("Notion's limits", () => {
  it("splits text at 2,000 characters, never inside a surrogate pair", () => {
    expect(splitText("a".repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
    const emoji = `${"a".repeat(1999)}😀b`;
    expect(splitText(emoji)).toEqual(["a".repeat(1999), "😀b"]);
  });

  it("puts at most 100 rich-text items in a block and continues in the next one", () => {
    const runs = richTextRuns(Array.from({ length: 250 }, (_, i) => ({ text: `w${i} `, bold: i % 2 === 0 ? (true as const) : undefined })));
    expect(runs.map((r) => r.length)).toEqual([100, 100, 50]);
    const long = articleBlocks({ url: "https://e.example/", blocks: [{ type: "paragraph", inlines: [{ text: "x".repeat(90_000) }] }] }, capturedAt);
    expect(long.slice(1).map((b) => [b.type, text(b).length])).toEqual([["paragraph", 40_000], ["paragraph", 40_000], ["paragraph", 10_000]]);
  });

  it("sends at most two levels: deeper list items become children of the top item, in order", () => {
    const li = (label: string, children: ArticleBlock[] = []): ArticleBlock => ({ type: "list_item", ordered: false, inlines: [{ text: label }], children });
    const [, top] = articleBlocks({ url: "https://e.example/", blocks: [li("1", [li("1.1", [li("1.1.1", [li("1.1.1.1")])]), li("1.2")])] }, capturedAt);
    expect(text(top!)).toBe("1");
    expect(body(top!).children?.map(text)).toEqual(["1.1", "1.1.1", "1.1.1.1", "1.2"]);
    expect(body(top!).children?.every((c) => body(c).children === undefined)).toBe(true);
  });

  it("chunks a long article in order, every chunk within every limit", () => {
    const blocks = articleBlocks(article(longArticle(200 * 1024), "https://e.example/long"), capturedAt);
    const chunks = chunkBlocks(blocks);
    expect(chunks.length).toBe(Math.ceil(blocks.length / 100));
    expect(chunks.flat()).toEqual(blocks);
    chunks.forEach(expectWithinLimits);
  });

  it("closes a chunk at 1,000 elements and at the payload size", () => {
    const child = { type: "bulleted_list_item", bulleted_list_item: { rich_text: richTextRuns([{ text: "c" }])[0]! } } as NotionBlock;
    const parent = { type: "bulleted_list_item", bulleted_list_item: { rich_text: richTextRuns([{ text: "p" }])[0]!, children: Array(99).fill(child) } } as NotionBlock;
    const byElements = chunkBlocks(Array(25).fill(parent));
    expect(byElements.map((c) => c.length)).toEqual([10, 10, 5]);
    const heavy = articleBlocks({ url: "https://e.example/", blocks: Array.from({ length: 30 }, () => ({ type: "paragraph" as const, inlines: [{ text: "é\u0001".repeat(20_000) }] })) }, capturedAt);
    const bySize = chunkBlocks(heavy);
    expect(bySize.length).toBeGreaterThan(1);
    expect(bySize.flat()).toEqual(heavy);
    bySize.forEach(expectWithinLimits);
  });

  it("fingerprints a request block and Notion's answer alike", () => {
    const request = articleBlocks({ url: "https://e.example/", blocks: [{ type: "paragraph", inlines: [{ text: "Hello " }, { text: "world", bold: true }] }] }, capturedAt)[1]!;
    const answer = { type: "paragraph", paragraph: { rich_text: [{ plain_text: "Hello " }, { plain_text: "world" }] } };
    expect(fingerprint(request as never)).toBe(fingerprint(answer));
  });
});
