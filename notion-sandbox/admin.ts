/**
 * The sandbox-only admin API under /__sandbox/: inspect and reset state, connect without a
 * browser, turn faults/latency/rate limit, break tokens and databases, edit content "as a
 * person in Notion" (which sends webhooks), and manage webhook subscriptions. Plain JSON in and
 * out; errors are `{error}` with 400 or 404.
 */
import type http from "node:http";
import { createPage, touch, type Change } from "./content";
import { NotionError } from "./errors";
import type { FaultRule } from "./faults";
import { createInternalIntegration, IntegrationError } from "./internal-integration";
import { AuthorizeError, approve, type ApprovalRequest } from "./oauth";
import { PAGE_TITLE_SCHEMA, parsePropertyValues } from "./properties";
import { databaseResponse, dataSourceResponse, pageResponse, schemaOf, type ResponseContext } from "./responses";
import { textItem } from "./rich-text";
import { route, matchRoute, type Route } from "./router";
import type { SandboxRuntime } from "./runtime";
import type { SandboxStore } from "./store";
import { SANDBOX_CLIENT_ID } from "./seed";
import { CAPABILITIES, type Capability, type DataSourceRecord, type PageParent, type PageRecord } from "./types";
import { expectId, isObject } from "./validate";
import { databaseEvent, pageEditEvents, pageEvent } from "./webhooks";

class AdminError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

interface AdminRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

type AdminHandler = (runtime: SandboxRuntime, request: AdminRequest) => unknown;

const responseContext = (store: SandboxStore): ResponseContext => ({ store, version: "2025-09-03" });

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw new AdminError(400, `${key} should be a non-empty string`);
  return value;
}

function requirePage(store: SandboxStore, id: string | undefined): PageRecord {
  const page = id ? store.pages.get(id) : undefined;
  if (!page) throw new AdminError(404, `no page ${id}`);
  return page;
}

function requireDataSource(store: SandboxStore, id: string | undefined): DataSourceRecord {
  const dataSource = id ? store.dataSources.get(id) : undefined;
  if (!dataSource) throw new AdminError(404, `no data source ${id}`);
  return dataSource;
}

/** The person an edit "in Notion" is made by: the one named, or the workspace's first member. */
function personChange(runtime: SandboxRuntime, workspaceId: string, body: Record<string, unknown>): Change {
  const named = typeof body.person_id === "string" ? body.person_id : undefined;
  const actorId = named ?? runtime.store.workspaces.get(workspaceId)?.memberIds[0];
  if (!actorId || !runtime.store.people.has(actorId)) throw new AdminError(400, "person_id should name a seeded person");
  return { actorId, now: runtime.now() };
}

/** The pair named by `token`, or the live pair of `bot_id` (tests that never see a token use that). */
function tokenPair(runtime: SandboxRuntime, body: Record<string, unknown>) {
  const pair =
    typeof body.bot_id === "string"
      ? runtime.store.tokensOfBot(body.bot_id).findLast((p) => !p.revoked)
      : runtime.store.findTokenPair(requireString(body, "token"));
  if (!pair) throw new AdminError(404, "unknown token (or the bot has no live token)");
  return pair;
}

function setClientSecret(runtime: SandboxRuntime, { params, body }: AdminRequest) {
  const client = runtime.store.clients.get(params.client_id ?? "");
  if (!client) throw new AdminError(404, `no OAuth client ${params.client_id}`);
  client.clientSecret = requireString(body, "client_secret");
  return { client_id: client.clientId };
}

function state(runtime: SandboxRuntime) {
  const { store } = runtime;
  return {
    people: [...store.people.values()].map((p) => ({ id: p.id, name: p.name, email: p.email, avatar_url: p.avatarUrl })),
    workspaces: [...store.workspaces.values()].map((w) => ({ id: w.id, name: w.name, icon: w.icon, member_ids: w.memberIds })),
    oauth_clients: [...store.clients.values()].map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      name: c.name,
      redirect_uris: c.redirectUris,
      template_page_id: c.templatePageId,
      capabilities: c.capabilities,
    })),
    bots: [...store.bots.values()].map((b) => ({
      bot_id: b.id,
      client_id: b.clientId,
      person_id: b.personId,
      workspace_id: b.workspaceId,
      shared_ids: b.sharedIds,
      unshared_ids: b.unsharedIds,
      duplicated_template_id: b.duplicatedTemplateId,
      // Token values stay secret even here; tests only need to know whether one still works.
      live_tokens: store.tokensOfBot(b.id).filter((p) => !p.revoked).length,
    })),
    faults: runtime.faults.list(),
    held_responses: runtime.faults.heldCount,
    latency: runtime.latency,
    rate_limit: runtime.rateLimiter.current,
  };
}

function approveConnection(runtime: SandboxRuntime, { body }: AdminRequest) {
  const request: ApprovalRequest = {
    client_id: requireString(body, "client_id"),
    redirect_uri: typeof body.redirect_uri === "string" ? body.redirect_uri : null,
    state: typeof body.state === "string" ? body.state : null,
    person_id: requireString(body, "person_id"),
    workspace_id: requireString(body, "workspace_id"),
    template: body.template === true,
    page_ids: Array.isArray(body.page_ids) ? body.page_ids.map((id) => expectId(id, "page_ids")) : [],
  };
  return { redirect_url: approve(runtime.store, request, runtime.now()) };
}

function addInternalIntegration(runtime: SandboxRuntime, { body }: AdminRequest) {
  const pageIds = Array.isArray(body.page_ids) ? body.page_ids.map((id) => expectId(id, "page_ids")) : [];
  const name = typeof body.name === "string" && body.name !== "" ? body.name : "Internal integration";
  const made = createInternalIntegration(runtime.store, { workspaceId: requireString(body, "workspace_id"), pageIds, name }, runtime.now());
  return { token: made.token, bot_id: made.botId, client_id: made.clientId };
}

function setCapabilities(runtime: SandboxRuntime, { body }: AdminRequest) {
  const client = runtime.store.clients.get(typeof body.client_id === "string" ? body.client_id : SANDBOX_CLIENT_ID);
  if (!client) throw new AdminError(404, `no client ${body.client_id}`);
  const capabilities = Array.isArray(body.capabilities) ? body.capabilities : [];
  const unknown = capabilities.filter((c) => !CAPABILITIES.includes(c as Capability));
  if (unknown.length) throw new AdminError(400, `unknown capabilities ${unknown.join(", ")}; known: ${CAPABILITIES.join(", ")}`);
  client.capabilities = capabilities as Capability[];
  return { client_id: client.clientId, capabilities: client.capabilities };
}

function addFault(runtime: SandboxRuntime, { body }: AdminRequest) {
  const rules = Array.isArray(body.rules) ? body.rules : [body];
  const ids = rules.map((rule) => {
    if (!isObject(rule)) throw new AdminError(400, "each fault rule should be an object");
    try {
      return runtime.faults.add(rule as unknown as FaultRule);
    } catch (error) {
      throw new AdminError(400, (error as Error).message);
    }
  });
  return { ids, faults: runtime.faults.list() };
}

function setLatency(runtime: SandboxRuntime, { body }: AdminRequest) {
  const fixedMs = typeof body.fixedMs === "number" ? body.fixedMs : 0;
  const jitterMs = typeof body.jitterMs === "number" ? body.jitterMs : 0;
  runtime.latency = { fixedMs, jitterMs };
  return runtime.latency;
}

function setRateLimit(runtime: SandboxRuntime, { body }: AdminRequest) {
  const config = body.rateLimit;
  if (config === false) runtime.rateLimiter.configure(false);
  else if (isObject(config) && typeof config.requestsPerSecond === "number" && typeof config.burst === "number") {
    runtime.rateLimiter.configure({ requestsPerSecond: config.requestsPerSecond, burst: config.burst });
  } else throw new AdminError(400, "rateLimit should be false or {requestsPerSecond, burst}");
  return { rate_limit: runtime.rateLimiter.current };
}

function trashDatabase(runtime: SandboxRuntime, { params, body }: AdminRequest) {
  const database = runtime.store.databases.get(params.database_id ?? "");
  if (!database) throw new AdminError(404, `no database ${params.database_id}`);
  const wasInTrash = database.inTrash;
  const change = personChange(runtime, database.workspaceId, body);
  database.inTrash = body.in_trash !== false;
  touch(database, change);
  // The database (the container) is what was trashed; Notion reports that as database.deleted.
  if (database.inTrash !== wasInTrash) runtime.webhooks.emit(runtime.store, change, databaseEvent(database, database.inTrash ? "database.deleted" : "database.undeleted"));
  return databaseResponse(responseContext(runtime.store), database);
}

/** Removes the connection from a database, for one bot or (default) every bot. */
function unshareDatabase(runtime: SandboxRuntime, { params, body }: AdminRequest) {
  const id = params.database_id ?? "";
  if (!runtime.store.databases.has(id)) throw new AdminError(404, `no database ${id}`);
  const bots = [...runtime.store.bots.values()].filter((b) => body.bot_id === undefined || b.id === body.bot_id);
  for (const bot of bots) {
    bot.sharedIds = bot.sharedIds.filter((shared) => shared !== id);
    if (!bot.unsharedIds.includes(id)) bot.unsharedIds.push(id);
  }
  return { unshared_from: bots.map((b) => b.id) };
}

function parentOf(store: SandboxStore, raw: unknown): { parent: PageParent; workspaceId: string } {
  if (!isObject(raw)) throw new AdminError(400, "parent should be {data_source_id} or {page_id}");
  if (typeof raw.data_source_id === "string") {
    const dataSource = requireDataSource(store, raw.data_source_id);
    return { parent: { type: "data_source_id", id: dataSource.id }, workspaceId: dataSource.workspaceId };
  }
  const page = requirePage(store, typeof raw.page_id === "string" ? raw.page_id : undefined);
  return { parent: { type: "page_id", id: page.id }, workspaceId: page.workspaceId };
}

function addPage(runtime: SandboxRuntime, { body }: AdminRequest) {
  const { store } = runtime;
  const { parent, workspaceId } = parentOf(store, body.parent);
  const schema = parent.type === "data_source_id" ? requireDataSource(store, parent.id).properties : PAGE_TITLE_SCHEMA;
  const values = parsePropertyValues(body.properties ?? {}, schema, "body.properties");
  const change = personChange(runtime, workspaceId, body);
  const page = createPage(store, { workspaceId, parent, values }, change);
  runtime.webhooks.emit(store, change, pageEvent(store, page, "page.created"));
  return pageResponse(responseContext(store), page);
}

function editPage(runtime: SandboxRuntime, { params, body }: AdminRequest) {
  const { store } = runtime;
  const page = requirePage(store, params.page_id);
  const values = body.properties === undefined ? {} : parsePropertyValues(body.properties, schemaOf(store, page), "body.properties");
  const change = personChange(runtime, page.workspaceId, body);
  const before = { inTrash: page.inTrash, isLocked: page.isLocked };
  Object.assign(page.values, values);
  if (typeof body.in_trash === "boolean") page.inTrash = body.in_trash;
  touch(page, change);
  runtime.webhooks.emit(store, change, ...pageEditEvents(store, page, before, Object.keys(values)));
  return pageResponse(responseContext(store), page);
}

function trashPage(runtime: SandboxRuntime, request: AdminRequest) {
  return editPage(runtime, { ...request, body: { ...request.body, in_trash: request.body.in_trash !== false } });
}

const SAMPLE_TAGS = ["reading", "tools", "design", "ai", "news", "recipes", "travel", "research", "video", "later"];
const SAMPLE_WORDS = ["Notes on", "A guide to", "Why", "The case for", "Building", "Understanding", "Lessons from", "Thinking about"];
const SAMPLE_TOPICS = ["typography", "databases", "gardening", "compilers", "coffee", "maps", "sleep", "bridges", "music", "rust"];

/**
 * Bulk rows with varied titles, URLs, descriptions and tags, filled into whichever properties of
 * those types the data source has. Created times are one minute apart, oldest first.
 */
function seedRows(runtime: SandboxRuntime, { params, body }: AdminRequest) {
  const { store } = runtime;
  const dataSource = requireDataSource(store, params.data_source_id);
  const count = typeof body.count === "number" && body.count > 0 ? Math.floor(body.count) : 0;
  if (count === 0 || count > 20_000) throw new AdminError(400, "count should be between 1 and 20000");
  const typed = (type: string) => dataSource.properties.find((p) => p.type === type);
  const [title, url, text, tags] = [typed("title"), typed("url"), typed("rich_text"), typed("multi_select")];
  const change = personChange(runtime, dataSource.workspaceId, body);
  const tagIds = tags ? SAMPLE_TAGS.map((name) => parsePropertyValues({ [tags.id]: { multi_select: [{ name }] } }, dataSource.properties, "seed")) : [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const topic = SAMPLE_TOPICS[i % SAMPLE_TOPICS.length] ?? "";
    const values: PageRecord["values"] = {};
    if (title) values[title.id] = { type: "title", richText: [textItem(`${SAMPLE_WORDS[i % SAMPLE_WORDS.length]} ${topic} #${i + 1}`)] };
    if (url) values[url.id] = { type: "url", value: `https://example.com/${topic}/${i + 1}` };
    if (text) values[text.id] = { type: "rich_text", richText: [textItem(`Bookmark ${i + 1} about ${topic}.`)] };
    if (tags) {
      const picked = [i % SAMPLE_TAGS.length, (i * 7 + 3) % SAMPLE_TAGS.length].slice(0, 1 + (i % 3 === 0 ? 1 : 0));
      const optionIds = picked.flatMap((index) => {
        const value = tagIds[index]?.[tags.id];
        return value?.type === "multi_select" ? value.optionIds : [];
      });
      values[tags.id] = { type: "multi_select", optionIds: [...new Set(optionIds)] };
    }
    // Spread over past minutes so sorting by creation means something; edited now, as any page
    // just written through the API is (an incremental sync must see it).
    const at = { ...change, now: change.now - (count - i) * 60_000 };
    const page = createPage(store, { workspaceId: dataSource.workspaceId, parent: { type: "data_source_id", id: dataSource.id }, values }, at);
    touch(page, change);
    ids.push(page.id);
  }
  return { created: ids.length, page_ids: ids };
}

/** What a bot can see: every visible page (optionally only rows of one data source), database and data source. */
function visibleTo(runtime: SandboxRuntime, { params, query }: AdminRequest) {
  const { store } = runtime;
  const bot = store.bots.get(params.bot_id ?? "");
  if (!bot) throw new AdminError(404, `no bot ${params.bot_id}`);
  const ctx = responseContext(store);
  const onlyDataSource = query.get("data_source_id");
  const visible = <T extends { id: string }>(records: Iterable<T>) => [...records].filter((r) => store.isVisibleTo(bot, r.id));
  const pages = visible(store.pages.values()).filter((p) => !onlyDataSource || (p.parent.type === "data_source_id" && p.parent.id === onlyDataSource));
  return {
    bot_id: bot.id,
    pages: pages.map((p) => pageResponse(ctx, p)),
    databases: onlyDataSource ? [] : visible(store.databases.values()).map((d) => databaseResponse(ctx, d)),
    data_sources: onlyDataSource ? [] : visible(store.dataSources.values()).map((d) => dataSourceResponse(ctx, d)),
  };
}

/** A webhook subscription for an OAuth client; the verification request goes out right away. */
function subscribeWebhook(runtime: SandboxRuntime, { body }: AdminRequest) {
  const url = requireString(body, "url");
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new AdminError(400, "url should be an http(s) URL");
  const clientId = typeof body.client_id === "string" ? body.client_id : SANDBOX_CLIENT_ID;
  if (!runtime.store.clients.has(clientId)) throw new AdminError(404, `no OAuth client ${clientId}`);
  const token = body.verification_token === undefined ? undefined : requireString(body, "verification_token");
  return runtime.webhooks.subscribe(clientId, url, token);
}

const ADMIN_ROUTES: readonly Route<AdminHandler>[] = [
  route("GET", "/__sandbox/state", state),
  route("POST", "/__sandbox/reset", (runtime) => {
    runtime.reset();
    return { ok: true };
  }),
  route("POST", "/__sandbox/oauth/approve", approveConnection),
  route("POST", "/__sandbox/oauth/capabilities", setCapabilities),
  route("POST", "/__sandbox/integrations", addInternalIntegration),
  route("POST", "/__sandbox/oauth/clients/:client_id/secret", setClientSecret),
  route("POST", "/__sandbox/clock/advance", (runtime, { body }) => {
    runtime.advanceClock(typeof body.ms === "number" ? body.ms : 0);
    return { now: new Date(runtime.now()).toISOString() };
  }),
  route("GET", "/__sandbox/faults", (runtime) => ({ faults: runtime.faults.list() })),
  route("POST", "/__sandbox/faults", addFault),
  route("POST", "/__sandbox/faults/release", (runtime) => ({ released: runtime.faults.release() })),
  route("DELETE", "/__sandbox/faults", (runtime) => {
    runtime.faults.clear();
    return { faults: [] };
  }),
  route("POST", "/__sandbox/latency", setLatency),
  route("POST", "/__sandbox/rate-limit", setRateLimit),
  route("POST", "/__sandbox/tokens/expire", (runtime, { body }) => {
    tokenPair(runtime, body).accessExpired = true;
    return { ok: true };
  }),
  route("POST", "/__sandbox/tokens/revoke", (runtime, { body }) => {
    tokenPair(runtime, body).revoked = true;
    return { ok: true };
  }),
  route("POST", "/__sandbox/databases/:database_id/trash", trashDatabase),
  route("POST", "/__sandbox/databases/:database_id/unshare", unshareDatabase),
  route("POST", "/__sandbox/pages", addPage),
  route("PATCH", "/__sandbox/pages/:page_id", editPage),
  route("POST", "/__sandbox/pages/:page_id/trash", trashPage),
  route("POST", "/__sandbox/data-sources/:data_source_id/rows", seedRows),
  route("GET", "/__sandbox/bots/:bot_id/visible", visibleTo),
  route("POST", "/__sandbox/webhooks", subscribeWebhook),
  route("GET", "/__sandbox/webhooks", (runtime) => ({ subscriptions: runtime.webhooks.list() })),
  route("DELETE", "/__sandbox/webhooks/:subscription_id", (runtime, { params }) => {
    const id = params.subscription_id ?? "";
    if (!runtime.webhooks.unsubscribe(id)) throw new AdminError(404, `no webhook subscription ${id}`);
    return { subscription_id: id };
  }),
  route("GET", "/__sandbox/requests", (runtime) => ({ requests: runtime.log.list() })),
  route("DELETE", "/__sandbox/requests", (runtime) => {
    runtime.log.clear();
    return { requests: [] };
  }),
];

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

export async function handleAdmin(runtime: SandboxRuntime, method: string, url: URL, raw: string, res: http.ServerResponse): Promise<void> {
  const match = matchRoute(ADMIN_ROUTES, method, url.pathname);
  if (!match) return send(res, 404, { error: `no admin route ${method} ${url.pathname}` });
  try {
    const parsed: unknown = raw.trim() ? JSON.parse(raw) : {};
    const body = isObject(parsed) ? parsed : {};
    const result = match.handler(runtime, { params: match.params, query: url.searchParams, body });
    if (method !== "GET") runtime.markChanged();
    send(res, 200, result);
  } catch (error) {
    if (error instanceof AdminError) return send(res, error.status, { error: error.message });
    if (error instanceof AuthorizeError || error instanceof IntegrationError || error instanceof NotionError || error instanceof SyntaxError) {
      return send(res, 400, { error: error.message });
    }
    throw error;
  }
}
