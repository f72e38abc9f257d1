import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, type DatabaseObjectResponse, type PageObjectResponse } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxAdmin } from "./admin-client";
import { startSandbox } from "./index";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, SEED_CONTENT, SEED_PEOPLE, SEED_TEMPLATE, SEED_WORKSPACES } from "./seed";
import { startTestSandbox } from "./test/sandbox";

const t = await startTestSandbox();
afterAll(() => t.sandbox.stop());
beforeEach(() => t.admin.reset());

const readingList = SEED_CONTENT.notebook.readingListDataSourceId;
const connectNotebook = async () => {
  const token = await t.connect({ template: false, pageIds: [SEED_CONTENT.notebook.researchPageId] });
  return { token, notion: t.client(token.access_token) };
};

describe("admin API", () => {
  it("shows people, workspaces with members, and the OAuth client", async () => {
    const state = await t.admin.state();
    expect(state.people.map((p) => p.id)).toEqual(Object.values(SEED_PEOPLE).map((p) => p.id));
    expect(state.workspaces.find((w) => w.id === SEED_WORKSPACES.engines.id)?.member_ids).toEqual([SEED_PEOPLE.ada.id, SEED_PEOPLE.grace.id]);
    expect(state.oauth_clients).toEqual([
      expect.objectContaining({ client_id: SANDBOX_CLIENT_ID, client_secret: DEFAULT_SANDBOX_CLIENT_SECRET, redirect_uris: expect.any(Array), template_page_id: SEED_TEMPLATE.pageId }),
    ]);
  });

  it("reset forgets connections", async () => {
    const { notion } = await connectNotebook();
    expect((await t.admin.state()).bots).toHaveLength(1);
    await t.admin.reset();
    expect((await t.admin.state()).bots).toHaveLength(0);
    await expect(notion.users.me({})).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("adds, edits and trashes pages as a person in Notion", async () => {
    const { notion } = await connectNotebook();
    const added = await t.admin.addPage({ parent: { data_source_id: readingList }, properties: { Article: { title: [{ text: { content: "From Notion" } }] } }, person_id: SEED_PEOPLE.ada.id });
    const seen = (await notion.pages.retrieve({ page_id: added.id })) as PageObjectResponse;
    expect(seen).toMatchObject({ created_by: { id: SEED_PEOPLE.ada.id }, properties: { Article: { title: [{ plain_text: "From Notion" }] } } });

    await t.admin.advanceClock(5 * 60_000);
    const edited = await t.admin.editPage(added.id, { properties: { Topics: { multi_select: [{ name: "edited" }] } } });
    expect(Date.parse(edited.last_edited_time)).toBeGreaterThan(Date.parse(seen.last_edited_time));
    const found = await notion.dataSources.query({ data_source_id: readingList, filter: { timestamp: "last_edited_time", last_edited_time: { on_or_after: edited.last_edited_time } } });
    expect(found.results.map((r) => r.id)).toEqual([added.id]);

    await t.admin.trashPage(added.id);
    await expect(notion.pages.retrieve({ page_id: added.id })).resolves.toMatchObject({ in_trash: true });
    const rows = await notion.dataSources.query({ data_source_id: readingList });
    expect(rows.results.map((r) => r.id)).not.toContain(added.id);
  });

  it("trashes a database: retrieve says in_trash, queries and writes fail", async () => {
    const { notion } = await connectNotebook();
    await t.admin.trashDatabase(SEED_CONTENT.notebook.readingListDatabaseId);
    const database = (await notion.databases.retrieve({ database_id: SEED_CONTENT.notebook.readingListDatabaseId })) as DatabaseObjectResponse;
    expect(database.in_trash).toBe(true);
    await expect(notion.dataSources.query({ data_source_id: readingList })).rejects.toMatchObject({ code: "object_not_found" });
    await expect(notion.pages.create({ parent: { data_source_id: readingList }, properties: {} })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("unshares a database from the connection", async () => {
    const { notion, token } = await connectNotebook();
    await t.admin.unshareDatabase(SEED_CONTENT.notebook.readingListDatabaseId);
    await expect(notion.databases.retrieve({ database_id: SEED_CONTENT.notebook.readingListDatabaseId })).rejects.toMatchObject({ code: "object_not_found" });
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.researchPageId })).resolves.toBeTruthy();
    expect((await t.admin.visibleTo(token.bot_id)).databases).toEqual([]);
  });

  it("seeds rows and lists what a bot sees of a data source", async () => {
    const { token } = await connectNotebook();
    const ids = await t.admin.seedRows(readingList, 40);
    expect(ids).toHaveLength(40);
    const visible = await t.admin.visibleTo(token.bot_id, readingList);
    expect(visible.pages).toHaveLength(43);
  });

  it("expires and revokes a bot's live token without knowing it, and says whether one is live", async () => {
    const { token, notion } = await connectNotebook();
    const bot = { bot_id: token.bot_id };
    await t.admin.expireToken(bot);
    await expect(notion.users.me({})).rejects.toMatchObject({ code: "unauthorized" });
    const refreshed = await t.oauth.oauth.token({
      client_id: SANDBOX_CLIENT_ID,
      client_secret: DEFAULT_SANDBOX_CLIENT_SECRET,
      grant_type: "refresh_token",
      refresh_token: token.refresh_token!,
    });
    expect((await t.admin.state()).bots[0]?.live_tokens).toBe(1);
    await t.admin.revokeToken(bot);
    await expect(t.client(refreshed.access_token).users.me({})).rejects.toMatchObject({ code: "unauthorized" });
    expect((await t.admin.state()).bots[0]?.live_tokens).toBe(0);
    await expect(t.admin.revokeToken(bot)).rejects.toThrow(/404/);
  });

  it("makes an internal integration whose token sees only the pages shared with it", async () => {
    const made = await t.admin.addInternalIntegration({ workspace_id: SEED_WORKSPACES.notebook.id, page_ids: [SEED_CONTENT.notebook.researchPageId], name: "Contract" });
    expect(made).toMatchObject({ token: expect.stringMatching(/^ntn_sbx_/), bot_id: expect.any(String), client_id: expect.stringMatching(/^internal-/) });
    const notion = t.client(made.token);
    await expect(notion.users.me({})).resolves.toMatchObject({ id: made.bot_id, type: "bot", name: "Contract" });
    await expect(notion.dataSources.query({ data_source_id: readingList, page_size: 1 })).resolves.toMatchObject({ object: "list" });
    await expect(notion.pages.retrieve({ page_id: SEED_CONTENT.notebook.gettingStartedPageId })).rejects.toMatchObject({ code: "object_not_found" });
    expect((await t.admin.state()).bots).toEqual([expect.objectContaining({ bot_id: made.bot_id, client_id: made.client_id, live_tokens: 1 })]);
    await expect(t.admin.addInternalIntegration({ workspace_id: SEED_WORKSPACES.notebook.id, page_ids: [SEED_CONTENT.engines.wikiPageId] })).rejects.toThrow(/400.*not a page or database in Ada's Notebook/);
  });

  it("changes an OAuth client's secret", async () => {
    await t.admin.setClientSecret(SANDBOX_CLIENT_ID, "rotated");
    expect((await t.admin.state()).oauth_clients[0]?.client_secret).toBe("rotated");
    await expect(t.connect()).rejects.toMatchObject({ status: 401 });
  });

  it("logs the requests it received", async () => {
    const { notion, token } = await connectNotebook();
    await t.admin.clearRequests();
    await notion.search({ query: "Research" });
    const [logged] = await t.admin.requests();
    expect(logged).toMatchObject({ method: "POST", path: "/v1/search", status: 200, bot_id: token.bot_id, notion_version: "2025-09-03", body: { query: "Research" } });
  });
});

describe("persistence and the CLI", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notion-sandbox-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps state in dataFile across restarts", async () => {
    const dataFile = path.join(dir, "state.json");
    const redirectUri = "http://localhost:3000/api/auth/callback/notion";
    const first = await startSandbox({ port: 0, dataFile, rateLimit: false });
    const approved = await new SandboxAdmin(first.url).approve({ client_id: SANDBOX_CLIENT_ID, redirect_uri: redirectUri, person_id: SEED_PEOPLE.grace.id, workspace_id: SEED_WORKSPACES.labs.id, template: true });
    await first.stop();
    expect(fs.existsSync(dataFile)).toBe(true);

    // The code issued before the restart is still there to be exchanged.
    const second = await startSandbox({ port: 0, dataFile, rateLimit: false });
    try {
      const oauth = new Client({ baseUrl: second.url, logger: () => {} });
      const code = new URL(approved).searchParams.get("code") ?? "";
      const token = await oauth.oauth.token({ client_id: SANDBOX_CLIENT_ID, client_secret: DEFAULT_SANDBOX_CLIENT_SECRET, grant_type: "authorization_code", code, redirect_uri: redirectUri });
      expect(token.workspace_name).toBe("Hopper Labs");
    } finally {
      await second.stop();
    }
  });

  it("npm run sandbox prints where it listens", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "cli.ts")], {
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_DATA_FILE: path.join(dir, "cli.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => resolve(chunk.toString()));
      child.on("error", reject);
    });
    child.kill("SIGTERM");
    expect(line).toMatch(/^Notion sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
  });
});
