import type { GetBlockResponse, ListBlockChildrenResponse } from "@notionhq/client";
import { objectNotFound } from "../errors";
import { paginate } from "../pagination";
import { blockResponse } from "../responses";
import { expectId, expectPageSize } from "../validate";
import type { ApiContext } from "./context";

export function getBlock(ctx: ApiContext): GetBlockResponse {
  const id = expectId(ctx.params.block_id, "path.block_id");
  const block = ctx.store.isVisibleTo(ctx.bot, id) ? blockResponse(ctx, id) : undefined;
  if (!block) throw objectNotFound("block", id);
  return block;
}

/** Direct children of a page: paragraphs, child pages and child databases; trashed ones are left out. */
export function listBlockChildren(ctx: ApiContext): ListBlockChildrenResponse {
  const id = expectId(ctx.params.block_id, "path.block_id");
  const page = ctx.store.pages.get(id);
  if (!page || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("block", id);
  const children = page.childIds.filter((childId) => !ctx.store.isInTrash(childId)).flatMap((childId) => blockResponse(ctx, childId) ?? []);
  const result = paginate(children, (block) => block.id, ctx.query.get("start_cursor") ?? undefined, expectPageSize(ctx.query.get("page_size") ?? undefined, "query.page_size"));
  return { object: "list", type: "block", block: {}, results: result.results, next_cursor: result.next_cursor, has_more: result.has_more };
}
