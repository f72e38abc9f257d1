import { isFullPage, iterateAllDataSourceRows, type Client, type PageObjectResponse, type QueryDataSourceParameters } from "@notionhq/client";
import type { PropertyMap, WritePayload } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/bookmarks/queries";
import type { ListQuery } from "@/lib/bookmarks/schema";
import type { BookmarksSource } from "./database";
import { bookmarkToProperties, pageToBookmark, type NotionBookmark } from "./mapping";

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
  const direction = query.sort === "oldest" ? "ascending" : "descending";
  // The Saved date when the database has one (Notion's created time is rounded to the minute).
  const byDate: Sorts = [
    ...(map.savedAt ? [{ property: map.savedAt, direction } as const] : []),
    { timestamp: "created_time", direction },
  ];
  const sorts: Sorts = query.sort === "title" ? [{ property: map.title, direction: "ascending" }, { timestamp: "created_time", direction: "descending" }] : byDate;
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

export type BookmarkPagesFilter = NonNullable<Parameters<typeof iterateAllDataSourceRows>[1]["filter"]>;

const BATCH = 100;

/**
 * Every matching row as bookmarks, in batches. A single Notion query stops at 10,000 rows; the
 * SDK's helper re-queries by created_time windows past that, so a large workspace is never cut
 * short (and a full pass never mistakes the rows it did not see for deleted ones).
 */
export async function* bookmarkPagesOf(notion: Client, source: BookmarksSource, filter: BookmarkPagesFilter | undefined, inTrash: boolean) {
  let batch: NotionBookmark[] = [];
  for await (const row of iterateAllDataSourceRows(notion, { data_source_id: source.dataSourceId, filter, in_trash: inTrash, page_size: 100 })) {
    if (!isFullPage(row)) continue;
    batch.push(pageToBookmark(row, source.propertyMap));
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Pages of the data source with exactly this URL, made at or after `since` (at most 100). */
export async function pagesWithUrlSince(notion: Client, source: BookmarksSource, url: string, since: Date): Promise<PageObjectResponse[]> {
  const response = await notion.dataSources.query({
    data_source_id: source.dataSourceId,
    filter: {
      and: [
        { property: source.propertyMap.url, url: { equals: url } },
        { timestamp: "created_time", created_time: { on_or_after: since.toISOString() } },
      ],
    },
    page_size: 100,
  });
  return response.results.filter(isFullPage);
}

export async function createBookmarkPage(notion: Client, source: BookmarksSource, input: WritePayload): Promise<PageObjectResponse> {
  return (await notion.pages.create({
    parent: { type: "data_source_id", data_source_id: source.dataSourceId },
    properties: bookmarkToProperties(input, source.propertyMap),
  })) as PageObjectResponse;
}

/** Writes the bookmark's fields to its page, or moves the page to or from the trash. */
/** The page's icon and cover as Notion's external file objects, for the ones the write sets. */
function pageImages({ images }: WritePayload) {
  return {
    ...(images?.icon ? { icon: { type: "external" as const, external: { url: images.icon } } } : {}),
    ...(images?.cover ? { cover: { type: "external" as const, external: { url: images.cover } } } : {}),
  };
}

export async function updateBookmarkPage(
  notion: Client,
  source: BookmarksSource,
  pageId: string,
  change: { input: WritePayload } | { inTrash: boolean },
): Promise<PageObjectResponse> {
  const body = "input" in change ? { properties: bookmarkToProperties(change.input, source.propertyMap), ...pageImages(change.input) } : { in_trash: change.inTrash };
  return (await notion.pages.update({ page_id: pageId, ...body })) as PageObjectResponse;
}
