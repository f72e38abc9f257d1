/** What every /v1 handler receives, and lookups that enforce "a bot sees only what was shared". */
import { objectNotFound } from "../errors";
import type { ResponseContext } from "../responses";
import type { Bot, Capability, DatabaseRecord, DataSourceRecord, PageRecord } from "../types";
import { expectId } from "../validate";
import type { ContentEvent } from "../webhooks";

export interface ApiContext extends ResponseContext {
  bot: Bot;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
  /** Queues webhook events; they are sent only if the handler succeeds. */
  emit(...events: ContentEvent[]): void;
}

export type ApiHandler = (ctx: ApiContext) => unknown;

/**
 * How a route answers Notion-Version values before 2025-09-03: as usual (its shape did not
 * change), `invalid_request_url` (data_sources did not exist), or `unsupported` (the sandbox
 * does not emulate the old shapes of pages, databases and search; see README).
 */
export type LegacyPolicy = "served" | "invalid_request_url" | "unsupported";

export interface ApiRoute {
  handler: ApiHandler;
  legacy: LegacyPolicy;
  /** What the connection must be allowed to do; users/me needs nothing. */
  capability: Capability | null;
}

/** The change record for writes made through the API: the bot is the author. */
export const apiChange = (ctx: ApiContext) => ({ actorId: ctx.bot.id, now: ctx.now });

export function visiblePage(ctx: ApiContext, rawId: unknown, path: string): PageRecord {
  const id = expectId(rawId, path);
  const page = ctx.store.pages.get(id);
  if (!page || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("page", id);
  return page;
}

export function visibleDatabase(ctx: ApiContext, rawId: unknown, path: string): DatabaseRecord {
  const id = expectId(rawId, path);
  const database = ctx.store.databases.get(id);
  if (!database || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("database", id);
  return database;
}

export function visibleDataSource(ctx: ApiContext, rawId: unknown, path: string): DataSourceRecord {
  const id = expectId(rawId, path);
  const dataSource = ctx.store.dataSources.get(id);
  if (!dataSource || !ctx.store.isVisibleTo(ctx.bot, id)) throw objectNotFound("data_source", id);
  return dataSource;
}
