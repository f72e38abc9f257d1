/**
 * Page bodies as Shelf's content jobs write them: append block children (limits, nesting, order,
 * `after`), list them back page by page, delete them. Runs on the sandbox and, with
 * `npm run test:live`, on Notion; differences are under "Differences from Notion" in ../README.md.
 */
import type { BlockObjectRequest, BlockObjectResponse } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget } from "./target";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

const text = (content: string, extra: Record<string, unknown> = {}) => ({ type: "text" as const, text: { content }, ...extra });
const paragraph = (content: string): BlockObjectRequest => ({ type: "paragraph", paragraph: { rich_text: [text(content)] } });
const plain = (block: BlockObjectResponse) => {
  const body = (block as unknown as Record<string, { rich_text?: Array<{ plain_text: string }> }>)[block.type];
  return body?.rich_text?.map((r) => r.plain_text).join("") ?? "";
};

/** Every child of a block, reading `page_size` at a time. */
async function allChildren(blockId: string, pageSize = 100): Promise<BlockObjectResponse[]> {
  const blocks: BlockObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await notion.blocks.children.list({ block_id: blockId, page_size: pageSize, start_cursor: cursor });
    blocks.push(...(page.results as BlockObjectResponse[]));
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return blocks;
}

let dataSourceId: string;
beforeAll(async () => {
  ({ dataSourceId } = await target.createBookmarksDatabase("blocks"));
});

const newPage = async (name: string) =>
  (await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: { Name: { title: [{ text: { content: name } }] }, URL: { url: "https://example.com/article" } } })).id;

describe("block children", () => {
  it("appends every block type Shelf writes, in order, and reads them back", async () => {
    const pageId = await newPage("Article");
    const children: BlockObjectRequest[] = [
      { type: "callout", callout: { rich_text: [text("Source: "), text("https://example.com/article", { text: { content: "https://example.com/article", link: { url: "https://example.com/article" } } })], icon: { type: "emoji", emoji: "🔖" }, color: "gray_background" } },
      { type: "heading_1", heading_1: { rich_text: [text("Title")] } },
      { type: "heading_2", heading_2: { rich_text: [text("Section")] } },
      { type: "heading_3", heading_3: { rich_text: [text("Subsection")] } },
      { type: "paragraph", paragraph: { rich_text: [text("bold", { annotations: { bold: true } }), text(" and "), text("code", { annotations: { code: true } })] } },
      { type: "bulleted_list_item", bulleted_list_item: { rich_text: [text("Parent")], children: [{ type: "bulleted_list_item", bulleted_list_item: { rich_text: [text("Child")] } }] } },
      { type: "numbered_list_item", numbered_list_item: { rich_text: [text("First")] } },
      { type: "quote", quote: { rich_text: [text("Quoted")] } },
      { type: "code", code: { rich_text: [text("print('hi')")], language: "python" } },
      { type: "image", image: { type: "external", external: { url: "https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png" }, caption: [text("A caption")] } },
      { type: "divider", divider: {} },
    ];
    const appended = await notion.blocks.children.append({ block_id: pageId, children });
    const results = appended.results as BlockObjectResponse[];
    expect(results.map((b) => b.type)).toEqual(children.map((b) => b.type));
    expect(results[4]).toMatchObject({ paragraph: { rich_text: [{ plain_text: "bold", annotations: { bold: true } }, { plain_text: " and " }, { plain_text: "code", annotations: { code: true } }] } });
    expect(results[0]).toMatchObject({ callout: { rich_text: [{ plain_text: "Source: " }, { plain_text: "https://example.com/article", href: "https://example.com/article" }] } });
    expect(results[5]).toMatchObject({ has_children: true, parent: { type: "page_id" } });
    expect(results[8]).toMatchObject({ code: { language: "python" } });
    expect(results[9]).toMatchObject({ image: { type: "external", external: { url: expect.stringContaining("PNG_transparency") }, caption: [{ plain_text: "A caption" }] } });

    const read = await allChildren(pageId);
    expect(read.map((b) => b.id)).toEqual(results.map((b) => b.id));
    const nested = await allChildren(results[5]!.id);
    expect(nested.map((b) => [b.type, plain(b), b.parent])).toEqual([["bulleted_list_item", "Child", { type: "block_id", block_id: results[5]!.id }]]);
  });

  it("lists a long body page by page, in order, each block once", async () => {
    const pageId = await newPage("Long body");
    for (let chunk = 0; chunk < 3; chunk++) {
      await notion.blocks.children.append({ block_id: pageId, children: Array.from({ length: chunk < 2 ? 100 : 30 }, (_, i) => paragraph(`p${chunk * 100 + i}`)) });
    }
    const blocks = await allChildren(pageId, 40);
    expect(blocks.map(plain)).toEqual(Array.from({ length: 230 }, (_, i) => `p${i}`));
    const first = await notion.blocks.children.list({ block_id: pageId, page_size: 100 });
    expect(first).toMatchObject({ object: "list", type: "block", has_more: true, next_cursor: expect.any(String) });
  });

  it("inserts after a given child with `after`", async () => {
    const pageId = await newPage("Insert after");
    const [a] = (await notion.blocks.children.append({ block_id: pageId, children: [paragraph("a"), paragraph("c")] })).results;
    await notion.blocks.children.append({ block_id: pageId, children: [paragraph("b")], after: a!.id });
    expect((await allChildren(pageId)).map(plain)).toEqual(["a", "b", "c"]);
  });

  it("deletes a block: it leaves the list and reads as in the trash", async () => {
    const pageId = await newPage("Delete");
    const [keep, drop] = (await notion.blocks.children.append({ block_id: pageId, children: [paragraph("keep"), paragraph("drop")] })).results;
    const deleted = await notion.blocks.delete({ block_id: drop!.id });
    expect(deleted).toMatchObject({ id: drop!.id, in_trash: true });
    expect((await allChildren(pageId)).map((b) => b.id)).toEqual([keep!.id]);
    await expect(notion.blocks.delete({ block_id: drop!.id })).rejects.toMatchObject({ code: "validation_error" });
  });
});

describe("block children limits", () => {
  let pageId: string;
  beforeAll(async () => {
    pageId = await newPage("Limits");
  });

  it("refuses more than 100 children in one request", async () => {
    await expect(notion.blocks.children.append({ block_id: pageId, children: Array.from({ length: 101 }, (_, i) => paragraph(`p${i}`)) })).rejects.toMatchObject({
      status: 400,
      code: "validation_error",
      message: expect.stringContaining("body.children.length should be ≤ `100`, instead was `101`"),
    });
  });

  it("refuses a third level of nesting in one request", async () => {
    const grandchild = { type: "bulleted_list_item", bulleted_list_item: { rich_text: [text("3")] } };
    const child = { type: "bulleted_list_item", bulleted_list_item: { rich_text: [text("2")], children: [grandchild] } };
    await expect(
      notion.blocks.children.append({ block_id: pageId, children: [{ type: "bulleted_list_item", bulleted_list_item: { rich_text: [text("1")], children: [child] } }] as BlockObjectRequest[] }),
    ).rejects.toMatchObject({ status: 400, code: "validation_error" });
  });

  it("refuses rich text over 2,000 characters and unknown code languages", async () => {
    await expect(notion.blocks.children.append({ block_id: pageId, children: [paragraph("x".repeat(2001))] })).rejects.toMatchObject({
      code: "validation_error",
      message: expect.stringContaining("should be ≤ `2000`, instead was `2001`"),
    });
    await expect(
      notion.blocks.children.append({ block_id: pageId, children: [{ type: "code", code: { rich_text: [text("x")], language: "brainfuck" as "python" } }] }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("answers object_not_found for a block it can't see", async () => {
    await expect(notion.blocks.children.append({ block_id: "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f", children: [paragraph("x")] })).rejects.toMatchObject({ status: 404, code: "object_not_found" });
  });
});
