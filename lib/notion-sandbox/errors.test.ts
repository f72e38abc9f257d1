import { APIResponseError, type Client } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_CONTENT } from "./seed";
import { startTestSandbox, thrown } from "./test-support";

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

/** A raw request, to see exactly what goes over the wire. */
async function raw(path: string, init: { method?: string; version?: string | null; auth?: string | null; body?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.version !== null) headers["notion-version"] = init.version ?? "2025-09-03";
  if (init.auth !== null) headers.authorization = `Bearer ${init.auth ?? token}`;
  const response = await fetch(`${t.sandbox.url}${path}`, { method: init.method ?? "GET", headers, body: init.body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

function expectEnvelope(result: Awaited<ReturnType<typeof raw>>, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ object: "error", status, code, message: expect.any(String), request_id: expect.any(String), ...(result.body.additional_data ? { additional_data: expect.anything() } : {}) });
  expect(result.headers.get("x-notion-request-id")).toBe(result.body.request_id);
}

const longText = "x".repeat(2001);
const title = (content: string) => ({ Article: { title: [{ text: { content } }] } });

describe("errors", () => {
  it("missing_version", async () => {
    expectEnvelope(await raw("/v1/users/me", { version: null }), 400, "missing_version");
  });

  it("an unknown Notion-Version is a validation_error", async () => {
    expectEnvelope(await raw("/v1/users/me", { version: "2099-01-01" }), 400, "validation_error");
  });

  it("invalid_json", async () => {
    expectEnvelope(await raw("/v1/search", { method: "POST", body: "{nope" }), 400, "invalid_json");
  });

  it("invalid_request_url: unknown paths, data_sources before 2025-09-03, the retired database query", async () => {
    expectEnvelope(await raw("/v1/nothing-here"), 400, "invalid_request_url");
    expectEnvelope(await raw(`/v1/data_sources/${rows}`, { version: "2022-06-28" }), 400, "invalid_request_url");
    expectEnvelope(await raw(`/v1/databases/${SEED_CONTENT.notebook.readingListDatabaseId}/query`, { method: "POST", body: "{}" }), 400, "invalid_request_url");
  });

  it("invalid_request for old shapes the sandbox does not emulate", async () => {
    expectEnvelope(await raw(`/v1/pages/${SEED_CONTENT.notebook.researchPageId}`, { version: "2022-06-28" }), 400, "invalid_request");
  });

  it("unauthorized for a missing or unknown token", async () => {
    expectEnvelope(await raw("/v1/users/me", { auth: null }), 401, "unauthorized");
    await expect(t.client("ntn_sbx_nope").users.me({})).rejects.toMatchObject({ code: "unauthorized", status: 401 });
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

  it("object_not_found for unknown and unshared ids; validation_error for malformed ids", async () => {
    expectEnvelope(await raw(`/v1/pages/${SEED_CONTENT.notebook.gettingStartedPageId}`), 404, "object_not_found");
    expectEnvelope(await raw("/v1/pages/not-a-uuid"), 400, "validation_error");
  });

  it("conflict_error and rate_limited as Notion sends them", async () => {
    await t.admin.injectFaults([{ fault: 409, count: 1 }]);
    expectEnvelope(await raw("/v1/users/me"), 409, "conflict_error");
    await t.admin.injectFaults([{ fault: 429, count: 1, retryAfterSeconds: 7 }]);
    const limited = await raw("/v1/users/me");
    expectEnvelope(limited, 429, "rate_limited");
    expect(limited.headers.get("retry-after")).toBe("7");
  });

  describe("validation_error for bad bodies and size limits", () => {
    const create = (properties: Record<string, unknown>) => notion.pages.create({ parent: { data_source_id: rows }, properties } as Parameters<Client["pages"]["create"]>[0]);
    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      ["a missing properties", () => notion.pages.create({ parent: { data_source_id: rows } } as Parameters<Client["pages"]["create"]>[0]), /body\.properties should be defined/],
      ["an unknown property", () => create({ Nope: { url: "x" } }), /Nope is not a property that exists/],
      ["rich text over 2,000 characters", () => create(title(longText)), /text\.content\.length should be ≤ `2000`, instead was `2001`/],
      ["a URL over 2,000 characters", () => create({ ...title("a"), Link: { url: `https://e.com/${longText}` } }), /Link\.url\.length should be ≤ `2000`/],
      ["a rich text array over 100 items", () => create({ Article: { title: Array.from({ length: 101 }, () => ({ text: { content: "a" } })) } }), /title\.length should be ≤ `100`/],
      ["over 100 multi_select options", () => create({ ...title("a"), Topics: { multi_select: Array.from({ length: 101 }, (_, i) => ({ name: `t${i}` })) } }), /multi_select\.length should be ≤ `100`/],
      ["a wrong value type", () => create({ ...title("a"), Link: { url: 42 } }), /Link\.url should be a string/],
      ["page_size over 100", () => notion.dataSources.query({ data_source_id: rows, page_size: 101 }), /page_size should be ≤ `100`, instead was `101`/],
      ["a filter on an unknown property", () => notion.dataSources.query({ data_source_id: rows, filter: { property: "Nope", url: { is_empty: true } } }), /Could not find property/],
      ["a filter whose type does not match the property", () => notion.dataSources.query({ data_source_id: rows, filter: { property: "Article", url: { is_empty: true } } }), /should use the key `title`/],
    ];
    it.each(cases)("%s", async (_label, call, message) => {
      const error = await thrown(call);
      expect(APIResponseError.isAPIResponseError(error)).toBe(true);
      expect(error).toMatchObject({ code: "validation_error", status: 400 });
      expect(error.message).toMatch(message);
    });
  });
});
