// The options of the bookmarks' Tags property (a multi_select), changed through the data source:
// one PATCH renames an option on every page or removes it from every page (docs/decisions/032).
import type { Client, DataSourceObjectResponse } from "@notionhq/client";
import type { BookmarksSource } from "./database";

export type TagOption = { id: string; name: string };

/** What to do to one option: keep it, rename it in place, or drop it (removed from every page). */
export type OptionChange = { rename: string } | "remove";

/** The Tags property's options, read from the data source (one call); empty when tags are unmapped. */
export async function readTagOptions(notion: Client, source: BookmarksSource): Promise<TagOption[]> {
  const key = source.propertyMap.tags;
  if (!key) return [];
  const dataSource = (await notion.dataSources.retrieve({ data_source_id: source.dataSourceId })) as DataSourceObjectResponse;
  const property = Object.values(dataSource.properties).find((p) => p.name === key || p.id === key);
  return property?.type === "multi_select" ? property.multi_select.options.map(({ id, name }) => ({ id, name })) : [];
}

/**
 * Sends the whole option list with changes applied (one call). Notion removes any option left out,
 * so every option read is sent back by id, renamed ones with their new name.
 */
export async function writeTagOptions(
  notion: Client,
  source: BookmarksSource,
  current: readonly TagOption[],
  changes: ReadonlyMap<string, OptionChange>,
): Promise<void> {
  const key = source.propertyMap.tags;
  if (!key) return;
  const options = current.flatMap((option) => {
    const change = changes.get(option.id);
    if (change === "remove") return [];
    return [change ? { id: option.id, name: change.rename } : { id: option.id }];
  });
  await notion.dataSources.update({
    data_source_id: source.dataSourceId,
    properties: { [key]: { multi_select: { options } } },
  });
}
