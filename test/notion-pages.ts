import type { PageObjectResponse, RichTextItemResponse } from "@notionhq/client";
import type { PageProperties } from "@/lib/notion/mapping";

// Typed Notion page objects for tests of the page <-> bookmark mapping.

type PropertyValue = PageObjectResponse["properties"][string];
type RichTextRequest = Extract<PageProperties[string], { title: unknown }>["title"][number];

export const PAGE_ID = "be633bf1-dfa0-436d-b259-571129a590e5";

export function richText(content: string): RichTextItemResponse {
  return {
    type: "text",
    text: { content, link: null },
    annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
    plain_text: content,
    href: null,
  };
}

/** What Notion would return for a property written with `value` (text comes back as one item per request item). */
function toResponseValue(id: string, value: PageProperties[string]): PropertyValue {
  const texts = (items: RichTextRequest[]) => items.map((item) => richText("text" in item ? item.text.content : ""));
  if ("title" in value) return { id, type: "title", title: texts(value.title) };
  if ("rich_text" in value) return { id, type: "rich_text", rich_text: texts(value.rich_text) };
  if ("url" in value) return { id, type: "url", url: value.url };
  if ("date" in value) {
    return { id, type: "date", date: value.date && { start: value.date.start, end: value.date.end ?? null, time_zone: value.date.time_zone ?? null } };
  }
  if ("multi_select" in value) {
    return {
      id,
      type: "multi_select",
      multi_select: value.multi_select.map((option, i) => ({
        id: `opt${i}`,
        name: "name" in option && option.name !== undefined ? option.name : "",
        color: "default",
      })),
    };
  }
  throw new Error(`The test helper doesn't handle ${JSON.stringify(value)}`);
}

/** A complete, typed page object as pages.retrieve / data source queries return it. */
export function fakePage(properties: Record<string, PropertyValue>, overrides: Partial<PageObjectResponse> = {}): PageObjectResponse {
  return {
    object: "page",
    id: PAGE_ID,
    created_time: "2026-01-02T03:04:00.000Z",
    last_edited_time: "2026-01-05T06:07:00.000Z",
    in_trash: false,
    archived: false,
    is_archived: false,
    is_locked: false,
    url: "https://www.notion.so/An-article-be633bf1dfa0436db259571129a590e5",
    public_url: null,
    parent: { type: "data_source_id", data_source_id: "ds-1", database_id: "db-1" },
    properties,
    icon: null,
    cover: null,
    created_by: { object: "user", id: "user-1" },
    last_edited_by: { object: "user", id: "user-1" },
    ...overrides,
  };
}

/** The page Notion would hold after creating one with `properties` (plus a Created column, as ours has). */
export function pageFromProperties(properties: PageProperties, overrides: Partial<PageObjectResponse> = {}): PageObjectResponse {
  // Object.fromEntries defines own keys, so a property named "__proto__" stays a property, as in Notion's JSON.
  const values: Record<string, PropertyValue> = Object.fromEntries([
    ["Created", { id: "created", type: "created_time", created_time: "2026-01-02T03:04:00.000Z" }],
    ...Object.entries(properties).map(([name, value]) => [name, toResponseValue(`id-${name}`, value)]),
  ]);
  return fakePage(values, overrides);
}
