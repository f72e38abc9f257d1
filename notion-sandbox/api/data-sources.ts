import type { GetDataSourceResponse, QueryDataSourceResponse, UpdateDataSourceResponse } from "@notionhq/client";
import { touch } from "../content";
import { archivedError, objectNotFound } from "../errors";
import { paginate } from "../pagination";
import { updateSchema } from "../properties";
import { queryRows } from "../query";
import { dataSourceResponse, pageResponse } from "../responses";
import { parseRichText } from "../rich-text";
import type { PageRecord, SchemaProperty } from "../types";
import { expectBoolean, expectObject, expectPageSize, fail } from "../validate";
import { dataSourceTrashEvent, schemaEvents } from "../webhooks";
import { apiChange, visibleDataSource, type ApiContext } from "./context";
import { parseTrashFlag } from "./fields";

/** Notion stops a single query (one filter + sort combination) after this many rows. */
export const QUERY_RESULT_LIMIT = 10_000;

export function getDataSource(ctx: ApiContext): GetDataSourceResponse {
  return dataSourceResponse(ctx, visibleDataSource(ctx, ctx.params.data_source_id, "path.data_source_id"));
}

export function updateDataSource(ctx: ApiContext): UpdateDataSourceResponse {
  const dataSource = visibleDataSource(ctx, ctx.params.data_source_id, "path.data_source_id");
  const body = expectObject(ctx.body ?? {}, "body");
  const inTrash = parseTrashFlag(ctx, body);
  if (dataSource.inTrash && inTrash !== false) throw archivedError();
  const properties = body.properties === undefined ? undefined : updateSchema(dataSource.properties, body.properties, "body.properties");
  const title = body.title === undefined ? undefined : parseRichText(body.title, "body.title");
  const description = body.description === undefined ? undefined : parseRichText(body.description, "body.description");
  const before = { properties: dataSource.properties, inTrash: dataSource.inTrash };
  if (properties) {
    dataSource.properties = properties;
    forgetRemovedOptions(ctx, dataSource.rowIds, properties);
  }
  if (title) dataSource.title = title;
  if (description) dataSource.description = description;
  if (inTrash !== undefined) dataSource.inTrash = inTrash;
  touch(dataSource, apiChange(ctx));
  ctx.emit(...schemaEvents(dataSource, before.properties));
  if (dataSource.inTrash !== before.inTrash) ctx.emit(dataSourceTrashEvent(dataSource));
  return dataSourceResponse(ctx, dataSource);
}

/**
 * An option removed from a select leaves every page that carried it (Notion's pages show only the
 * property's current options). Their last_edited_time is left alone: the page itself was not edited
 * (UNCONFIRMED, see README).
 */
function forgetRemovedOptions(ctx: ApiContext, rowIds: readonly string[], schema: readonly SchemaProperty[]): void {
  const known = new Map(schema.map((p) => [p.id, new Set((p.options ?? []).map((o) => o.id))]));
  for (const id of rowIds) {
    const row = ctx.store.pages.get(id);
    if (!row) continue;
    for (const [propertyId, value] of Object.entries(row.values)) {
      const options = known.get(propertyId);
      if (value.type === "multi_select" && options) value.optionIds = value.optionIds.filter((o) => options.has(o));
      if (value.type === "select" && options && value.optionId && !options.has(value.optionId)) value.optionId = null;
    }
  }
}

/**
 * Rows of a data source in the trash (or whose database is) are not queryable: 404, the same
 * answer as an unshared one (UNCONFIRMED, see README).
 */
export function queryDataSource(ctx: ApiContext): QueryDataSourceResponse {
  const dataSource = visibleDataSource(ctx, ctx.params.data_source_id, "path.data_source_id");
  if (dataSource.inTrash || ctx.store.databaseOf(dataSource).inTrash) throw objectNotFound("data_source", dataSource.id);
  const body = expectObject(ctx.body ?? {}, "body");
  const pageSize = expectPageSize(body.page_size, "body.page_size");
  if (body.result_type !== undefined && body.result_type !== "page" && body.result_type !== "data_source") {
    fail("body.result_type", '`"page"` or `"data_source"`', body.result_type);
  }
  const rows = dataSource.rowIds.flatMap((id) => {
    const row = ctx.store.pages.get(id);
    return row ? [row] : [];
  });
  const matches = queryRows(rows, dataSource.properties, {
    filter: body.filter,
    sorts: body.sorts,
    now: ctx.now,
    inTrash: body.in_trash === undefined ? false : expectBoolean(body.in_trash, "body.in_trash"),
  });
  const page = paginate<PageRecord>(matches, (row) => row.id, body.start_cursor, pageSize, QUERY_RESULT_LIMIT);
  const onlyPropertyIds = ctx.query.getAll("filter_properties");
  const filter = onlyPropertyIds.length ? new Set(onlyPropertyIds) : undefined;
  return {
    object: "list",
    type: "page_or_data_source",
    page_or_data_source: {},
    results: body.result_type === "data_source" ? [] : page.results.map((row) => pageResponse(ctx, row, filter)),
    next_cursor: page.next_cursor,
    has_more: page.has_more,
    ...(page.request_status ? { request_status: page.request_status } : {}),
  };
}
