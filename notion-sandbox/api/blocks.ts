import type { AppendBlockChildrenResponse, DeleteBlockResponse, GetBlockResponse, ListBlockChildrenResponse } from "@notionhq/client";
import { createBlocks, touch } from "../content";
import { archivedError, objectNotFound, validationError } from "../errors";
import { paginate } from "../pagination";
import { blockResponse } from "../responses";
import type { BlockRecord, PageRecord } from "../types";
import { expectId, expectObject, expectPageSize, fail } from "../validate";
import { hasArchivedAlias } from "../versions";
import { parseBlockChildren, TAKES_CHILDREN } from "./block-content";
import { apiChange, type ApiContext } from "./context";

export function getBlock(ctx: ApiContext): GetBlockResponse {
  const id = expectId(ctx.params.block_id, "path.block_id");
  const block = ctx.store.isVisibleTo(ctx.bot, id) ? blockResponse(ctx, id) : undefined;
  if (!block) throw objectNotFound("block", id);
  return block;
}

/** A page or content block the bot can see, as the parent of children. */
function visibleParent(ctx: ApiContext): PageRecord | BlockRecord {
  const id = expectId(ctx.params.block_id, "path.block_id");
  const parent = ctx.store.pages.get(id) ?? ctx.store.blocks.get(id);
  if (!parent || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("block", id);
  return parent;
}

/** Direct children of a page or block: content blocks, child pages and child databases; trashed ones are left out. */
export function listBlockChildren(ctx: ApiContext): ListBlockChildrenResponse {
  const parent = visibleParent(ctx);
  const children = parent.childIds.filter((childId) => !ctx.store.isInTrash(childId)).flatMap((childId) => blockResponse(ctx, childId) ?? []);
  const result = paginate(children, (block) => block.id, ctx.query.get("start_cursor") ?? undefined, expectPageSize(ctx.query.get("page_size") ?? undefined, "query.page_size"));
  return { object: "list", type: "block", block: {}, results: result.results, next_cursor: result.next_cursor, has_more: result.has_more };
}

/** Where new children go, as an index into the parent's children: `after` (before 2026-03-11) or `position` (2026-03-11); the end by default. */
function insertionIndex(ctx: ApiContext, parent: PageRecord | BlockRecord, body: Record<string, unknown>): number {
  const end = parent.childIds.length;
  const existing = (raw: unknown, path: string) => {
    const id = expectId(raw, path);
    if (!parent.childIds.includes(id) || ctx.store.isInTrash(id)) throw validationError(`${path} ${id} is not a child of ${parent.id}.`);
    return parent.childIds.indexOf(id) + 1;
  };
  if (hasArchivedAlias(ctx.version)) {
    if (body.position !== undefined) fail("body.position", "not present (use `after` before 2026-03-11)", body.position);
    return body.after === undefined ? end : existing(body.after, "body.after");
  }
  if (body.after !== undefined) fail("body.after", "not present (use `position` from 2026-03-11)", body.after);
  if (body.position === undefined) return end;
  const position = expectObject(body.position, "body.position");
  if (position.type === "end") return end;
  if (position.type === "start") return 0;
  if (position.type === "after_block") return existing(expectObject(position.after_block, "body.position.after_block").id, "body.position.after_block.id");
  return fail("body.position.type", '`"start"`, `"end"` or `"after_block"`', position.type);
}

/**
 * PATCH /v1/blocks/:id/children: appends up to 100 blocks (two levels deep) to a page or to a
 * block that takes children, and answers the new first-level blocks.
 */
export function appendBlockChildren(ctx: ApiContext): AppendBlockChildrenResponse {
  const parent = visibleParent(ctx);
  if (ctx.store.isInTrash(parent.id)) throw archivedError();
  const asBlock = ctx.store.blocks.get(parent.id);
  if (asBlock && !TAKES_CHILDREN.has(asBlock.type)) throw validationError(`Block type ${asBlock.type} does not support children.`);
  const body = expectObject(ctx.body, "body");
  if (body.children === undefined) fail("body.children", "defined", undefined);
  const children = parseBlockChildren(body);
  const created = createBlocks(ctx.store, parent, children, apiChange(ctx), insertionIndex(ctx, parent, body));
  touch(parent, apiChange(ctx));
  const results = created.flatMap((block) => blockResponse(ctx, block.id) ?? []);
  return { object: "list", type: "block", block: {}, results, next_cursor: null, has_more: false };
}

/** DELETE /v1/blocks/:id: moves a content block to the trash and answers it. */
export function deleteBlock(ctx: ApiContext): DeleteBlockResponse {
  const id = expectId(ctx.params.block_id, "path.block_id");
  const block = ctx.store.blocks.get(id);
  if (!block || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("block", id);
  if (ctx.store.isInTrash(id)) throw archivedError();
  block.inTrash = true;
  touch(block, apiChange(ctx));
  return blockResponse(ctx, id)!;
}
