import type { SearchResponse } from "@notionhq/client";
import { paginate } from "../pagination";
import { dataSourceResponse, pageResponse, pageTitle } from "../responses";
import { plainText } from "../rich-text";
import type { DataSourceRecord, PageRecord } from "../types";
import { expectObject, expectPageSize, expectString, fail } from "../validate";
import type { ApiContext } from "./context";

type Hit = { kind: "page"; record: PageRecord; title: string } | { kind: "data_source"; record: DataSourceRecord; title: string };

function parseFilter(raw: unknown): "page" | "data_source" | undefined {
  if (raw === undefined) return undefined;
  const filter = expectObject(raw, "body.filter");
  if (filter.property !== "object") fail("body.filter.property", '`"object"`', filter.property);
  if (filter.value !== "page" && filter.value !== "data_source") fail("body.filter.value", '`"page"` or `"data_source"`', filter.value);
  return filter.value;
}

function parseDirection(raw: unknown): 1 | -1 {
  if (raw === undefined) return -1;
  const sort = expectObject(raw, "body.sort");
  if (sort.timestamp !== "last_edited_time") fail("body.sort.timestamp", '`"last_edited_time"`', sort.timestamp);
  if (sort.direction !== "ascending" && sort.direction !== "descending") fail("body.sort.direction", '`"ascending"` or `"descending"`', sort.direction);
  return sort.direction === "ascending" ? 1 : -1;
}

/**
 * Titles only, case-insensitive, over everything shared with the bot and not in the trash. A data
 * source matches on its own title or its database's. Without a sort, most recently edited first.
 */
export function search(ctx: ApiContext): SearchResponse {
  const body = expectObject(ctx.body ?? {}, "body");
  const needle = body.query === undefined ? "" : expectString(body.query, "body.query").toLowerCase();
  const only = parseFilter(body.filter);
  const direction = parseDirection(body.sort);
  const pageSize = expectPageSize(body.page_size, "body.page_size");
  const { store, bot } = ctx;
  const searchable = (id: string) => store.isVisibleTo(bot, id) && !store.isInTrash(id);

  const hits: Hit[] = [];
  if (only !== "data_source") {
    for (const page of store.pages.values()) {
      if (page.workspaceId === bot.workspaceId && searchable(page.id)) hits.push({ kind: "page", record: page, title: pageTitle(store, page) });
    }
  }
  if (only !== "page") {
    for (const dataSource of store.dataSources.values()) {
      if (dataSource.workspaceId !== bot.workspaceId || !searchable(dataSource.id)) continue;
      const title = `${plainText(dataSource.title)}\n${plainText(store.databaseOf(dataSource).title)}`;
      hits.push({ kind: "data_source", record: dataSource, title });
    }
  }
  const matching = needle ? hits.filter((hit) => hit.title.toLowerCase().includes(needle)) : hits;
  matching.sort((a, b) => (a.record.lastEditedTime - b.record.lastEditedTime || a.record.seq - b.record.seq) * direction);
  const page = paginate(matching, (hit) => hit.record.id, body.start_cursor, pageSize);
  return {
    object: "list",
    type: "page_or_data_source",
    page_or_data_source: {},
    results: page.results.map((hit) => (hit.kind === "page" ? pageResponse(ctx, hit.record) : dataSourceResponse(ctx, hit.record))),
    next_cursor: page.next_cursor,
    has_more: page.has_more,
  };
}
