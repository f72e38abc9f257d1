/**
 * Queries over more rows than a test could create on Notion (seedRows is sandbox-only). Filters,
 * sorts and small pages are in contract/query.test.ts.
 */
import { collectPaginatedAPI } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_CONTENT } from "./seed";
import { startTestSandbox } from "./test/sandbox";

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
});

describe("data source query", () => {
  it("paginates across more than 100 rows with cursors", async () => {
    const first = await notion.dataSources.query({ data_source_id: dataSourceId });
    expect(first.results).toHaveLength(100);
    expect(first).toMatchObject({ object: "list", type: "page_or_data_source", has_more: true, next_cursor: expect.any(String) });
    const all = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, page_size: 100 });
    expect(all).toHaveLength(253);
    expect(new Set(all.map((r) => r.id)).size).toBe(253);
  });

  it("filters by relative dates: rows seeded long ago are not edited in the past week", async () => {
    const recent = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId, filter: { timestamp: "last_edited_time", last_edited_time: { past_week: {} } } });
    expect(recent).toHaveLength(250);
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
