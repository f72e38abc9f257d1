/**
 * Data source queries with every filter, sort and cursor Shelf sends (the sync's last_edited_time
 * window and trash pass, the outbox's duplicate check, the dashboard's search and tags). Results
 * are compared as sets unless the query sorts. Runs on the sandbox and, with `npm run test:live`,
 * on Notion; known differences are listed under "Differences from Notion" in ../README.md.
 */
import { collectPaginatedAPI, iterateAllDataSourceRows, type PageObjectResponse, type QueryDataSourceParameters } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget } from "./target";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

type Filter = QueryDataSourceParameters["filter"];
type Sorts = QueryDataSourceParameters["sorts"];

const ROWS: Array<{ name: string; url: string | null; description: string; tags: string[] }> = [
  { name: "Sketch of the Analytical Engine", url: "https://example.com/sketch", description: "Notes by the translator", tags: ["math", "history"] },
  { name: "On Computable Numbers", url: "https://example.com/computable-numbers", description: "Entscheidungsproblem", tags: ["math"] },
  { name: "As We May Think", url: "https://example.com/memex", description: "", tags: [] },
  { name: "Why typography matters", url: "https://example.com/typography", description: "Bridges of Königsberg", tags: ["design", "reading"] },
  { name: "Why gardens", url: "https://example.org/gardens", description: "", tags: ["reading"] },
  { name: "Empty link", url: null, description: "No address yet", tags: [] },
];
const TRASHED = "Thrown away";

let dataSourceId: string;
let trashedId: string;
/** A little before the rows were made (minute precision: "Times" under Differences from Notion). */
const since = new Date(Date.now() - 2 * 60_000).toISOString();
const dayBefore = new Date(Date.now() - 24 * 60 * 60_000).toISOString();

function properties(row: (typeof ROWS)[number]) {
  return {
    Name: { title: [{ text: { content: row.name } }] },
    URL: { url: row.url },
    Description: { rich_text: row.description ? [{ text: { content: row.description } }] : [] },
    Tags: { multi_select: row.tags.map((name) => ({ name })) },
  };
}

const titleOf = (row: PageObjectResponse) => {
  const title = row.properties.Name;
  return title?.type === "title" ? title.title.map((t) => t.plain_text).join("") : "";
};

async function query(filter?: Filter, sorts?: Sorts, inTrash?: boolean): Promise<PageObjectResponse[]> {
  const rows = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, filter, sorts, in_trash: inTrash });
  return rows as PageObjectResponse[];
}

const titles = async (filter?: Filter, sorts?: Sorts) => (await query(filter, sorts)).map(titleOf);
const sorted = (values: string[]) => [...values].sort();

beforeAll(async () => {
  ({ dataSourceId } = await target.createBookmarksDatabase("query"));
  // One at a time, so creation order is the list's order.
  for (const row of ROWS) await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: properties(row) });
  const trashed = await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: properties({ name: TRASHED, url: "https://example.com/gone", description: "", tags: [] }) });
  trashedId = trashed.id;
  await notion.pages.update({ page_id: trashedId, in_trash: true });
  await target.eventually(() => query(), (rows) => rows.length === ROWS.length);
  await target.eventually(() => query(undefined, undefined, true), (rows) => rows.some((r) => r.id === trashedId));
});

describe("data source query", () => {
  it("paginates with page_size, has_more and start_cursor", async () => {
    const first = await notion.dataSources.query({ data_source_id: dataSourceId, page_size: 4 });
    expect(first).toMatchObject({ object: "list", type: "page_or_data_source", has_more: true, next_cursor: expect.any(String) });
    expect(first.results).toHaveLength(4);
    const rest = await notion.dataSources.query({ data_source_id: dataSourceId, page_size: 4, start_cursor: first.next_cursor ?? undefined });
    expect(rest).toMatchObject({ has_more: false, next_cursor: null });
    const ids = [...first.results, ...rest.results].map((r) => r.id);
    expect(new Set(ids).size).toBe(ROWS.length);
  });

  // The sync's trash pass relies on this: "Query `in_trash: true`" under Differences from Notion.
  it("leaves trashed rows out unless in_trash is true, and then returns only those", async () => {
    expect((await query()).map((r) => r.id)).not.toContain(trashedId);
    const inTrash = await query(undefined, undefined, true);
    expect(inTrash.map((r) => r.id)).toContain(trashedId);
    expect(inTrash.every((r) => r.in_trash)).toBe(true);
  });

  it("walks every row with the SDK's iterateAllDataSourceRows, as the sync does", async () => {
    const seen: string[] = [];
    for await (const row of iterateAllDataSourceRows(notion, { data_source_id: dataSourceId, page_size: 2 })) seen.push(titleOf(row as PageObjectResponse));
    expect(sorted(seen)).toEqual(sorted(ROWS.map((r) => r.name)));
  });

  it.each<[string, Filter, string[]]>([
    ["title contains, case-insensitive", { property: "Name", title: { contains: "COMPUTABLE" } }, ["On Computable Numbers"]],
    ["title equals", { property: "Name", title: { equals: "As We May Think" } }, ["As We May Think"]],
    ["title does_not_equal", { property: "Name", title: { does_not_equal: "As We May Think" } }, ROWS.map((r) => r.name).filter((n) => n !== "As We May Think")],
    ["title starts_with", { property: "Name", title: { starts_with: "Why " } }, ["Why typography matters", "Why gardens"]],
    ["title ends_with", { property: "Name", title: { ends_with: "Numbers" } }, ["On Computable Numbers"]],
    ["title does_not_contain", { property: "Name", title: { does_not_contain: "Why" } }, ["Sketch of the Analytical Engine", "On Computable Numbers", "As We May Think", "Empty link"]],
    ["rich_text contains", { property: "Description", rich_text: { contains: "bridges" } }, ["Why typography matters"]],
    ["rich_text is_empty", { property: "Description", rich_text: { is_empty: true } }, ["As We May Think", "Why gardens"]],
    ["rich_text is_not_empty", { property: "Description", rich_text: { is_not_empty: true } }, ["Sketch of the Analytical Engine", "On Computable Numbers", "Why typography matters", "Empty link"]],
    ["url equals", { property: "URL", url: { equals: "https://example.com/memex" } }, ["As We May Think"]],
    ["url contains", { property: "URL", url: { contains: "/computable" } }, ["On Computable Numbers"]],
    ["url is_empty", { property: "URL", url: { is_empty: true } }, ["Empty link"]],
    ["url is_not_empty", { property: "URL", url: { is_not_empty: true } }, ROWS.filter((r) => r.url).map((r) => r.name)],
    ["multi_select contains", { property: "Tags", multi_select: { contains: "math" } }, ["Sketch of the Analytical Engine", "On Computable Numbers"]],
    ["multi_select does_not_contain", { property: "Tags", multi_select: { does_not_contain: "reading" } }, ["Sketch of the Analytical Engine", "On Computable Numbers", "As We May Think", "Empty link"]],
    ["multi_select is_empty", { property: "Tags", multi_select: { is_empty: true } }, ["As We May Think", "Empty link"]],
    ["multi_select is_not_empty", { property: "Tags", multi_select: { is_not_empty: true } }, ["Sketch of the Analytical Engine", "On Computable Numbers", "Why typography matters", "Why gardens"]],
    ["created_time property on_or_after", { property: "Created", created_time: { on_or_after: since } }, ROWS.map((r) => r.name)],
    ["timestamp created_time before", { timestamp: "created_time", created_time: { before: dayBefore } }, []],
    ["timestamp created_time on_or_after (the outbox's duplicate check)", { and: [{ property: "URL", url: { equals: "https://example.org/gardens" } }, { timestamp: "created_time", created_time: { on_or_after: since } }] }, ["Why gardens"]],
    ["timestamp last_edited_time on_or_after (the sync window)", { timestamp: "last_edited_time", last_edited_time: { on_or_after: since } }, ROWS.map((r) => r.name)],
    [
      "the dashboard's search and tags: and / or, two levels deep",
      {
        and: [
          { property: "Tags", multi_select: { contains: "math" } },
          { or: [{ property: "Name", title: { contains: "sketch" } }, { property: "URL", url: { contains: "sketch" } }, { property: "Description", rich_text: { contains: "sketch" } }] },
        ],
      },
      ["Sketch of the Analytical Engine"],
    ],
    ["two tags, all required", { and: [{ property: "Tags", multi_select: { contains: "design" } }, { property: "Tags", multi_select: { contains: "reading" } }] }, ["Why typography matters"]],
  ])("filters: %s", async (_label, filter, expected) => {
    expect(sorted(await titles(filter))).toEqual(sorted(expected));
  });

  it("refuses filters nested deeper than two levels", async () => {
    const leaf = { property: "Name", title: { contains: "a" } } as const;
    await expect(notion.dataSources.query({ data_source_id: dataSourceId, filter: { and: [{ or: [{ and: [leaf] }] }] } as unknown as Filter })).rejects.toMatchObject({
      code: "validation_error",
      status: 400,
    });
  });

  it("sorts by property, then timestamp; earlier sorts win", async () => {
    const byTitle = await titles(undefined, [{ property: "Name", direction: "ascending" }, { timestamp: "created_time", direction: "descending" }]);
    expect(byTitle).toEqual(sorted(ROWS.map((r) => r.name)));
    const descending = (await query(undefined, [{ timestamp: "created_time", direction: "descending" }])).map((r) => r.created_time);
    expect(descending).toEqual(sorted(descending).reverse());
    const ascending = (await query(undefined, [{ timestamp: "created_time", direction: "ascending" }])).map((r) => r.created_time);
    expect(ascending).toEqual(sorted(ascending));
  });
});
