/**
 * Outgoing webhooks, sent the way Notion sends them: subscriptions belong to an OAuth client
 * (Notion's integration); creating one POSTs a one-time `{verification_token}`; afterwards every
 * change a subscription's bots can see is POSTed as a signed event, retried on failure.
 * Payloads are built the moment the change happens (so they describe that state) and delivered
 * in the background, so no API or admin response ever waits for a receiver.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  signWebhookPayload,
  type BaseWebhookPayload,
  type DatabaseCreatedWebhookPayload,
  type DatabaseDeletedWebhookPayload,
  type DatabaseUndeletedWebhookPayload,
  type DataSourceDeletedWebhookPayload,
  type DataSourceSchemaUpdatedWebhookPayload,
  type DataSourceUndeletedWebhookPayload,
  type PageCreatedWebhookPayload,
  type PageDeletedWebhookPayload,
  type PageLockedWebhookPayload,
  type PagePropertiesUpdatedWebhookPayload,
  type PageUndeletedWebhookPayload,
  type PageUnlockedWebhookPayload,
} from "@notionhq/client";
import type { Change } from "./content";
import { secureToken, type SandboxStore } from "./store";
import type { DatabaseRecord, DataSourceRecord, PageRecord, SchemaProperty } from "./types";

/** Every event the sandbox emits, typed with the SDK's own payload types. */
export type SandboxWebhookPayload =
  | PageCreatedWebhookPayload
  | PagePropertiesUpdatedWebhookPayload
  | PageDeletedWebhookPayload
  | PageUndeletedWebhookPayload
  | PageLockedWebhookPayload
  | PageUnlockedWebhookPayload
  | DatabaseCreatedWebhookPayload
  | DatabaseDeletedWebhookPayload
  | DatabaseUndeletedWebhookPayload
  | DataSourceDeletedWebhookPayload
  | DataSourceUndeletedWebhookPayload
  | DataSourceSchemaUpdatedWebhookPayload;

export type WebhookEventType = SandboxWebhookPayload["type"];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What changed (`type`, `entity`, `data`), without the per-subscription, per-attempt envelope. */
export type ContentEvent = DistributiveOmit<SandboxWebhookPayload, keyof BaseWebhookPayload>;

type WebhookParent = SandboxWebhookPayload["data"]["parent"];

/** Notion's delivery policy, shrunk so tests stay fast (Notion: 8 attempts over about a day). */
export const WEBHOOK_ATTEMPTS = 3;
export const WEBHOOK_BACKOFF_MS = 200;
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Attempts kept per subscription, so a long-running sandbox does not grow without bound. */
const KEPT_ATTEMPTS = 1_000;

// --- events -------------------------------------------------------------------------------

/** A row's parent is its database, with the data source alongside (API 2025-09-03 shape). */
function pageParent(store: SandboxStore, page: PageRecord): WebhookParent {
  switch (page.parent.type) {
    case "workspace":
      return { id: page.workspaceId, type: "space" };
    case "page_id":
      return { id: page.parent.id, type: "page" };
    case "data_source_id": {
      const databaseId = store.dataSources.get(page.parent.id)?.databaseId ?? page.parent.id;
      return { id: databaseId, type: "database", data_source_id: page.parent.id };
    }
  }
}

function databaseParent(database: DatabaseRecord): WebhookParent {
  return database.parent.type === "page_id" ? { id: database.parent.id, type: "page" } : { id: database.workspaceId, type: "space" };
}

type SimplePageEvent = "page.created" | "page.deleted" | "page.undeleted" | "page.locked" | "page.unlocked";

export function pageEvent(store: SandboxStore, page: PageRecord, type: SimplePageEvent): ContentEvent {
  return { type, entity: { id: page.id, type: "page" }, data: { parent: pageParent(store, page) } };
}

/**
 * The events one page edit produces: the properties it set (by property id, changed or not),
 * then trash and lock transitions. `before` is the page's state ahead of the edit.
 */
export function pageEditEvents(
  store: SandboxStore,
  page: PageRecord,
  before: { inTrash: boolean; isLocked: boolean },
  propertyIds: string[],
): ContentEvent[] {
  const events: ContentEvent[] = [];
  if (propertyIds.length > 0) {
    events.push({ type: "page.properties_updated", entity: { id: page.id, type: "page" }, data: { parent: pageParent(store, page), updated_properties: propertyIds } });
  }
  if (page.inTrash !== before.inTrash) events.push(pageEvent(store, page, page.inTrash ? "page.deleted" : "page.undeleted"));
  if (page.isLocked !== before.isLocked) events.push(pageEvent(store, page, page.isLocked ? "page.locked" : "page.unlocked"));
  return events;
}

export function databaseEvent(database: DatabaseRecord, type: "database.created" | "database.deleted" | "database.undeleted"): ContentEvent {
  return { type, entity: { id: database.id, type: "database" }, data: { parent: databaseParent(database) } };
}

export function dataSourceTrashEvent(dataSource: DataSourceRecord): ContentEvent {
  const type = dataSource.inTrash ? "data_source.deleted" : "data_source.undeleted";
  return { type, entity: { id: dataSource.id, type: "data_source" }, data: { parent: { id: dataSource.databaseId, type: "database" } } };
}

/** `data_source.schema_updated` listing created, changed and deleted properties; none when nothing changed. */
export function schemaEvents(dataSource: DataSourceRecord, before: readonly SchemaProperty[]): ContentEvent[] {
  type PropertyChange = { id: string; name: string | null; action: "created" | "updated" | "deleted" };
  const old = new Map(before.map((p) => [p.id, p]));
  const kept = new Set(dataSource.properties.map((p) => p.id));
  const changes: PropertyChange[] = [];
  for (const property of dataSource.properties) {
    const previous = old.get(property.id);
    if (!previous) changes.push({ id: property.id, name: property.name, action: "created" });
    else if (JSON.stringify(previous) !== JSON.stringify(property)) changes.push({ id: property.id, name: property.name, action: "updated" });
  }
  for (const property of before) if (!kept.has(property.id)) changes.push({ id: property.id, name: property.name, action: "deleted" });
  if (changes.length === 0) return [];
  return [
    {
      type: "data_source.schema_updated",
      entity: { id: dataSource.id, type: "data_source" },
      data: { parent: { id: dataSource.databaseId, type: "database" }, updated_properties: changes },
    },
  ];
}

// --- subscriptions and delivery -----------------------------------------------------------

/** One delivery attempt, as `GET /__sandbox/webhooks` lists it. */
export interface WebhookAttempt {
  event_id: string;
  /** An event type, or "verification" for the one-time verification request. */
  type: WebhookEventType | "verification";
  entity_id: string | null;
  attempt: number;
  /** The receiver's status code; null when it never answered (network error, timeout). */
  status: number | null;
  error: string | null;
  time: string;
  duration_ms: number;
}

export interface WebhookSubscriptionInfo {
  subscription_id: string;
  client_id: string;
  url: string;
  verification_token: string;
  created_time: string;
  /** Deliveries still in flight or waiting to retry. */
  pending: number;
  /** Every attempt, oldest first (the last 1,000). */
  deliveries: WebhookAttempt[];
}

interface Subscription {
  id: string;
  clientId: string;
  url: string;
  verificationToken: string;
  createdTime: number;
  attempts: WebhookAttempt[];
  pending: number;
  /** Aborted on unsubscribe, reset and stop: in-flight requests end and retries stop. */
  stop: AbortController;
}

type Outgoing = (attempt: number) => Promise<{ body: string; headers: Record<string, string> }>;

export class WebhookDispatcher {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly now: () => number) {}

  /**
   * Creates a subscription and sends its verification request (unsigned, as Notion does). A test
   * may fix the token, so an app started with that secret can verify events right away.
   */
  subscribe(clientId: string, url: string, verificationToken?: string): { subscription_id: string; verification_token: string } {
    const subscription: Subscription = {
      id: randomUUID(),
      clientId,
      url,
      verificationToken: verificationToken ?? secureToken("secret_"),
      createdTime: this.now(),
      attempts: [],
      pending: 0,
      stop: new AbortController(),
    };
    this.subscriptions.set(subscription.id, subscription);
    const body = JSON.stringify({ verification_token: subscription.verificationToken });
    void this.deliver(subscription, { event_id: randomUUID(), type: "verification", entity_id: null }, async () => ({ body, headers: {} }));
    return { subscription_id: subscription.id, verification_token: subscription.verificationToken };
  }

  unsubscribe(id: string): boolean {
    const subscription = this.subscriptions.get(id);
    subscription?.stop.abort();
    return this.subscriptions.delete(id);
  }

  /** Forgets every subscription and stops their deliveries (reset, stop). */
  clear(): void {
    for (const subscription of this.subscriptions.values()) subscription.stop.abort();
    this.subscriptions.clear();
  }

  list(): WebhookSubscriptionInfo[] {
    return [...this.subscriptions.values()].map((s) => ({
      subscription_id: s.id,
      client_id: s.clientId,
      url: s.url,
      verification_token: s.verificationToken,
      created_time: new Date(s.createdTime).toISOString(),
      pending: s.pending,
      deliveries: [...s.attempts],
    }));
  }

  /**
   * Sends each event to every subscription whose client has a bot that can see the entity
   * (with a live connection: a revoked bot is a removed connection). `accessible_by` lists those bots.
   */
  emit(store: SandboxStore, change: Change, ...events: ContentEvent[]): void {
    for (const event of events) {
      const entity = store.findContent(event.entity.id);
      if (!entity) continue;
      const workspace = store.workspaces.get(entity.record.workspaceId);
      const author = store.people.has(change.actorId) ? ({ id: change.actorId, type: "person" } as const) : ({ id: change.actorId, type: "bot" } as const);
      for (const subscription of this.subscriptions.values()) {
        const bots = [...store.bots.values()].filter(
          (bot) => bot.clientId === subscription.clientId && store.tokensOfBot(bot.id).some((pair) => !pair.revoked) && store.isVisibleTo(bot, entity.record.id),
        );
        if (bots.length === 0) continue;
        const envelope: Omit<BaseWebhookPayload, "attempt_number"> = {
          id: randomUUID(),
          timestamp: new Date(change.now).toISOString(),
          workspace_id: entity.record.workspaceId,
          workspace_name: workspace?.name ?? "",
          subscription_id: subscription.id,
          integration_id: subscription.clientId,
          authors: [author],
          accessible_by: bots.map((bot) => ({ id: bot.id, type: "bot" as const })),
          api_version: "2025-09-03",
        };
        // Each attempt carries its own attempt_number, so each is serialized and signed anew.
        void this.deliver(subscription, { event_id: envelope.id, type: event.type, entity_id: event.entity.id }, async (attempt) => {
          const payload: SandboxWebhookPayload = { ...envelope, attempt_number: attempt, ...event };
          const body = JSON.stringify(payload);
          return { body, headers: { "X-Notion-Signature": await signWebhookPayload({ body, verificationToken: subscription.verificationToken }) } };
        });
      }
    }
  }

  /** POSTs with a timeout; a non-2xx answer or a network error is retried with exponential backoff. */
  private async deliver(subscription: Subscription, meta: Pick<WebhookAttempt, "event_id" | "type" | "entity_id">, outgoing: Outgoing): Promise<void> {
    const { signal } = subscription.stop;
    subscription.pending += 1;
    try {
      for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS && !signal.aborted; attempt++) {
        if (attempt > 1) await sleep(WEBHOOK_BACKOFF_MS * 2 ** (attempt - 2), undefined, { signal });
        const { body, headers } = await outgoing(attempt);
        const record: WebhookAttempt = { ...meta, attempt, status: null, error: null, time: new Date(this.now()).toISOString(), duration_ms: 0 };
        const started = Date.now();
        try {
          const response = await fetch(subscription.url, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body,
            redirect: "manual",
            signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
          });
          record.status = response.status;
          await response.arrayBuffer(); // drain, so the connection is released
        } catch (error) {
          record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
        record.duration_ms = Date.now() - started;
        subscription.attempts.push(record);
        if (subscription.attempts.length > KEPT_ATTEMPTS) subscription.attempts.shift();
        if (record.status !== null && record.status >= 200 && record.status < 300) return;
      }
    } catch {
      // Aborted while waiting to retry: the subscription is gone, nothing left to record.
    } finally {
      subscription.pending -= 1;
    }
  }
}
