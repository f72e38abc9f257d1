/**
 * Where the contract suite runs: the sandbox (default, part of `npm test`) or Notion itself
 * (`npm run test:live`, see scripts/test-live.ts). Both are reached the same way, with an internal
 * integration's token and a page shared with it, so a test cannot tell them apart; the suite
 * creates its own databases under that page and trashes them when the file is done.
 */
import { Client } from "@notionhq/client";
import { BOOKMARKS_DATABASE_PROPERTIES } from "@/lib/notion/schema-fit";
import { SandboxAdmin } from "../admin-client";
import { startSandbox, type RunningSandbox } from "../index";
import { SEED_CONTENT, SEED_WORKSPACES } from "../seed";
import { LIVE_TARGET_FLAG, liveSettings, type LiveSettings } from "./live-settings";
import { rawRequest, type RawInit, type RawResponse } from "./wire";

type ClientOptions = NonNullable<ConstructorParameters<typeof Client>[0]>;

export interface Target {
  /** A page shared with the integration, under which the suite creates what it needs. */
  parentPageId: string;
  notion: Client;
  /** Another client for the same target: a different token or Notion-Version. */
  client(options?: Partial<Pick<ClientOptions, "auth" | "notionVersion">>): Client;
  /** A request as sent over the wire (the SDK hides headers and refuses some bodies). */
  raw(path: string, init?: RawInit): Promise<RawResponse>;
  /** A fresh database with Shelf's bookmark properties under the shared page; trashed by close(). */
  createBookmarksDatabase(label: string): Promise<{ databaseId: string; dataSourceId: string }>;
  /** Reads until `done` holds or the wait is over (Notion's queries and search lag behind writes). */
  eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T>;
  close(): Promise<void>;
}

/** The SDK logs every failed request as a warning; the suite provokes plenty on purpose. */
const silent = () => {};

const RAW_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The integration's token and page on the sandbox: Ada's notebook, sharing its Research page. */
async function sandboxSettings(): Promise<{ settings: LiveSettings; sandbox: RunningSandbox }> {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  const parentPageId = SEED_CONTENT.notebook.researchPageId;
  const { token } = await new SandboxAdmin(sandbox.url).addInternalIntegration({
    workspace_id: SEED_WORKSPACES.notebook.id,
    page_ids: [parentPageId],
    name: "Shelf contract tests",
  });
  return { settings: { token, pageId: parentPageId, baseUrl: sandbox.url }, sandbox };
}

export async function openTarget(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Target> {
  const live = env[LIVE_TARGET_FLAG] === "live";
  let settings: LiveSettings;
  let sandbox: RunningSandbox | null = null;
  if (live) {
    const found = liveSettings(env);
    if ("missing" in found) throw new Error(`${LIVE_TARGET_FLAG}=live needs ${found.missing.join(" and ")}`);
    settings = found;
  } else {
    ({ settings, sandbox } = await sandboxSettings());
  }

  // Notion allows about 3 requests a second: the SDK waits out each 429's Retry-After.
  const liveOptions: Partial<ClientOptions> = live ? { timeoutMs: 60_000, retry: { maxRetries: 8, initialRetryDelayMs: 1_000, maxRetryDelayMs: 30_000 } } : {};
  const client = (options: Partial<ClientOptions> = {}) =>
    new Client({ baseUrl: settings.baseUrl, auth: settings.token, logger: silent, ...liveOptions, ...options });
  const notion = client();
  const created: string[] = [];
  const stamp = new Date().toISOString();

  return {
    parentPageId: settings.pageId,
    notion,
    client,
    async raw(path, init) {
      // Without the SDK nothing waits out a 429, and the suite's own pace can trigger one.
      for (let attempt = 1; ; attempt += 1) {
        const response = await rawRequest(settings.baseUrl, settings.token, path, init);
        if (response.status !== 429 || attempt === RAW_ATTEMPTS) return response;
        await sleep(1_000 * (Number(response.headers.get("retry-after")) || 1));
      }
    },
    async createBookmarksDatabase(label) {
      const database = await notion.databases.create({
        parent: { type: "page_id", page_id: settings.pageId },
        title: [{ text: { content: `Shelf contract test: ${label} (${stamp})` } }],
        initial_data_source: { properties: BOOKMARKS_DATABASE_PROPERTIES },
      });
      created.push(database.id);
      const dataSourceId = "data_sources" in database ? database.data_sources[0]?.id : undefined;
      if (!dataSourceId) throw new Error("Notion created the database without a data source");
      return { databaseId: database.id, dataSourceId };
    },
    async eventually(read, done) {
      const deadline = Date.now() + (live ? 60_000 : 2_000);
      let value = await read();
      while (!done(value) && Date.now() < deadline) {
        await sleep(live ? 2_000 : 50);
        value = await read();
      }
      return value;
    },
    async close() {
      try {
        // Every database, even when one fails: a maintainer's page should not fill up with leftovers.
        const results = await Promise.allSettled(created.map((id) => notion.databases.update({ database_id: id, in_trash: true })));
        const failed = results.filter((r) => r.status === "rejected");
        if (failed.length > 0) throw new Error(`could not trash ${failed.length} test database(s): ${String(failed[0]?.reason)}`);
      } finally {
        await sandbox?.stop();
      }
    },
  };
}
