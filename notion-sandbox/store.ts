/**
 * The sandbox's whole state, in memory: people, workspaces, OAuth clients, bots, tokens, codes
 * and the content (pages, databases, data sources, content blocks). It answers lookups and the
 * one question every endpoint asks: can this bot see that object?
 */
import { randomBytes } from "node:crypto";
import type {
  AuthCode,
  Bot,
  DatabaseRecord,
  DataSourceRecord,
  OAuthClient,
  PageRecord,
  BlockRecord,
  Person,
  TokenPair,
  Workspace,
} from "./types";

/** What dataFile holds. Bump `version` when the shape changes incompatibly. */
export interface StoreSnapshot {
  version: 2;
  seq: number;
  people: Person[];
  workspaces: Workspace[];
  clients: OAuthClient[];
  bots: Bot[];
  tokens: TokenPair[];
  codes: AuthCode[];
  pages: PageRecord[];
  databases: DatabaseRecord[];
  dataSources: DataSourceRecord[];
  blocks: BlockRecord[];
}

export type ContentRecord =
  | { kind: "page"; record: PageRecord }
  | { kind: "database"; record: DatabaseRecord }
  | { kind: "data_source"; record: DataSourceRecord }
  | { kind: "block"; record: BlockRecord };

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

export function secureToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString("base64url")}`;
}

export class SandboxStore {
  private seq: number;
  readonly people: Map<string, Person>;
  readonly workspaces: Map<string, Workspace>;
  readonly clients: Map<string, OAuthClient>;
  readonly bots: Map<string, Bot>;
  readonly codes: Map<string, AuthCode>;
  readonly pages: Map<string, PageRecord>;
  readonly databases: Map<string, DatabaseRecord>;
  readonly dataSources: Map<string, DataSourceRecord>;
  readonly blocks: Map<string, BlockRecord>;
  private readonly tokensByAccess: Map<string, TokenPair>;
  private readonly tokensByRefresh: Map<string, TokenPair>;

  constructor(snapshot: StoreSnapshot) {
    this.seq = snapshot.seq;
    this.people = byId(snapshot.people);
    this.workspaces = byId(snapshot.workspaces);
    this.clients = new Map(snapshot.clients.map((c) => [c.clientId, c]));
    this.bots = byId(snapshot.bots);
    this.codes = new Map(snapshot.codes.map((c) => [c.code, c]));
    this.pages = byId(snapshot.pages);
    this.databases = byId(snapshot.databases);
    this.dataSources = byId(snapshot.dataSources);
    this.blocks = byId(snapshot.blocks);
    this.tokensByAccess = new Map(snapshot.tokens.map((t) => [t.accessToken, t]));
    this.tokensByRefresh = new Map(snapshot.tokens.map((t) => [t.refreshToken, t]));
  }

  snapshot(): StoreSnapshot {
    return {
      version: 2,
      seq: this.seq,
      people: [...this.people.values()],
      workspaces: [...this.workspaces.values()],
      clients: [...this.clients.values()],
      bots: [...this.bots.values()],
      tokens: [...this.tokensByAccess.values()],
      codes: [...this.codes.values()],
      pages: [...this.pages.values()],
      databases: [...this.databases.values()],
      dataSources: [...this.dataSources.values()],
      blocks: [...this.blocks.values()],
    };
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  // --- tokens -------------------------------------------------------------------------------

  issueTokens(bot: Bot, now: number): TokenPair {
    const pair: TokenPair = {
      accessToken: secureToken("ntn_sbx_"),
      refreshToken: secureToken("nrt_sbx_"),
      botId: bot.id,
      clientId: bot.clientId,
      issuedAt: now,
      accessExpired: false,
      revoked: false,
    };
    this.tokensByAccess.set(pair.accessToken, pair);
    this.tokensByRefresh.set(pair.refreshToken, pair);
    return pair;
  }

  /** Finds a pair by either of its tokens. */
  findTokenPair(token: string): TokenPair | undefined {
    return this.tokensByAccess.get(token) ?? this.tokensByRefresh.get(token);
  }

  findByAccessToken(token: string): TokenPair | undefined {
    return this.tokensByAccess.get(token);
  }

  findByRefreshToken(token: string): TokenPair | undefined {
    return this.tokensByRefresh.get(token);
  }

  /** The pairs issued to a bot, oldest first. */
  tokensOfBot(botId: string): TokenPair[] {
    return [...this.tokensByAccess.values()].filter((pair) => pair.botId === botId);
  }

  revokeTokensOfBot(botId: string): void {
    for (const pair of this.tokensByAccess.values()) if (pair.botId === botId) pair.revoked = true;
  }

  // --- content ------------------------------------------------------------------------------

  findContent(id: string): ContentRecord | undefined {
    const page = this.pages.get(id);
    if (page) return { kind: "page", record: page };
    const database = this.databases.get(id);
    if (database) return { kind: "database", record: database };
    const dataSource = this.dataSources.get(id);
    if (dataSource) return { kind: "data_source", record: dataSource };
    const block = this.blocks.get(id);
    if (block) return { kind: "block", record: block };
    return undefined;
  }

  /** The id of the object this one lives in, or null at the workspace root. */
  parentIdOf(id: string): string | null {
    const content = this.findContent(id);
    if (!content) return null;
    switch (content.kind) {
      case "page":
        return content.record.parent.type === "workspace" ? null : content.record.parent.id;
      case "database":
        return content.record.parent.type === "workspace" ? null : content.record.parent.id;
      case "data_source":
        return content.record.databaseId;
      case "block":
        return content.record.parent.id;
    }
  }

  /**
   * Sharing is inherited: an object is visible when it or its nearest ancestor with a sharing
   * decision was shared with the bot (and not unshared again).
   */
  isVisibleTo(bot: Bot, id: string): boolean {
    const content = this.findContent(id);
    if (!content || content.record.workspaceId !== bot.workspaceId) return false;
    for (let current: string | null = id; current !== null; current = this.parentIdOf(current)) {
      if (bot.unsharedIds.includes(current)) return false;
      if (bot.sharedIds.includes(current)) return true;
    }
    return false;
  }

  /** True when the object or any ancestor is in the trash (search leaves those out). */
  isInTrash(id: string): boolean {
    for (let current: string | null = id; current !== null; current = this.parentIdOf(current)) {
      const content = this.findContent(current);
      if (content?.record.inTrash) return true;
    }
    return false;
  }

  databaseOf(dataSource: DataSourceRecord): DatabaseRecord {
    const database = this.databases.get(dataSource.databaseId);
    if (!database) throw new Error(`data source ${dataSource.id} has no database`);
    return database;
  }

  /** The data source a row page belongs to, or undefined for a plain page. */
  dataSourceOfRow(page: PageRecord): DataSourceRecord | undefined {
    return page.parent.type === "data_source_id" ? this.dataSources.get(page.parent.id) : undefined;
  }
}
