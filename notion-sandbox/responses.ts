/**
 * Records → the official SDK's response types, so the compiler checks every shape against
 * @notionhq/client. Version differences (the `archived` alias) are applied here.
 */
import type {
  BlockObjectResponse,
  ChildDatabaseBlockObjectResponse,
  ChildPageBlockObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  PageObjectResponse,
  UserObjectResponse,
} from "@notionhq/client";
import { plainText } from "./rich-text";
import type { SandboxStore } from "./store";
import type { Bot, DatabaseRecord, DataSourceRecord, PageRecord, Person, SchemaProperty, SelectOption, StoredValue } from "./types";
import { hasArchivedAlias, type NotionVersion } from "./versions";
import { PAGE_TITLE_SCHEMA } from "./properties";

type PropertyValueResponse = PageObjectResponse["properties"][string];
type PropertyConfigResponse = DataSourceObjectResponse["properties"][string];
type BlockParent = PageObjectResponse["parent"];
type DatabaseParentResponse = DatabaseObjectResponse["parent"];

export interface ResponseContext {
  store: SandboxStore;
  version: NotionVersion;
}

/** Notion stores created/last-edited times at minute precision; so does what the sandbox shows. */
export function notionTime(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

const partialUser = (id: string) => ({ object: "user" as const, id });

function notionUrl(title: string, id: string): string {
  const slug = title.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const hex = id.replace(/-/g, "");
  return `https://www.notion.so/${slug ? `${slug}-` : ""}${hex}`;
}

/** Drops `archived` for 2026-03-11, which only knows `in_trash`. */
function trashFlags<T extends { archived: boolean }>(body: T, version: NotionVersion): T {
  if (!hasArchivedAlias(version)) delete (body as Partial<T>).archived;
  return body;
}

export function personUser(person: Person): Extract<UserObjectResponse, { type: "person" }> {
  return { object: "user", id: person.id, type: "person", name: person.name, avatar_url: person.avatarUrl, person: { email: person.email } };
}

export function botUser(store: SandboxStore, bot: Bot): UserObjectResponse {
  const person = store.people.get(bot.personId);
  const workspace = store.workspaces.get(bot.workspaceId);
  return {
    object: "user",
    id: bot.id,
    type: "bot",
    name: store.clients.get(bot.clientId)?.name ?? null,
    avatar_url: null,
    bot: {
      owner: { type: "user", user: person ? personUser(person) : partialUser(bot.personId) },
      workspace_id: bot.workspaceId,
      workspace_name: workspace?.name ?? null,
      workspace_limits: { max_file_upload_size_in_bytes: 5_242_880 },
    },
  };
}

/** Another connection's bot as GET /v1/users lists it: no bot details. */
export function foreignBotUser(store: SandboxStore, bot: Bot): UserObjectResponse {
  return { object: "user", id: bot.id, type: "bot", name: store.clients.get(bot.clientId)?.name ?? null, avatar_url: null, bot: {} };
}

function optionResponse(options: readonly SelectOption[] | undefined, id: string) {
  const option = options?.find((o) => o.id === id);
  return option ? { id: option.id, name: option.name, color: option.color } : undefined;
}

export function propertyValue(property: SchemaProperty, page: PageRecord): PropertyValueResponse {
  const stored: StoredValue | undefined = page.values[property.id];
  const id = property.id;
  switch (property.type) {
    case "title":
      return { id, type: "title", title: stored?.type === "title" ? stored.richText : [] };
    case "rich_text":
      return { id, type: "rich_text", rich_text: stored?.type === "rich_text" ? stored.richText : [] };
    case "url":
      return { id, type: "url", url: stored?.type === "url" ? stored.value : null };
    case "email":
      return { id, type: "email", email: stored?.type === "email" ? stored.value : null };
    case "number":
      return { id, type: "number", number: stored?.type === "number" ? stored.value : null };
    case "checkbox":
      return { id, type: "checkbox", checkbox: stored?.type === "checkbox" ? stored.value : false };
    case "select":
      return { id, type: "select", select: stored?.type === "select" && stored.optionId ? (optionResponse(property.options, stored.optionId) ?? null) : null };
    case "multi_select": {
      const ids = stored?.type === "multi_select" ? stored.optionIds : [];
      return { id, type: "multi_select", multi_select: ids.flatMap((optionId) => optionResponse(property.options, optionId) ?? []) };
    }
    case "date":
      return { id, type: "date", date: stored?.type === "date" ? stored.value : null };
    case "created_time":
      return { id, type: "created_time", created_time: notionTime(page.createdTime) };
    case "last_edited_time":
      return { id, type: "last_edited_time", last_edited_time: notionTime(page.lastEditedTime) };
  }
}

export function schemaOf(store: SandboxStore, page: PageRecord): readonly SchemaProperty[] {
  return store.dataSourceOfRow(page)?.properties ?? PAGE_TITLE_SCHEMA;
}

export function pageTitle(store: SandboxStore, page: PageRecord): string {
  const titleProperty = schemaOf(store, page).find((p) => p.type === "title");
  const value = titleProperty ? page.values[titleProperty.id] : undefined;
  return value?.type === "title" ? plainText(value.richText) : "";
}

export function pageParent(store: SandboxStore, page: PageRecord): BlockParent {
  switch (page.parent.type) {
    case "workspace":
      return { type: "workspace", workspace: true };
    case "page_id":
      return { type: "page_id", page_id: page.parent.id };
    case "data_source_id":
      return { type: "data_source_id", data_source_id: page.parent.id, database_id: store.dataSources.get(page.parent.id)?.databaseId ?? page.parent.id };
  }
}

/** `onlyPropertyIds` implements `filter_properties`. */
export function pageResponse(ctx: ResponseContext, page: PageRecord, onlyPropertyIds?: ReadonlySet<string>): PageObjectResponse {
  const properties: PageObjectResponse["properties"] = {};
  for (const property of schemaOf(ctx.store, page)) {
    if (onlyPropertyIds && !onlyPropertyIds.has(property.id) && !onlyPropertyIds.has(decodeURIComponent(property.id))) continue;
    properties[property.name] = propertyValue(property, page);
  }
  return trashFlags(
    {
      object: "page",
      id: page.id,
      created_time: notionTime(page.createdTime),
      last_edited_time: notionTime(page.lastEditedTime),
      created_by: partialUser(page.createdBy),
      last_edited_by: partialUser(page.lastEditedBy),
      cover: page.coverUrl ? { type: "external", external: { url: page.coverUrl } } : null,
      icon: page.icon,
      parent: pageParent(ctx.store, page),
      in_trash: page.inTrash,
      archived: page.inTrash,
      is_archived: false,
      is_locked: page.isLocked,
      properties,
      url: notionUrl(pageTitle(ctx.store, page), page.id),
      public_url: null,
    },
    ctx.version,
  );
}

function databaseParent(database: DatabaseRecord): DatabaseParentResponse {
  return database.parent.type === "workspace" ? { type: "workspace", workspace: true } : { type: "page_id", page_id: database.parent.id };
}

export function databaseResponse(ctx: ResponseContext, database: DatabaseRecord): DatabaseObjectResponse {
  return trashFlags(
    {
      object: "database",
      id: database.id,
      title: database.title,
      description: database.description,
      parent: databaseParent(database),
      is_inline: database.isInline,
      in_trash: database.inTrash,
      archived: database.inTrash,
      is_locked: database.isLocked,
      created_time: notionTime(database.createdTime),
      last_edited_time: notionTime(database.lastEditedTime),
      data_sources: database.dataSourceIds.flatMap((id) => {
        const dataSource = ctx.store.dataSources.get(id);
        return dataSource ? [{ id, name: plainText(dataSource.title) }] : [];
      }),
      icon: database.icon,
      cover: null,
      url: notionUrl("", database.id),
      public_url: null,
    },
    ctx.version,
  );
}

function propertyConfig(property: SchemaProperty): PropertyConfigResponse {
  const common = { id: property.id, name: property.name, description: property.description };
  switch (property.type) {
    case "select":
    case "multi_select": {
      const options = (property.options ?? []).map((o) => ({ id: o.id, name: o.name, color: o.color, description: o.description }));
      return property.type === "select" ? { ...common, type: "select", select: { options } } : { ...common, type: "multi_select", multi_select: { options } };
    }
    case "number":
      return { ...common, type: "number", number: { format: "number" } };
    case "title":
      return { ...common, type: "title", title: {} };
    case "rich_text":
      return { ...common, type: "rich_text", rich_text: {} };
    case "url":
      return { ...common, type: "url", url: {} };
    case "email":
      return { ...common, type: "email", email: {} };
    case "checkbox":
      return { ...common, type: "checkbox", checkbox: {} };
    case "date":
      return { ...common, type: "date", date: {} };
    case "created_time":
      return { ...common, type: "created_time", created_time: {} };
    case "last_edited_time":
      return { ...common, type: "last_edited_time", last_edited_time: {} };
  }
}

export function dataSourceResponse(ctx: ResponseContext, dataSource: DataSourceRecord): DataSourceObjectResponse {
  const database = ctx.store.databaseOf(dataSource);
  return trashFlags(
    {
      object: "data_source",
      id: dataSource.id,
      title: dataSource.title,
      description: dataSource.description,
      parent: { type: "database_id", database_id: database.id },
      database_parent: databaseParent(database),
      is_inline: database.isInline,
      in_trash: dataSource.inTrash || database.inTrash,
      archived: dataSource.inTrash || database.inTrash,
      created_time: notionTime(dataSource.createdTime),
      last_edited_time: notionTime(dataSource.lastEditedTime),
      created_by: partialUser(dataSource.createdBy),
      last_edited_by: partialUser(dataSource.lastEditedBy),
      properties: Object.fromEntries(dataSource.properties.map((p) => [p.name, propertyConfig(p)])),
      icon: database.icon,
      cover: null,
      url: notionUrl(plainText(dataSource.title), dataSource.id),
      public_url: null,
    },
    ctx.version,
  );
}

/** A block: a content block, a child page or a child database. */
export function blockResponse(ctx: ResponseContext, id: string): BlockObjectResponse | undefined {
  const { store } = ctx;
  const content = store.findContent(id);
  if (!content || content.kind === "data_source") return undefined;
  const record = content.record;
  const common = {
    object: "block" as const,
    id,
    created_time: notionTime(record.createdTime),
    created_by: partialUser(record.createdBy),
    last_edited_time: notionTime(record.lastEditedTime),
    last_edited_by: partialUser(record.lastEditedBy),
  };
  switch (content.kind) {
    case "block": {
      const { parent, type, content: body, childIds, inTrash } = content.record;
      // The body was checked on the way in (api/block-content.ts) and is stored in the answer's shape.
      const block = {
        ...common,
        type,
        [type]: body,
        parent: parent.type === "page_id" ? { type: "page_id", page_id: parent.id } : { type: "block_id", block_id: parent.id },
        has_children: childIds.some((id) => !store.isInTrash(id)),
        in_trash: inTrash,
        archived: inTrash,
      } as unknown as BlockObjectResponse & { archived: boolean };
      return trashFlags(block, ctx.version);
    }
    case "page":
      return trashFlags<ChildPageBlockObjectResponse>(
        {
          ...common,
          type: "child_page",
          child_page: { title: pageTitle(store, content.record) },
          parent: pageParent(store, content.record),
          has_children: content.record.childIds.length > 0,
          in_trash: content.record.inTrash,
          archived: content.record.inTrash,
        },
        ctx.version,
      );
    case "database":
      return trashFlags<ChildDatabaseBlockObjectResponse>(
        {
          ...common,
          type: "child_database",
          child_database: { title: plainText(content.record.title) },
          parent: databaseParent(content.record),
          has_children: false,
          in_trash: content.record.inTrash,
          archived: content.record.inTrash,
        },
        ctx.version,
      );
  }
}
