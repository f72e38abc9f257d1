import { RequestTimeoutError, type Client } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CONTENT, SEED_WORKSPACES } from "./seed";
import { startTestSandbox } from "./test/sandbox";

const t = await startTestSandbox();
afterAll(() => t.sandbox.stop());

const rows = SEED_CONTENT.notebook.readingListDataSourceId;
let token: string;
let notion: Client;

beforeEach(async () => {
  await t.admin.reset();
  token = (await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] })).access_token;
  // Short exponential delays: only errors without Retry-After use them.
  notion = t.client(token, { retry: { maxRetries: 2, initialRetryDelayMs: 20, maxRetryDelayMs: 2_000 } });
  await t.admin.clearRequests();
});

const attempts = async (path: string) => (await t.admin.requests()).filter((r) => r.path === path);

describe("fault injection and the SDK's retries", () => {
  it("retries an injected 429 after Retry-After and succeeds", async () => {
    await t.admin.injectFaults({ fault: 429, count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await expect(notion.users.me({})).resolves.toMatchObject({ type: "bot" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await attempts("/v1/users/me")).map((r) => r.status)).toEqual([429, 200]);
  });

  it("retries 529 on a POST, and gives up after maxRetries", async () => {
    await t.admin.injectFaults({ fault: 529, count: 1, retryAfterSeconds: 1, path: "/v1/data_sources/*/query" });
    await expect(notion.dataSources.query({ data_source_id: rows })).resolves.toMatchObject({ object: "list" });
    await t.admin.injectFaults({ fault: 429, count: 3, retryAfterSeconds: 0 });
    await expect(notion.users.me({})).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("retries 500 and 503 on GET but not on POST; 502 and 504 surface as errors", async () => {
    await t.admin.injectFaults([{ fault: 500, count: 1 }, { fault: 503, count: 1 }]);
    await expect(notion.users.me({})).resolves.toBeTruthy();
    expect((await attempts("/v1/users/me")).map((r) => r.status)).toEqual([500, 503, 200]);
    await t.admin.injectFaults({ fault: 500, count: 1, method: "POST" });
    await expect(notion.search({})).rejects.toMatchObject({ code: "internal_server_error", status: 500 });
    await t.admin.injectFaults({ fault: 502, count: 1 });
    await expect(notion.users.me({})).rejects.toMatchObject({ status: 502 });
    await t.admin.injectFaults({ fault: 504, count: 1 });
    await expect(notion.users.me({})).rejects.toMatchObject({ code: "gateway_timeout", status: 504 });
  });

  it("hangs past the client's timeout, and resets connections", async () => {
    await t.admin.injectFaults({ fault: "hang", count: 1, hangMs: 5_000 });
    const impatient = t.client(token, { timeoutMs: 200, retry: false });
    const hung = await impatient.users.me({}).catch((error: unknown) => error);
    expect(RequestTimeoutError.isRequestTimeoutError(hung)).toBe(true);
    await t.admin.injectFaults({ fault: "reset", count: 1 });
    await expect(notion.users.me({})).rejects.toThrow();
    await expect(notion.users.me({})).resolves.toBeTruthy();
  });

  it("holds an answer it has already carried out until released", async () => {
    await t.admin.injectFaults({ fault: "held_response", count: 1, path: "/v1/pages", method: "POST" });
    const create = notion.pages.create({ parent: { data_source_id: rows }, properties: {} });
    await t.admin.waitForHeld(1);
    const before = await notion.dataSources.query({ data_source_id: rows });
    expect(await t.admin.releaseHeld()).toBe(1);
    const page = await create;
    expect(before.results.map((r) => r.id)).toContain(page.id);
    expect((await t.admin.state()).held_responses).toBe(0);
  });

  it("applies faults only to the matching path, for a fraction of requests", async () => {
    await t.admin.injectFaults({ fault: 503, fraction: 1, path: "/v1/pages" });
    await expect(notion.users.me({})).resolves.toBeTruthy();
    await expect(notion.pages.create({ parent: { data_source_id: rows }, properties: {} })).rejects.toMatchObject({ status: 503 });
    await t.admin.clearFaults();
    await expect(notion.pages.create({ parent: { data_source_id: rows }, properties: {} })).resolves.toBeTruthy();
  });

  it("adds latency", async () => {
    await t.admin.setLatency({ fixedMs: 150, jitterMs: 20 });
    const started = Date.now();
    await notion.users.me({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a bot exceeds its budget, and the SDK waits it out", async () => {
    await t.admin.setRateLimit({ requestsPerSecond: 2, burst: 2 });
    const strict = t.client(token, { retry: false });
    await strict.users.me({});
    await strict.users.me({});
    const limited = await strict.users.me({}).catch((error: { code: string; headers: Headers }) => error);
    expect(limited).toMatchObject({ code: "rate_limited", status: 429 });
    expect(Number((limited as { headers: Headers }).headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The SDK's own retry honours Retry-After and gets through.
    await expect(notion.users.me({})).resolves.toBeTruthy();
  });

  it("is per bot, and can be turned off", async () => {
    await t.admin.setRateLimit({ requestsPerSecond: 1, burst: 1 });
    const other = t.client((await t.connect({ workspaceId: SEED_WORKSPACES.engines.id })).access_token, { retry: false });
    const strict = t.client(token, { retry: false });
    await strict.users.me({});
    await expect(other.users.me({})).resolves.toBeTruthy();
    await expect(strict.users.me({})).rejects.toMatchObject({ code: "rate_limited" });
    await t.admin.setRateLimit(false);
    await expect(strict.users.me({})).resolves.toBeTruthy();
  });
});
