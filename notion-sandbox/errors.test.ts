/**
 * Errors only the sandbox can provoke or that it answers by choice. The ones Notion answers the
 * same way (bad bodies, limits, tokens, versions) are in contract/errors.test.ts.
 */
import { type Client } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectEnvelope, rawRequest, type RawInit } from "./contract/wire";
import { SEED_CONTENT } from "./seed";
import { startTestSandbox } from "./test/sandbox";

const t = await startTestSandbox();
afterAll(() => t.sandbox.stop());

let token: string;
let notion: Client;
const rows = SEED_CONTENT.notebook.readingListDataSourceId;

beforeAll(async () => {
  await t.admin.reset();
  token = (await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] })).access_token;
  notion = t.client(token);
});

const raw = (path: string, init?: RawInit) => rawRequest(t.sandbox.url, token, path, init);
const title = (content: string) => ({ Article: { title: [{ text: { content } }] } });

describe("errors", () => {
  it("invalid_request_url for the retired database query", async () => {
    expectEnvelope(await raw(`/v1/databases/${SEED_CONTENT.notebook.readingListDatabaseId}/query`, { method: "POST", body: "{}" }), 400, "invalid_request_url");
  });

  it("invalid_request for old shapes the sandbox does not emulate", async () => {
    expectEnvelope(await raw(`/v1/pages/${SEED_CONTENT.notebook.researchPageId}`, { version: "2022-06-28" }), 400, "invalid_request");
  });

  it("restricted_resource when the connection lacks a capability", async () => {
    await t.admin.setCapabilities(["read_content"]);
    try {
      await expect(notion.pages.create({ parent: { data_source_id: rows }, properties: title("x") })).rejects.toMatchObject({ code: "restricted_resource", status: 403 });
      await expect(notion.dataSources.query({ data_source_id: rows, page_size: 1 })).resolves.toBeTruthy();
    } finally {
      await t.admin.setCapabilities(["read_content", "update_content", "insert_content", "read_user"]);
    }
  });

  it("object_not_found for pages that exist but were not shared", async () => {
    expectEnvelope(await raw(`/v1/pages/${SEED_CONTENT.notebook.gettingStartedPageId}`), 404, "object_not_found");
  });

  it("conflict_error and rate_limited as Notion sends them", async () => {
    await t.admin.injectFaults([{ fault: 409, count: 1 }]);
    expectEnvelope(await raw("/v1/users/me"), 409, "conflict_error");
    await t.admin.injectFaults([{ fault: 429, count: 1, retryAfterSeconds: 7 }]);
    const limited = await raw("/v1/users/me");
    expectEnvelope(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe("7");
  });
});
