import type { CreatePageResponse, GetPageResponse, UpdatePageResponse } from "@notionhq/client";
import { createBlocks, createPage, touch } from "../content";
import { archivedError, validationError } from "../errors";
import { PAGE_TITLE_SCHEMA, parsePropertyValues } from "../properties";
import { pageResponse, schemaOf } from "../responses";
import type { PageParent, SchemaProperty } from "../types";
import { expectBoolean, expectObject, fail } from "../validate";
import { pageEditEvents, pageEvent } from "../webhooks";
import { apiChange, visibleDatabase, visibleDataSource, visiblePage, type ApiContext } from "./context";
import { parseBlockChildren } from "./block-content";
import { parseCover, parseIcon, parseTrashFlag } from "./fields";

interface ResolvedParent {
  parent: PageParent;
  schema: readonly SchemaProperty[];
}

function resolveParent(ctx: ApiContext, raw: unknown): ResolvedParent {
  const parent = expectObject(raw, "body.parent");
  if (parent.data_source_id !== undefined || parent.database_id !== undefined) {
    const dataSource =
      parent.data_source_id !== undefined
        ? visibleDataSource(ctx, parent.data_source_id, "body.parent.data_source_id")
        : singleDataSource(ctx, parent.database_id);
    if (dataSource.inTrash || ctx.store.databaseOf(dataSource).inTrash) throw archivedError();
    return { parent: { type: "data_source_id", id: dataSource.id }, schema: dataSource.properties };
  }
  if (parent.page_id !== undefined) {
    const page = visiblePage(ctx, parent.page_id, "body.parent.page_id");
    if (page.inTrash) throw archivedError();
    if (page.parent.type === "data_source_id") throw validationError("Can't create a page inside a database row in the Notion sandbox.");
    return { parent: { type: "page_id", id: page.id }, schema: PAGE_TITLE_SCHEMA };
  }
  if (parent.workspace === true) return { parent: { type: "workspace" }, schema: PAGE_TITLE_SCHEMA };
  return fail("body.parent", "one of data_source_id, database_id, page_id, workspace", raw);
}

/** A `database_id` parent works while the database has exactly one data source. */
function singleDataSource(ctx: ApiContext, rawId: unknown) {
  const database = visibleDatabase(ctx, rawId, "body.parent.database_id");
  const [only, ...more] = database.dataSourceIds;
  if (!only || more.length > 0) {
    throw validationError(`Database ${database.id} has ${database.dataSourceIds.length} data sources; use a data_source_id parent.`);
  }
  return visibleDataSource(ctx, only, "body.parent.database_id");
}

export function createPageEndpoint(ctx: ApiContext): CreatePageResponse {
  const body = expectObject(ctx.body, "body");
  const { parent, schema } = resolveParent(ctx, body.parent);
  if (body.properties === undefined) fail("body.properties", "defined", undefined);
  const children = parseBlockChildren(body);
  const values = parsePropertyValues(body.properties, schema, "body.properties");
  const icon = parseIcon(body.icon, "body.icon");
  const coverUrl = parseCover(body.cover, "body.cover");
  const workspaceId = ctx.bot.workspaceId;
  const page = createPage(ctx.store, { workspaceId, parent, values, icon, coverUrl }, apiChange(ctx));
  createBlocks(ctx.store, page, children, apiChange(ctx));
  // A page the bot creates at the workspace root is shared with it; elsewhere sharing is inherited.
  if (parent.type === "workspace") ctx.bot.sharedIds.push(page.id);
  ctx.emit(pageEvent(ctx.store, page, "page.created"));
  return pageResponse(ctx, page);
}

function filterProperties(ctx: ApiContext): ReadonlySet<string> | undefined {
  const ids = ctx.query.getAll("filter_properties");
  return ids.length ? new Set(ids) : undefined;
}

export function getPage(ctx: ApiContext): GetPageResponse {
  const page = visiblePage(ctx, ctx.params.page_id, "path.page_id");
  return pageResponse(ctx, page, filterProperties(ctx));
}

export function updatePage(ctx: ApiContext): UpdatePageResponse {
  const page = visiblePage(ctx, ctx.params.page_id, "path.page_id");
  const body = expectObject(ctx.body ?? {}, "body");
  const inTrash = parseTrashFlag(ctx, body);
  if (page.inTrash && inTrash !== false) throw archivedError();
  const dataSource = ctx.store.dataSourceOfRow(page);
  if (dataSource && (dataSource.inTrash || ctx.store.databaseOf(dataSource).inTrash)) throw archivedError();
  const values = body.properties === undefined ? {} : parsePropertyValues(body.properties, schemaOf(ctx.store, page), "body.properties");
  const icon = parseIcon(body.icon, "body.icon");
  const coverUrl = parseCover(body.cover, "body.cover");
  const isLocked = body.is_locked === undefined ? undefined : expectBoolean(body.is_locked, "body.is_locked");
  const before = { inTrash: page.inTrash, isLocked: page.isLocked };
  // Stored values are replaced, never mutated: query.ts caches derived text per value object.
  page.values = { ...page.values, ...values };
  if (icon !== undefined) page.icon = icon;
  if (coverUrl !== undefined) page.coverUrl = coverUrl;
  if (inTrash !== undefined) page.inTrash = inTrash;
  if (isLocked !== undefined) page.isLocked = isLocked;
  touch(page, apiChange(ctx));
  ctx.emit(...pageEditEvents(ctx.store, page, before, Object.keys(values)));
  return pageResponse(ctx, page);
}
