/** A page's body: the Notion calls of the content jobs (lib/content/writer.ts). */
import type { BlockObjectResponse, Client } from "@notionhq/client";
import { asRequest, type NotionBlock } from "./blocks";

export type BodyBlock = Pick<BlockObjectResponse, "id" | "type" | "last_edited_time"> & Record<string, unknown>;

/** Every top-level block of the page, in order (100 a request). */
export async function readBody(notion: Client, pageId: string): Promise<BodyBlock[]> {
  const blocks: BodyBlock[] = [];
  let cursor: string | undefined;
  do {
    const page = await notion.blocks.children.list({ block_id: pageId, page_size: 100, start_cursor: cursor });
    for (const block of page.results) if ("type" in block) blocks.push(block as unknown as BodyBlock);
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return blocks;
}

/** The page's first blocks only: enough to tell an empty body from one with content (one call). */
export async function bodyStart(notion: Client, pageId: string): Promise<{ blocks: BodyBlock[]; more: boolean }> {
  const page = await notion.blocks.children.list({ block_id: pageId, page_size: 100 });
  return { blocks: page.results.filter((b) => "type" in b) as unknown as BodyBlock[], more: page.has_more };
}

/** Appends one chunk at the end of the body; answers the new top-level blocks' ids in order. */
export async function appendChunk(notion: Client, pageId: string, chunk: NotionBlock[]): Promise<string[]> {
  const answer = await notion.blocks.children.append({ block_id: pageId, children: asRequest(chunk) });
  return answer.results.map((block) => block.id);
}

export async function deleteBlock(notion: Client, blockId: string): Promise<void> {
  await notion.blocks.delete({ block_id: blockId });
}
