import { isFullPage, type Client, type QueryDataSourceParameters } from "@notionhq/client";
import type { PropertyMap } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/bookmarks/queries";
import type { ListQuery } from "@/lib/bookmarks/schema";
import type { BookmarksSource } from "./database";
import { pageToBookmark, type NotionBookmark } from "./mapping";

export type NotionBookmarkPage = { items: NotionBookmark[]; nextCursor: string | null };

type Filter = NonNullable<QueryDataSourceParameters["filter"]>;
type Sorts = NonNullable<QueryDataSourceParameters["sorts"]>;

/** The dashboard's search, tag filter and sort in Notion's query grammar. */
export function toNotionQuery(map: PropertyMap, query: Pick<ListQuery, "q" | "tags" | "sort">): { filter?: Filter; sorts: Sorts } {
  const conditions: Filter[] = [];
  if (query.q) {
    const matches: Filter[] = [
      { property: map.title, title: { contains: query.q } },
      { property: map.url, url: { contains: query.q } },
    ];
    if (map.description) matches.push({ property: map.description, rich_text: { contains: query.q } });
    conditions.push({ or: matches } as Filter);
  }
  if (map.tags) {
    for (const tag of query.tags) conditions.push({ property: map.tags, multi_select: { contains: tag } });
  }
  const sorts: Sorts =
    query.sort === "title"
      ? [{ property: map.title, direction: "ascending" }, { timestamp: "created_time", direction: "descending" }]
      : [{ timestamp: "created_time", direction: query.sort === "oldest" ? "ascending" : "descending" }];
  const filter = conditions.length === 0 ? undefined : conditions.length === 1 ? conditions[0] : ({ and: conditions } as Filter);
  return { filter, sorts };
}

/**
 * One page of bookmarks read straight from Notion. The dashboard reads the mirror instead; this is
 * the baseline the benchmarks compare it with, and the check that the mirror answers the same.
 */
export async function listBookmarksFromNotion(
  notion: Client,
  source: BookmarksSource,
  query: ListQuery,
  pageSize = PAGE_SIZE,
): Promise<NotionBookmarkPage> {
  const response = await notion.dataSources.query({
    data_source_id: source.dataSourceId,
    ...toNotionQuery(source.propertyMap, query),
    page_size: pageSize,
    start_cursor: query.cursor,
  });
  return {
    items: response.results.filter(isFullPage).map((page) => pageToBookmark(page, source.propertyMap)),
    nextCursor: response.has_more ? response.next_cursor : null,
  };
}
