import { collectPaginatedAPI, type PageObjectResponse, type QueryDataSourceParameters } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_CONTENT } from "./seed";
import { startTestSandbox } from "./test-support";

const t = await startTestSandbox();
afterAll(() => t.sandbox.stop());

const dataSourceId = SEED_CONTENT.notebook.readingListDataSourceId;
let notion: ReturnType<typeof t.client>;

/** The Reading list (Article, Link, Notes, Topics, Added) with 250 generated rows plus 3 seeded. */
beforeAll(async () => {
  await t.admin.reset();
  const token = await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] });
  notion = t.client(token.access_token);
  await t.admin.seedRows(dataSourceId, 250);
  await notion.pages.create({
    parent: { data_source_id: dataSourceId },
    properties: { Article: { title: [{ text: { content: "Empty link" } }] }, Notes: { rich_text: [{ text: { content: "Bridges of Königsberg" } }] } },
  });
});

type Filter = QueryDataSourceParameters["filter"];

async function titles(filter: Filter, sorts?: QueryDataSourceParameters["sorts"]): Promise<string[]> {
  const rows = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, filter, sorts });
  return rows.map((row) => {
    const title = (row as PageObjectResponse).properties.Article;
    return title?.type === "title" ? title.title.map((t) => t.plain_text).join("") : "";
  });
}

describe("data source query", () => {
  it("paginates across more than 100 rows with cursors", async () => {
    const first = await notion.dataSources.query({ data_source_id: dataSourceId });
    expect(first.results).toHaveLength(100);
    expect(first).toMatchObject({ object: "list", type: "page_or_data_source", has_more: true, next_cursor: expect.any(String) });
    const all = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, page_size: 100 });
    expect(all).toHaveLength(254);
    expect(new Set(all.map((r) => r.id)).size).toBe(254);
  });

  it.each<[string, Filter, (titles: string[]) => void]>([
    ["title contains (case-insensitive)", { property: "Article", title: { contains: "ROSETTA" } }, (r) => expect(r).toEqual([])],
    ["title contains", { property: "Article", title: { contains: "typography" } }, (r) => expect(r.length).toBe(25)],
    ["title equals", { property: "Article", title: { equals: "On Computable Numbers" } }, (r) => expect(r).toEqual(["On Computable Numbers"])],
    ["title starts_with", { property: "Article", title: { starts_with: "Why " } }, (r) => expect(r.every((x) => x.startsWith("Why "))).toBe(true)],
    ["title ends_with", { property: "Article", title: { ends_with: "#250" } }, (r) => expect(r).toHaveLength(1)],
    ["title does_not_contain", { property: "Article", title: { does_not_contain: "#" } }, (r) => expect(r).toHaveLength(4)],
    ["rich_text contains", { property: "Notes", rich_text: { contains: "königsberg" } }, (r) => expect(r).toEqual(["Empty link"])],
    ["rich_text is_empty", { property: "Notes", rich_text: { is_empty: true } }, (r) => expect(r).toHaveLength(3)],
    ["url is_empty", { property: "Link", url: { is_empty: true } }, (r) => expect(r).toEqual(["Empty link"])],
    ["url is_not_empty", { property: "Link", url: { is_not_empty: true } }, (r) => expect(r).toHaveLength(253)],
    ["url contains", { property: "Link", url: { contains: "/computable" } }, (r) => expect(r).toEqual(["On Computable Numbers"])],
    ["multi_select contains", { property: "Topics", multi_select: { contains: "math" } }, (r) => expect(r).toEqual(["Sketch of the Analytical Engine", "On Computable Numbers"])],
    ["multi_select does_not_contain", { property: "Topics", multi_select: { does_not_contain: "reading" } }, (r) => expect(r.length).toBeLessThan(254)],
    ["multi_select is_empty", { property: "Topics", multi_select: { is_empty: true } }, (r) => expect(r).toEqual(["As We May Think", "Empty link"])],
    ["created_time property on_or_after", { property: "Added", created_time: { on_or_after: "2026-01-01" } }, (r) => expect(r).toHaveLength(254)],
    ["timestamp created_time before", { timestamp: "created_time", created_time: { before: "2026-01-05" } }, (r) => expect(r).toEqual([])],
    ["timestamp last_edited_time past_week", { timestamp: "last_edited_time", last_edited_time: { past_week: {} } }, (r) => expect(r).toHaveLength(251)],
    [
      "and / or, two levels deep",
      {
        and: [
          { property: "Topics", multi_select: { contains: "math" } },
          { or: [{ property: "Article", title: { contains: "sketch" } }, { property: "Link", url: { ends_with: "numbers" } }] },
        ],
      },
      (r) => expect(r).toEqual(["Sketch of the Analytical Engine", "On Computable Numbers"]),
    ],
  ])("filters: %s", async (_label, filter, check) => {
    check(await titles(filter));
  });

  it("refuses filters nested deeper than two levels", async () => {
    const leaf = { property: "Article", title: { contains: "a" } } as const;
    await expect(
      notion.dataSources.query({ data_source_id: dataSourceId, filter: { and: [{ or: [{ and: [leaf] }] }] } as unknown as Filter }),
    ).rejects.toMatchObject({ code: "validation_error" });
  });

  it("sorts by property and timestamp; earlier sorts win", async () => {
    const byTitle = await titles({ property: "Article", title: { does_not_contain: "#" } }, [{ property: "Article", direction: "ascending" }]);
    expect(byTitle).toEqual(["As We May Think", "Empty link", "On Computable Numbers", "Sketch of the Analytical Engine"]);
    const newest = await notion.dataSources.query({ data_source_id: dataSourceId, sorts: [{ timestamp: "created_time", direction: "descending" }], page_size: 1 });
    expect((newest.results[0] as PageObjectResponse).properties.Article).toMatchObject({ title: [{ plain_text: "Empty link" }] });
  });

  it("caps one query at 10,000 rows with request_status incomplete", async () => {
    await t.admin.seedRows(dataSourceId, 10_000);
    let cursor: string | undefined;
    let seen = 0;
    let last;
    do {
      last = await notion.dataSources.query({ data_source_id: dataSourceId, start_cursor: cursor, page_size: 100 });
      seen += last.results.length;
      cursor = last.next_cursor ?? undefined;
    } while (last.has_more);
    expect(seen).toBe(10_000);
    expect(last.request_status).toEqual({ type: "incomplete", incomplete_reason: "query_result_limit_reached" });
    expect(last.next_cursor).toBeNull();
  });
});
