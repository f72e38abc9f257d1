import {
  APIErrorCode,
  collectPaginatedAPI,
  isHTTPResponseError,
  isFullBlock,
  isFullDataSource,
  isFullPage,
  type Client,
  type DataSourceObjectResponse,
} from "@notionhq/client";
import type { PropertyMap } from "@/db/schema";
import { analyzeSchema, BOOKMARKS_DATABASE_PROPERTIES, DEFAULT_PROPERTY_MAP, SAVED_PROPERTY, validatePropertyMap, type SchemaAnalysis } from "./schema-fit";

/** Where a workspace's bookmarks live in Notion. */
export type BookmarksSource = { databaseId: string; dataSourceId: string; propertyMap: PropertyMap };

export type CandidateDatabase = {
  databaseId: string;
  dataSourceId: string;
  title: string;
  analysis: SchemaAnalysis;
};

const plainTitle = (title: Array<{ plain_text: string }>) => title.map((t) => t.plain_text).join("") || "Untitled";

/**
 * The Bookmarks database Notion copied from Shelf's template: the duplicated *page* holds it as a
 * `child_database` block, and its first data source holds the rows. Null when it is gone,
 * unshared, or no longer shaped like bookmarks.
 */
export async function findTemplateDatabase(notion: Client, templatePageId: string): Promise<BookmarksSource | null> {
  const children = await collectPaginatedAPI(notion.blocks.children.list, { block_id: templatePageId });
  const block = children.filter(isFullBlock).find((b) => b.type === "child_database" && !b.in_trash);
  if (!block) return null;
  const database = await notion.databases.retrieve({ database_id: block.id });
  const dataSourceId = "data_sources" in database ? database.data_sources[0]?.id : undefined;
  if (!dataSourceId) return null;
  const dataSource = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
  const analysis = analyzeSchema(dataSource);
  if (!analysis.suggested) return null;
  return { databaseId: block.id, dataSourceId, propertyMap: analysis.suggested };
}

/** Every data source shared with the connection, with whether (and how) it can hold bookmarks. */
export async function listCandidateDatabases(notion: Client): Promise<CandidateDatabase[]> {
  const results = await collectPaginatedAPI(notion.search, { filter: { property: "object", value: "data_source" } });
  return results
    .filter((r) => r.object === "data_source" && isFullDataSource(r))
    .map((r) => r as DataSourceObjectResponse)
    .filter((ds) => !ds.in_trash)
    .map((ds) => ({
      databaseId: ds.parent.type === "database_id" ? ds.parent.database_id : ds.id,
      dataSourceId: ds.id,
      title: plainTitle(ds.title),
      analysis: analyzeSchema(ds),
    }));
}

/** Pages shared with the connection that can hold a new database (database rows can't). */
export async function listParentPages(notion: Client): Promise<Array<{ id: string; title: string }>> {
  const results = await collectPaginatedAPI(notion.search, { filter: { property: "object", value: "page" } });
  return results
    .filter(isFullPage)
    .filter((page) => !page.in_trash && page.parent.type !== "data_source_id" && page.parent.type !== "database_id")
    .map((page) => {
      const title = Object.values(page.properties).find((p) => p.type === "title");
      return { id: page.id, title: title?.type === "title" ? plainTitle(title.title) : "Untitled" };
    });
}

export async function loadDataSource(notion: Client, dataSourceId: string): Promise<DataSourceObjectResponse> {
  return notion.dataSources.retrieve({ data_source_id: dataSourceId }) as Promise<DataSourceObjectResponse>;
}

/** A new "Bookmarks" database with Shelf's properties under a page the person shared. */
export async function createBookmarksDatabase(notion: Client, parentPageId: string): Promise<BookmarksSource> {
  const database = await notion.databases.create({
    parent: { type: "page_id", page_id: parentPageId },
    title: [{ type: "text", text: { content: "Bookmarks" } }],
    icon: { type: "emoji", emoji: "🔖" },
    initial_data_source: { properties: BOOKMARKS_DATABASE_PROPERTIES },
  });
  const dataSourceId = "data_sources" in database ? database.data_sources[0]?.id : undefined;
  if (!dataSourceId) throw new Error("Notion created the database without a data source");
  return { databaseId: database.id, dataSourceId, propertyMap: DEFAULT_PROPERTY_MAP };
}

/**
 * Adds the Saved date property to a data source that lacks one (a data source update; the other
 * properties are left as they are). Answers the property's name as the data source now has it. A
 * property of that name but another type already there is the person's: it is left alone, and the
 * caller asks them to pick or rename.
 */
export async function addSavedProperty(notion: Client, dataSourceId: string): Promise<string | null> {
  const current = await loadDataSource(notion, dataSourceId);
  const existing = Object.hasOwn(current.properties, SAVED_PROPERTY.name) ? current.properties[SAVED_PROPERTY.name] : undefined;
  if (existing) return existing.type === "date" ? SAVED_PROPERTY.name : null;
  await notion.dataSources.update({ data_source_id: dataSourceId, properties: { [SAVED_PROPERTY.name]: SAVED_PROPERTY.schema } });
  return SAVED_PROPERTY.name;
}

/** Whether the data source still exists, is out of the trash and still fits the property map. */
export async function dataSourceFits(notion: Client, source: BookmarksSource): Promise<boolean> {
  try {
    const dataSource = await loadDataSource(notion, source.dataSourceId);
    return !dataSource.in_trash && validatePropertyMap(dataSource, source.propertyMap) === null;
  } catch (error) {
    if (isHTTPResponseError(error) && error.code === APIErrorCode.ObjectNotFound) return false;
    throw error;
  }
}
