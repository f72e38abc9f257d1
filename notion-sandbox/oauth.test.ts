import { isFullBlock, type DatabaseObjectResponse } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, SEED_CONTENT, SEED_PEOPLE, SEED_WORKSPACES } from "./seed";
import { REDIRECT_URI, startTestSandbox, thrown } from "./test/sandbox";

const t = await startTestSandbox();
const credentials = { client_id: SANDBOX_CLIENT_ID, client_secret: DEFAULT_SANDBOX_CLIENT_SECRET };
afterAll(() => t.sandbox.stop());
beforeEach(() => t.admin.reset());

const approve = (extra: Partial<Parameters<typeof t.admin.approve>[0]> = {}) =>
  t.admin.approve({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: "s-1",
    person_id: SEED_PEOPLE.ada.id,
    workspace_id: SEED_WORKSPACES.notebook.id,
    template: true,
    ...extra,
  });
const codeOf = (redirect: string) => new URL(redirect).searchParams.get("code") ?? "";
/** `redirectUri: null` leaves redirect_uri out of the request. */
const exchange = (code: string, redirectUri: string | null = REDIRECT_URI) =>
  t.oauth.oauth.token({ ...credentials, grant_type: "authorization_code", code, ...(redirectUri === null ? {} : { redirect_uri: redirectUri }) });

describe("authorize", () => {
  const authorizeUrl = (params: Record<string, string>) => `${t.sandbox.url}/v1/oauth/authorize?${new URLSearchParams(params)}`;
  const valid = { client_id: SANDBOX_CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: "code", owner: "user", state: "abc" };

  it("renders the consent page for a valid request", async () => {
    const response = await fetch(authorizeUrl(valid));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Ada Lovelace");
    expect(html).not.toContain("<script");
  });

  it.each([
    ["an unknown client", { client_id: "nope" }],
    ["an unregistered redirect_uri", { redirect_uri: "https://evil.example/cb" }],
    ["a response_type other than code", { response_type: "token" }],
    ["a missing owner", { owner: "" }],
  ])("shows an error page, not a redirect, for %s", async (_label, override) => {
    const response = await fetch(authorizeUrl({ ...valid, ...override }), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it("redirects with code and state on Allow, and access_denied on Cancel", async () => {
    const allow = new URLSearchParams({ ...valid, person_id: SEED_PEOPLE.ada.id, workspace_id: SEED_WORKSPACES.notebook.id, access: "template", decision: "allow" });
    const allowed = await fetch(`${t.sandbox.url}/v1/oauth/authorize`, { method: "POST", body: allow, redirect: "manual" });
    const location = new URL(allowed.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("abc");
    expect(location.searchParams.get("code")).toBeTruthy();

    const cancelled = await fetch(`${t.sandbox.url}/v1/oauth/authorize`, { method: "POST", body: new URLSearchParams({ ...valid, state: "", decision: "cancel" }), redirect: "manual" });
    expect(cancelled.headers.get("location")).toBe(`${REDIRECT_URI}?error=access_denied&state=`);
  });
});

describe("token: authorization_code", () => {
  it("answers every field Notion returns and duplicates the template", async () => {
    const token = await exchange(codeOf(await approve()));
    expect(token.access_token).toMatch(/^ntn_sbx_/);
    expect(token.refresh_token).toMatch(/^nrt_sbx_/);
    expect(token).toMatchObject({
      token_type: "bearer",
      workspace_id: SEED_WORKSPACES.notebook.id,
      workspace_name: "Ada's Notebook",
      workspace_icon: "📓",
      owner: { type: "user", user: { object: "user", id: SEED_PEOPLE.ada.id, type: "person", name: "Ada Lovelace", person: { email: "ada@example.com" } } },
    });
    expect(token.bot_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.request_id).toBeTruthy();
    const templateId = token.duplicated_template_id ?? "";
    expect(templateId).toMatch(/^[0-9a-f-]{36}$/);

    const notion = t.client(token.access_token);
    const children = await notion.blocks.children.list({ block_id: templateId });
    const childDatabase = children.results.find((b) => isFullBlock(b) && b.type === "child_database");
    const database = (await notion.databases.retrieve({ database_id: childDatabase?.id ?? "" })) as DatabaseObjectResponse;
    const dataSourceId = database.data_sources[0]?.id ?? "";
    const dataSource = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
    expect("properties" in dataSource && Object.fromEntries(Object.entries(dataSource.properties).map(([name, p]) => [name, p.type]))).toEqual({
      Name: "title",
      URL: "url",
      Description: "rich_text",
      Tags: "multi_select",
      Saved: "date",
      Created: "created_time",
    });
    // Fresh ids for every duplicate, and the bot sees only its own copy.
    const second = await exchange(codeOf(await approve({ person_id: SEED_PEOPLE.ada.id, workspace_id: SEED_WORKSPACES.engines.id })));
    expect(second.duplicated_template_id).not.toBe(templateId);
    await expect(t.client(second.access_token).pages.retrieve({ page_id: templateId })).rejects.toMatchObject({ code: "object_not_found" });
  });

  it("shares only the selected pages", async () => {
    const token = await exchange(codeOf(await approve({ template: false, page_ids: [SEED_CONTENT.notebook.researchPageId] })));
    expect(token.duplicated_template_id).toBeNull();
    const notion = t.client(token.access_token);
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.researchPageId })).resolves.toMatchObject({ object: "page" });
    // Sharing is inherited by the page's children.
    await expect(notion.databases.retrieve({ database_id: SEED_CONTENT.notebook.readingListDatabaseId })).resolves.toMatchObject({ object: "database" });
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.gettingStartedPageId })).rejects.toMatchObject({ code: "object_not_found", status: 404 });
  });

  it("refuses a replayed code with invalid_grant", async () => {
    const code = codeOf(await approve());
    await exchange(code);
    const error = await thrown(() => exchange(code));
    expect(error.status).toBe(400);
    expect(JSON.parse(error.body as string)).toMatchObject({ error: "invalid_grant", error_description: expect.any(String), request_id: expect.any(String) });
  });

  it("refuses an expired code", async () => {
    const code = codeOf(await approve());
    await t.admin.advanceClock(11 * 60_000);
    expect(JSON.parse((await thrown(() => exchange(code))).body as string).error).toBe("invalid_grant");
  });

  it("enforces the redirect_uri rules", async () => {
    const code = codeOf(await approve());
    expect(JSON.parse((await thrown(() => exchange(code, "http://127.0.0.1:3000/api/auth/callback/notion"))).body as string).error).toBe("invalid_grant");
    expect(JSON.parse((await thrown(() => exchange(code, null))).body as string).error).toBe("invalid_grant");
    // With two registered URIs, authorize without redirect_uri is refused outright.
    await expect(approve({ redirect_uri: undefined })).rejects.toThrow(/redirect_uri is required/);
  });

  it("refuses a wrong client secret with 401 invalid_client", async () => {
    const code = codeOf(await approve());
    const error = await thrown(() => t.oauth.oauth.token({ client_id: SANDBOX_CLIENT_ID, client_secret: "wrong", grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }));
    expect(error.status).toBe(401);
    expect(JSON.parse(error.body as string).error).toBe("invalid_client");
  });

  it("gives a re-authorization the same bot, a new pair, and keeps what was shared", async () => {
    const first = await exchange(codeOf(await approve({ template: false, page_ids: [SEED_CONTENT.notebook.researchPageId] })));
    const again = await exchange(codeOf(await approve({ template: false, page_ids: [SEED_CONTENT.notebook.gettingStartedPageId] })));
    expect(again.bot_id).toBe(first.bot_id);
    expect(again.access_token).not.toBe(first.access_token);
    await expect(t.client(first.access_token).users.me({})).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    const notion = t.client(again.access_token);
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.researchPageId })).resolves.toBeTruthy();
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.gettingStartedPageId })).resolves.toBeTruthy();
  });
});

describe("token: refresh_token", () => {
  const refresh = (refreshToken: string) => t.oauth.oauth.token({ ...credentials, grant_type: "refresh_token", refresh_token: refreshToken });

  it("rotates: a new pair, and the old refresh and access tokens stop working", async () => {
    const first = await exchange(codeOf(await approve()));
    const second = await refresh(first.refresh_token ?? "");
    expect(second.bot_id).toBe(first.bot_id);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await expect(t.client(second.access_token).users.me({})).resolves.toMatchObject({ id: first.bot_id, type: "bot" });
    await expect(t.client(first.access_token).users.me({})).rejects.toMatchObject({ code: "unauthorized" });
    expect(JSON.parse((await thrown(() => refresh(first.refresh_token ?? ""))).body as string).error).toBe("invalid_grant");
  });

  it("refreshes an expired access token, but not a revoked one", async () => {
    const expired = await exchange(codeOf(await approve()));
    await t.admin.expireToken(expired.access_token);
    await expect(t.client(expired.access_token).users.me({})).rejects.toMatchObject({ code: "unauthorized", status: 401 });
    await expect(refresh(expired.refresh_token ?? "")).resolves.toMatchObject({ bot_id: expired.bot_id });

    const revoked = await exchange(codeOf(await approve({ workspace_id: SEED_WORKSPACES.engines.id })));
    await t.admin.revokeToken(revoked.access_token);
    const error = await thrown(() => refresh(revoked.refresh_token ?? ""));
    expect(error.status).toBe(400);
    expect(JSON.parse(error.body as string).error).toBe("invalid_grant");
  });
});

describe("revoke and introspect", () => {
  it("introspects active and inactive tokens, and revoke ends both tokens of the pair", async () => {
    const token = await exchange(codeOf(await approve()));
    const active = await t.oauth.oauth.introspect({ ...credentials, token: token.access_token });
    expect(active).toMatchObject({ active: true, scope: expect.any(String), iat: expect.any(Number) });
    await expect(t.oauth.oauth.introspect({ ...credentials, token: "ntn_sbx_unknown" })).resolves.toMatchObject({ active: false });

    await expect(t.oauth.oauth.revoke({ ...credentials, token: token.access_token })).resolves.toMatchObject({ request_id: expect.any(String) });
    await expect(t.oauth.oauth.introspect({ ...credentials, token: token.access_token })).resolves.toMatchObject({ active: false });
    await expect(t.oauth.oauth.introspect({ ...credentials, token: token.refresh_token ?? "" })).resolves.toMatchObject({ active: false });
    await expect(t.client(token.access_token).users.me({})).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("authenticates the client on revoke and introspect", async () => {
    const error = await thrown(() => t.oauth.oauth.introspect({ client_id: SANDBOX_CLIENT_ID, client_secret: "wrong", token: "x" }));
    expect(error.status).toBe(401);
  });
});
