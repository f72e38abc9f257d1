/**
 * A typed client for the admin API, for tests: `new SandboxAdmin(sandbox.url)`.
 * Every method maps to one route under /__sandbox/ (listed in README.md).
 */
import type { DatabaseObjectResponse, DataSourceObjectResponse, PageObjectResponse } from "@notionhq/client";
import type { FaultRule } from "./faults";
import type { Latency } from "./runtime";
import type { RateLimitConfig } from "./rate-limit";
import type { LoggedRequest } from "./request-log";
import type { Capability } from "./types";
import type { WebhookSubscriptionInfo } from "./webhooks";

export interface SandboxState {
  people: Array<{ id: string; name: string; email: string; avatar_url: string | null }>;
  workspaces: Array<{ id: string; name: string; icon: string | null; member_ids: string[] }>;
  oauth_clients: Array<{
    client_id: string;
    client_secret: string;
    name: string;
    redirect_uris: string[];
    template_page_id: string | null;
    capabilities: Capability[];
  }>;
  bots: Array<{
    bot_id: string;
    client_id: string;
    person_id: string;
    workspace_id: string;
    shared_ids: string[];
    unshared_ids: string[];
    duplicated_template_id: string | null;
    /** How many token pairs of this bot still work (values are never exposed). */
    live_tokens: number;
  }>;
  faults: Array<FaultRule & { id: number; remaining: number | null }>;
  /** Answers of `held_response` faults carried out in the store and not yet sent. */
  held_responses: number;
  latency: Latency;
  rate_limit: RateLimitConfig | false;
}

export interface ApproveOptions {
  client_id: string;
  redirect_uri?: string;
  state?: string;
  person_id: string;
  workspace_id: string;
  template: boolean;
  page_ids?: string[];
}

/** Property values in Notion's request shape, e.g. `{ Name: { title: [{ text: { content: "x" } }] } }`. */
export type PropertiesInput = Record<string, unknown>;

export interface VisibleContent {
  bot_id: string;
  pages: PageObjectResponse[];
  databases: DatabaseObjectResponse[];
  data_sources: DataSourceObjectResponse[];
}

export class SandboxAdmin {
  private readonly base: string;

  constructor(baseUrl: string) {
    this.base = baseUrl.replace(/\/$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path} failed with ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  state(): Promise<SandboxState> {
    return this.call("GET", "/state");
  }

  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  /** Exactly what pressing "Allow access" does; returns the URL the browser would be sent to. */
  async approve(options: ApproveOptions): Promise<string> {
    return (await this.call<{ redirect_url: string }>("POST", "/oauth/approve", options)).redirect_url;
  }

  async injectFaults(rules: FaultRule | FaultRule[]): Promise<number[]> {
    return (await this.call<{ ids: number[] }>("POST", "/faults", { rules: Array.isArray(rules) ? rules : [rules] })).ids;
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  /** Sends the answers `held_response` faults are holding; returns how many. */
  async releaseHeld(): Promise<number> {
    return (await this.call<{ released: number }>("POST", "/faults/release")).released;
  }

  /** Waits until `count` requests are carried out with their answers held (polls; bounded). */
  async waitForHeld(count = 1, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.state()).held_responses < count) {
      if (Date.now() > deadline) throw new Error(`no ${count} held answers within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async setLatency(latency: { fixedMs: number; jitterMs?: number }): Promise<void> {
    await this.call("POST", "/latency", latency);
  }

  async setRateLimit(rateLimit: RateLimitConfig | false): Promise<void> {
    await this.call("POST", "/rate-limit", { rateLimit });
  }

  /** What Shelf's connection may do; requests needing a missing capability get 403 restricted_resource. */
  async setCapabilities(capabilities: Capability[], clientId?: string): Promise<void> {
    await this.call("POST", "/oauth/capabilities", { client_id: clientId, capabilities });
  }

  /** The access token (or the bot's live one) answers 401 from now on; its refresh token still works. */
  async expireToken(token: string | { bot_id: string }): Promise<void> {
    await this.call("POST", "/tokens/expire", typeof token === "string" ? { token } : token);
  }

  /** Access and refresh token both stop working (the refresh gets invalid_grant). `{bot_id}`: its live pair. */
  async revokeToken(token: string | { bot_id: string }): Promise<void> {
    await this.call("POST", "/tokens/revoke", typeof token === "string" ? { token } : token);
  }

  /**
   * An internal integration in a workspace with these pages shared with it, as a maintainer makes
   * one in Notion's settings: its token works on /v1 like a connection's access token.
   */
  addInternalIntegration(options: { workspace_id: string; page_ids: string[]; name?: string }): Promise<{ token: string; bot_id: string; client_id: string }> {
    return this.call("POST", "/integrations", options);
  }

  /** Changes an OAuth client's secret, e.g. to see how the app reports a wrong one. */
  async setClientSecret(clientId: string, clientSecret: string): Promise<void> {
    await this.call("POST", `/oauth/clients/${encodeURIComponent(clientId)}/secret`, { client_secret: clientSecret });
  }

  /** Moves the database to the trash (in_trash: false restores it). */
  trashDatabase(databaseId: string, options: { in_trash?: boolean; person_id?: string } = {}): Promise<DatabaseObjectResponse> {
    return this.call("POST", `/databases/${databaseId}/trash`, options);
  }

  /** Removes the connection from the database, for one bot or every bot. */
  async unshareDatabase(databaseId: string, options: { bot_id?: string } = {}): Promise<void> {
    await this.call("POST", `/databases/${databaseId}/unshare`, options);
  }

  addPage(input: { parent: { data_source_id: string } | { page_id: string }; properties: PropertiesInput; person_id?: string }): Promise<PageObjectResponse> {
    return this.call("POST", "/pages", input);
  }

  editPage(pageId: string, input: { properties?: PropertiesInput; in_trash?: boolean; person_id?: string }): Promise<PageObjectResponse> {
    return this.call("PATCH", `/pages/${pageId}`, input);
  }

  /** Moves the page to the trash (in_trash: false restores it). */
  trashPage(pageId: string, options: { in_trash?: boolean; person_id?: string } = {}): Promise<PageObjectResponse> {
    return this.call("POST", `/pages/${pageId}/trash`, options);
  }

  /** Bulk-creates rows with varied titles, URLs, descriptions and tags. */
  async seedRows(dataSourceId: string, count: number): Promise<string[]> {
    return (await this.call<{ page_ids: string[] }>("POST", `/data-sources/${dataSourceId}/rows`, { count })).page_ids;
  }

  /** What a bot can see; with `dataSourceId`, only that data source's rows. */
  visibleTo(botId: string, dataSourceId?: string): Promise<VisibleContent> {
    const query = dataSourceId ? `?data_source_id=${encodeURIComponent(dataSourceId)}` : "";
    return this.call("GET", `/bots/${botId}/visible${query}`);
  }

  /** Moves the sandbox's clock forward (codes expire, times advance). */
  async advanceClock(ms: number): Promise<void> {
    await this.call("POST", "/clock/advance", { ms });
  }

  /**
   * Subscribes `url` to webhooks of an OAuth client (default Shelf's). The sandbox POSTs
   * `{verification_token}` to it at once; events after that are signed with that token.
   */
  subscribeWebhook(
    url: string,
    options: { clientId?: string; verificationToken?: string } = {},
  ): Promise<{ subscription_id: string; verification_token: string }> {
    return this.call("POST", "/webhooks", { url, client_id: options.clientId, verification_token: options.verificationToken });
  }

  /** Subscriptions with every delivery attempt made so far. */
  async webhooks(): Promise<WebhookSubscriptionInfo[]> {
    return (await this.call<{ subscriptions: WebhookSubscriptionInfo[] }>("GET", "/webhooks")).subscriptions;
  }

  async unsubscribeWebhook(subscriptionId: string): Promise<void> {
    await this.call("DELETE", `/webhooks/${encodeURIComponent(subscriptionId)}`);
  }

  /** Waits until no delivery is in flight or waiting to retry; returns the subscriptions then. */
  async settleWebhooks(timeoutMs = 10_000): Promise<WebhookSubscriptionInfo[]> {
    for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 25))) {
      const subscriptions = await this.webhooks();
      if (subscriptions.every((s) => s.pending === 0)) return subscriptions;
      if (Date.now() > deadline) throw new Error(`webhook deliveries still pending after ${timeoutMs} ms`);
    }
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.call<{ requests: LoggedRequest[] }>("GET", "/requests")).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "/requests");
  }
}
