/**
 * The sandbox's internal records. They are what the store holds and persists; responses.ts turns
 * them into the SDK's response types. Times are epoch milliseconds; ids are dashed lowercase UUIDs.
 */
import type { PageObjectResponse, RichTextItemResponse } from "@notionhq/client";

export type RichText = RichTextItemResponse;
export type PageIcon = NonNullable<PageObjectResponse["icon"]>;

export const SELECT_COLORS = ["default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red"] as const;
export type SelectColor = (typeof SELECT_COLORS)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
  avatarUrl: string | null;
}

export interface Workspace {
  id: string;
  name: string;
  /** A URL, an emoji or null: Notion returns all three kinds in `workspace_icon`. */
  icon: string | null;
  memberIds: string[];
}

/** Connection capabilities; a request that needs one the connection lacks gets 403 restricted_resource. */
export const CAPABILITIES = ["read_content", "update_content", "insert_content", "read_user"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** The connection's name, shown on the consent page and as the bot user's name. */
  name: string;
  redirectUris: string[];
  /** The page duplicated when a person picks "Use a template provided by the developer". */
  templatePageId: string | null;
  capabilities: Capability[];
}

/** One authorization of a client by a person in a workspace: Notion's bot. */
export interface Bot {
  id: string;
  clientId: string;
  personId: string;
  workspaceId: string;
  /** Pages and databases shared with the bot; their descendants are visible too. */
  sharedIds: string[];
  /** Descendants of shared objects from which the connection was removed again. */
  unsharedIds: string[];
  duplicatedTemplateId: string | null;
  createdTime: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  botId: string;
  clientId: string;
  issuedAt: number;
  /** Expired access tokens are refused but their refresh token still works. */
  accessExpired: boolean;
  /** Revoked (explicitly, by rotation, or by re-authorization): both tokens are dead. */
  revoked: boolean;
}

export type AuthorizationGrant = { template: true } | { template: false; pageIds: string[] };

export interface AuthCode {
  code: string;
  clientId: string;
  /** The redirect_uri sent to /authorize, or null when it was omitted (one registered URI). */
  redirectUri: string | null;
  personId: string;
  workspaceId: string;
  grant: AuthorizationGrant;
  expiresAt: number;
  used: boolean;
}

export const PROPERTY_TYPES = [
  "title",
  "rich_text",
  "url",
  "email",
  "number",
  "checkbox",
  "select",
  "multi_select",
  "date",
  "created_time",
  "last_edited_time",
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface SelectOption {
  id: string;
  name: string;
  color: SelectColor;
  description: string | null;
}

export interface SchemaProperty {
  id: string;
  name: string;
  type: PropertyType;
  description: string | null;
  /** select and multi_select only. */
  options?: SelectOption[];
}

export interface DateValue {
  start: string;
  end: string | null;
  time_zone: string | null;
}

/** A stored property value. Options are kept by id so renaming an option renames it everywhere. */
export type StoredValue =
  | { type: "title"; richText: RichText[] }
  | { type: "rich_text"; richText: RichText[] }
  | { type: "url"; value: string | null }
  | { type: "email"; value: string | null }
  | { type: "number"; value: number | null }
  | { type: "checkbox"; value: boolean }
  | { type: "select"; optionId: string | null }
  | { type: "multi_select"; optionIds: string[] }
  | { type: "date"; value: DateValue | null };

export type PageParent =
  | { type: "workspace" }
  | { type: "page_id"; id: string }
  | { type: "data_source_id"; id: string };

export type DatabaseParent = { type: "workspace" } | { type: "page_id"; id: string };

interface Authored {
  id: string;
  workspaceId: string;
  createdTime: number;
  lastEditedTime: number;
  createdBy: string;
  lastEditedBy: string;
  /** Creation order, to keep listings stable when times tie (Notion rounds times to the minute). */
  seq: number;
}

export interface PageRecord extends Authored {
  parent: PageParent;
  /** Keyed by property id; a non-row page has only "title". */
  values: Record<string, StoredValue>;
  icon: PageIcon | null;
  coverUrl: string | null;
  inTrash: boolean;
  isLocked: boolean;
  /** Block children in order: content blocks, child pages and child databases. */
  childIds: string[];
}

export interface DatabaseRecord extends Authored {
  parent: DatabaseParent;
  title: RichText[];
  description: RichText[];
  isInline: boolean;
  inTrash: boolean;
  isLocked: boolean;
  icon: PageIcon | null;
  dataSourceIds: string[];
}

export interface DataSourceRecord extends Authored {
  databaseId: string;
  title: RichText[];
  description: RichText[];
  properties: SchemaProperty[];
  inTrash: boolean;
  /** Rows in creation order. */
  rowIds: string[];
}

/** The content block types the sandbox stores (the ones Shelf writes); others are refused (README). */
export const BLOCK_TYPES = [
  "paragraph",
  "heading_1",
  "heading_2",
  "heading_3",
  "bulleted_list_item",
  "numbered_list_item",
  "quote",
  "callout",
  "code",
  "image",
  "divider",
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export interface BlockRecord extends Authored {
  /** A page, or a block that takes children (list items, quotes, callouts, paragraphs, headings). */
  parent: { type: "page_id" | "block_id"; id: string };
  type: BlockType;
  /** The type's object as Notion answers it: `rich_text`, `color`, `language`, `external`, `caption`, `icon`… */
  content: Record<string, unknown>;
  childIds: string[];
  inTrash: boolean;
}
