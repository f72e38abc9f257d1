import type { CreatePageParameters, PageObjectResponse, RichTextItemResponse } from "@notionhq/client";
import type { PropertyMap } from "@/db/schema";
import type { BookmarkInput } from "@/lib/bookmarks/schema";
import type { Bookmark } from "@/lib/bookmarks/types";

// The create and update bodies share this shape, so one builder serves both.
export type PageProperties = NonNullable<CreatePageParameters["properties"]>;

/** A bookmark as Notion has it: `id` is the Notion page id, and there is no sync state yet. */
export type NotionBookmark = Omit<Bookmark, "syncState" | "syncError" | "notionUrl"> & { notionUrl: string };

/**
 * Reads a bookmark out of a page in the person's data source. Properties that
 * are missing or were changed to another type in Notion read as empty rather
 * than failing, so one odd row never breaks the whole list.
 */
export function pageToBookmark(page: PageObjectResponse, map: PropertyMap): NotionBookmark {
  const property = (name: string | null) => (name === null ? undefined : page.properties[name]);
  const title = property(map.title);
  const url = property(map.url);
  const description = property(map.description);
  const tags = property(map.tags);
  const saved = property(map.savedAt ?? null);
  const savedAt = saved?.type === "date" && saved.date ? instant(saved.date.start) : null;

  return {
    id: page.id,
    title: title?.type === "title" ? plainText(title.title) : "",
    url: url?.type === "url" ? (url.url ?? "") : "",
    description: description?.type === "rich_text" ? plainText(description.rich_text) : "",
    tags: tags?.type === "multi_select" ? tags.multi_select.map((option) => option.name) : [],
    createdTime: page.created_time,
    lastEditedTime: page.last_edited_time,
    // Without a Saved value (unmapped, empty, or not a date), the page's creation is the best date.
    savedAt: savedAt ?? page.created_time,
    notionUrl: page.url,
    inTrash: page.in_trash,
  };
}

/**
 * The `properties` for pages.create / pages.update. Text is sent as a single
 * rich text item: the schema caps it at Notion's 2,000-character item limit.
 * Unmapped description/tags are left out so nothing else in the row is touched.
 */
export function bookmarkToProperties(input: BookmarkInput & { savedAt?: string }, map: PropertyMap): PageProperties {
  // Computed keys in a literal (not assignment) so a property named "__proto__" stays a plain key.
  return {
    [map.title]: { title: textItems(input.title) },
    [map.url]: { url: input.url },
    ...(map.description !== null && { [map.description]: { rich_text: textItems(input.description) } }),
    ...(map.tags !== null && { [map.tags]: { multi_select: input.tags.map((name) => ({ name })) } }),
    // Only creates carry savedAt: an edit never moves a bookmark in the order.
    ...(map.savedAt && input.savedAt !== undefined && { [map.savedAt]: { date: { start: input.savedAt } } }),
  };
}

/**
 * A date value's start as an ISO instant, or null. A date without a time ("2023-03-01") is that
 * day's midnight UTC; an unreadable one reads as none.
 */
function instant(start: string): string | null {
  const ms = Date.parse(start);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function plainText(items: RichTextItemResponse[]): string {
  return items.map((item) => item.plain_text).join("");
}

function textItems(content: string) {
  // An empty string is sent as no items: Notion stores empty text as [].
  return content === "" ? [] : [{ text: { content } }];
}
