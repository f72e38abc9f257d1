import type { CreateDatabaseResponse, GetDatabaseResponse, UpdateDatabaseResponse } from "@notionhq/client";
import { createDatabase, touch } from "../content";
import { archivedError } from "../errors";
import { parseSchema } from "../properties";
import { databaseResponse } from "../responses";
import { parseRichText } from "../rich-text";
import type { DatabaseParent } from "../types";
import { expectBoolean, expectObject, fail, isObject } from "../validate";
import { databaseEvent } from "../webhooks";
import { apiChange, visibleDatabase, visiblePage, type ApiContext } from "./context";
import { parseIcon, parseTrashFlag } from "./fields";

export function getDatabase(ctx: ApiContext): GetDatabaseResponse {
  return databaseResponse(ctx, visibleDatabase(ctx, ctx.params.database_id, "path.database_id"));
}

function databaseParent(ctx: ApiContext, raw: unknown): DatabaseParent {
  const parent = expectObject(raw, "body.parent");
  if (parent.page_id !== undefined) {
    const page = visiblePage(ctx, parent.page_id, "body.parent.page_id");
    if (page.inTrash) throw archivedError();
    return { type: "page_id", id: page.id };
  }
  if (parent.workspace === true) return { type: "workspace" };
  return fail("body.parent", "a page_id or workspace parent", raw);
}

export function createDatabaseEndpoint(ctx: ApiContext): CreateDatabaseResponse {
  const body = expectObject(ctx.body, "body");
  const parent = databaseParent(ctx, body.parent);
  const initial = body.initial_data_source === undefined ? {} : expectObject(body.initial_data_source, "body.initial_data_source");
  const { database } = createDatabase(
    ctx.store,
    {
      workspaceId: ctx.bot.workspaceId,
      parent,
      title: body.title === undefined ? [] : parseRichText(body.title, "body.title"),
      description: body.description === undefined ? [] : parseRichText(body.description, "body.description"),
      isInline: body.is_inline === undefined ? false : expectBoolean(body.is_inline, "body.is_inline"),
      icon: parseIcon(body.icon, "body.icon"),
      schema: parseSchema(initial.properties, "body.initial_data_source.properties"),
    },
    apiChange(ctx),
  );
  if (parent.type === "workspace") ctx.bot.sharedIds.push(database.id);
  ctx.emit(databaseEvent(database, "database.created"));
  return databaseResponse(ctx, database);
}

/** Since 2025-09-03 the schema lives on data sources: `properties` here is refused. */
export function updateDatabase(ctx: ApiContext): UpdateDatabaseResponse {
  const database = visibleDatabase(ctx, ctx.params.database_id, "path.database_id");
  const body = expectObject(ctx.body ?? {}, "body");
  if (body.properties !== undefined) fail("body.properties", "not present (update the schema with PATCH /v1/data_sources/{id})", body.properties);
  if (isObject(body.parent)) fail("body.parent", "not present (moving databases is not emulated by the sandbox)", body.parent);
  const inTrash = parseTrashFlag(ctx, body);
  if (database.inTrash && inTrash !== false) throw archivedError();
  const title = body.title === undefined ? undefined : parseRichText(body.title, "body.title");
  const description = body.description === undefined ? undefined : parseRichText(body.description, "body.description");
  const isInline = body.is_inline === undefined ? undefined : expectBoolean(body.is_inline, "body.is_inline");
  const isLocked = body.is_locked === undefined ? undefined : expectBoolean(body.is_locked, "body.is_locked");
  const icon = parseIcon(body.icon, "body.icon");
  if (title !== undefined) database.title = title;
  if (description !== undefined) database.description = description;
  if (isInline !== undefined) database.isInline = isInline;
  if (isLocked !== undefined) database.isLocked = isLocked;
  if (icon !== undefined) database.icon = icon;
  const wasInTrash = database.inTrash;
  if (inTrash !== undefined) database.inTrash = inTrash;
  touch(database, apiChange(ctx));
  if (database.inTrash !== wasInTrash) ctx.emit(databaseEvent(database, database.inTrash ? "database.deleted" : "database.undeleted"));
  return databaseResponse(ctx, database);
}
