/**
 * Notion's internal integrations: a connection made in the workspace's settings, with one token
 * that pages are shared with by hand. The contract suite (contract/) uses one, as a maintainer
 * does against api.notion.com, so both targets are reached the same way.
 */
import { randomUUID } from "node:crypto";
import { secureToken, type SandboxStore } from "./store";
import { CAPABILITIES, type Bot } from "./types";

export interface InternalIntegrationRequest {
  workspaceId: string;
  /** Pages and databases shared with it, as "Connections → Add" on each page would. */
  pageIds: string[];
  name: string;
}

export interface InternalIntegration {
  token: string;
  botId: string;
  clientId: string;
}

/** Refused requests; the admin API answers them with 400. */
export class IntegrationError extends Error {}

export function createInternalIntegration(store: SandboxStore, request: InternalIntegrationRequest, now: number): InternalIntegration {
  const workspace = store.workspaces.get(request.workspaceId);
  const creator = workspace?.memberIds[0];
  if (!workspace || !creator) throw new IntegrationError(`no workspace "${request.workspaceId}" with members`);
  for (const id of request.pageIds) {
    const content = store.findContent(id);
    if (!content || content.kind === "block" || content.kind === "data_source" || content.record.workspaceId !== workspace.id) {
      throw new IntegrationError(`"${id}" is not a page or database in ${workspace.name}`);
    }
  }
  // Modelled as an OAuth client nobody can authorize (no redirect URIs) holding a single bot.
  const clientId = `internal-${randomUUID()}`;
  store.clients.set(clientId, {
    clientId,
    clientSecret: secureToken("internal_"),
    name: request.name,
    redirectUris: [],
    templatePageId: null,
    capabilities: [...CAPABILITIES],
  });
  const bot: Bot = {
    id: randomUUID(),
    clientId,
    personId: creator,
    workspaceId: workspace.id,
    sharedIds: [...new Set(request.pageIds)],
    unsharedIds: [],
    duplicatedTemplateId: null,
    createdTime: now,
  };
  store.bots.set(bot.id, bot);
  return { token: store.issueTokens(bot, now).accessToken, botId: bot.id, clientId };
}
