/**
 * The errors Shelf tells apart (lib/bookmarks/delivery.ts parks validation_error and
 * object_not_found, retries the rest; a 401 means reconnect) and the limits its validation
 * mirrors. Runs on the sandbox and, with `npm run test:live`, on Notion; known differences are
 * listed under "Differences from Notion" in ../README.md.
 */
import { randomUUID } from "node:crypto";
import { APIResponseError, type Client } from "@notionhq/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thrown } from "../test/sandbox";
import { openTarget } from "./target";
import { expectEnvelope } from "./wire";

const target = await openTarget();
afterAll(() => target.close());
const { notion } = target;

let rows: string;
beforeAll(async () => {
  rows = (await target.createBookmarksDatabase("errors")).dataSourceId;
});

const longText = "x".repeat(2001);
const title = (content: string) => ({ Name: { title: [{ text: { content } }] } });

describe("errors", () => {
  it("missing_version", async () => {
    expectEnvelope(await target.raw("/v1/users/me", { version: null }), 400, "missing_version");
  });

  it("an unknown Notion-Version is a validation_error", async () => {
    expectEnvelope(await target.raw("/v1/users/me", { version: "2099-01-01" }), 400, "validation_error");
  });

  it("invalid_json", async () => {
    expectEnvelope(await target.raw("/v1/search", { method: "POST", body: "{nope" }), 400, "invalid_json");
  });

  it("invalid_request_url: unknown paths, and data_sources before 2025-09-03", async () => {
    expectEnvelope(await target.raw("/v1/nothing-here"), 400, "invalid_request_url");
    expectEnvelope(await target.raw(`/v1/data_sources/${rows}`, { version: "2022-06-28" }), 400, "invalid_request_url");
  });

  it("unauthorized for a missing or unknown token", async () => {
    expectEnvelope(await target.raw("/v1/users/me", { auth: null }), 401, "unauthorized");
    expectEnvelope(await target.raw("/v1/users/me", { auth: "ntn_not_a_real_token" }), 401, "unauthorized");
    await expect(target.client({ auth: "ntn_not_a_real_token" }).users.me({})).rejects.toMatchObject({ code: "unauthorized", status: 401 });
  });

  it("object_not_found for unknown ids; validation_error for malformed ids", async () => {
    expectEnvelope(await target.raw(`/v1/pages/${randomUUID()}`), 404, "object_not_found");
    expectEnvelope(await target.raw("/v1/pages/not-a-uuid"), 400, "validation_error");
  });

  describe("validation_error for bad bodies and size limits", () => {
    const create = (properties: Record<string, unknown>) => notion.pages.create({ parent: { data_source_id: rows }, properties } as Parameters<Client["pages"]["create"]>[0]);
    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      ["a missing properties", () => notion.pages.create({ parent: { data_source_id: rows } } as Parameters<Client["pages"]["create"]>[0]), /body\.properties should be defined/],
      ["an unknown property", () => create({ Nope: { url: "x" } }), /Nope is not a property that exists/],
      ["rich text over 2,000 characters", () => create(title(longText)), /text\.content\.length should be ≤ `2000`, instead was `2001`/],
      ["a URL over 2,000 characters", () => create({ ...title("a"), URL: { url: `https://e.com/${longText}` } }), /URL\.url\.length should be ≤ `2000`/],
      ["a rich text array over 100 items", () => create({ Name: { title: Array.from({ length: 101 }, () => ({ text: { content: "a" } })) } }), /title\.length should be ≤ `100`/],
      ["over 100 multi_select options", () => create({ ...title("a"), Tags: { multi_select: Array.from({ length: 101 }, (_, i) => ({ name: `t${i}` })) } }), /multi_select\.length should be ≤ `100`/],
      ["a wrong value type", () => create({ ...title("a"), URL: { url: 42 } }), /URL\.url should be a string/],
      ["page_size over 100", () => notion.dataSources.query({ data_source_id: rows, page_size: 101 }), /page_size should be ≤ `100`, instead was `101`/],
      ["a filter on an unknown property", () => notion.dataSources.query({ data_source_id: rows, filter: { property: "Nope", url: { is_empty: true } } }), /Could not find property/],
      ["a filter whose type does not match the property", () => notion.dataSources.query({ data_source_id: rows, filter: { property: "Name", url: { is_empty: true } } }), /should use the key `title`/],
    ];
    it.each(cases)("%s", async (_label, call, message) => {
      const error = await thrown(call);
      expect(APIResponseError.isAPIResponseError(error)).toBe(true);
      expect(error).toMatchObject({ code: "validation_error", status: 400 });
      expect(error.message).toMatch(message);
    });

    it("accepts exactly 2,000 characters of rich text", async () => {
      const text = "y".repeat(2000);
      const page = await create({ ...title(text), Description: { rich_text: [{ text: { content: text } }] } });
      expect(page).toMatchObject({ object: "page", in_trash: false });
    });
  });
});
