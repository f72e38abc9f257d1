/**
 * Creating and changing content the way Notion does it, shared by the API handlers, the admin
 * API ("as a person in Notion"), the seed and template duplication.
 */
import { randomUUID } from "node:crypto";
import { cloneSchema } from "./properties";
import type { SandboxStore } from "./store";
import type {
  DatabaseParent,
  DatabaseRecord,
  DataSourceRecord,
  PageIcon,
  PageParent,
  BlockRecord,
  BlockType,
  PageRecord,
  RichText,
  SchemaProperty,
  StoredValue,
} from "./types";

/** Who made a change: a bot id for API writes, a person id for edits "in Notion". */
export interface Change {
  actorId: string;
  now: number;
}

function authored(store: SandboxStore, workspaceId: string, change: Change, id: string = randomUUID()) {
  return {
    id,
    workspaceId,
    createdTime: change.now,
    lastEditedTime: change.now,
    createdBy: change.actorId,
    lastEditedBy: change.actorId,
    seq: store.nextSeq(),
  };
}

export function touch(record: { lastEditedTime: number; lastEditedBy: string }, change: Change): void {
  record.lastEditedTime = change.now;
  record.lastEditedBy = change.actorId;
}

function attachToParentPage(store: SandboxStore, parentId: string, childId: string): void {
  store.pages.get(parentId)?.childIds.push(childId);
}

export interface NewPage {
  /** Fixed ids are for the seed; everything else gets a random one. */
  id?: string;
  workspaceId: string;
  parent: PageParent;
  values: Record<string, StoredValue>;
  icon?: PageIcon | null;
  coverUrl?: string | null;
}

export function createPage(store: SandboxStore, input: NewPage, change: Change): PageRecord {
  const page: PageRecord = {
    ...authored(store, input.workspaceId, change, input.id),
    parent: input.parent,
    values: input.values,
    icon: input.icon ?? null,
    coverUrl: input.coverUrl ?? null,
    inTrash: false,
    isLocked: false,
    childIds: [],
  };
  store.pages.set(page.id, page);
  if (input.parent.type === "data_source_id") store.dataSources.get(input.parent.id)?.rowIds.push(page.id);
  if (input.parent.type === "page_id") attachToParentPage(store, input.parent.id, page.id);
  return page;
}

export interface NewBlock {
  type: BlockType;
  content: Record<string, unknown>;
  children?: NewBlock[];
}

/**
 * Adds blocks (with their children) under a page or block, at the end or at `index` of its
 * children. Returns the new top-level blocks in order.
 */
export function createBlocks(
  store: SandboxStore,
  parent: PageRecord | BlockRecord,
  blocks: readonly NewBlock[],
  change: Change,
  index: number = parent.childIds.length,
): BlockRecord[] {
  const parentType = store.blocks.has(parent.id) ? "block_id" : "page_id";
  const created = blocks.map((input) => {
    const block: BlockRecord = {
      ...authored(store, parent.workspaceId, change),
      parent: { type: parentType, id: parent.id },
      type: input.type,
      content: input.content,
      childIds: [],
      inTrash: false,
    };
    store.blocks.set(block.id, block);
    if (input.children?.length) createBlocks(store, block, input.children, change);
    return block;
  });
  parent.childIds.splice(index, 0, ...created.map((b) => b.id));
  return created;
}

export function createParagraph(store: SandboxStore, page: PageRecord, richText: RichText[], change: Change): BlockRecord {
  return createBlocks(store, page, [{ type: "paragraph", content: { rich_text: richText, color: "default" } }], change)[0]!;
}

/** A block and everything under it, as NewBlock inputs (template duplication). */
function copyOf(store: SandboxStore, block: BlockRecord): NewBlock {
  const children = block.childIds.flatMap((id) => {
    const child = store.blocks.get(id);
    return child && !child.inTrash ? [copyOf(store, child)] : [];
  });
  return { type: block.type, content: structuredClone(block.content), children };
}

export interface NewDatabase {
  ids?: { database: string; dataSource: string };
  workspaceId: string;
  parent: DatabaseParent;
  title: RichText[];
  description?: RichText[];
  isInline?: boolean;
  icon?: PageIcon | null;
  schema: SchemaProperty[];
}

/** A database and its initial data source (named like the database, as Notion does). */
export function createDatabase(
  store: SandboxStore,
  input: NewDatabase,
  change: Change,
): { database: DatabaseRecord; dataSource: DataSourceRecord } {
  const database: DatabaseRecord = {
    ...authored(store, input.workspaceId, change, input.ids?.database),
    parent: input.parent,
    title: input.title,
    description: input.description ?? [],
    isInline: input.isInline ?? false,
    inTrash: false,
    isLocked: false,
    icon: input.icon ?? null,
    dataSourceIds: [],
  };
  const dataSource: DataSourceRecord = {
    ...authored(store, input.workspaceId, change, input.ids?.dataSource),
    databaseId: database.id,
    title: input.title,
    description: [],
    properties: input.schema,
    inTrash: false,
    rowIds: [],
  };
  database.dataSourceIds.push(dataSource.id);
  store.databases.set(database.id, database);
  store.dataSources.set(dataSource.id, dataSource);
  if (input.parent.type === "page_id") attachToParentPage(store, input.parent.id, database.id);
  return { database, dataSource };
}

/**
 * Duplicates a page with everything under it into a workspace, as Notion does for a template:
 * fresh ids for every page, block, database and data source; property ids and option ids stay.
 */
export function duplicatePage(store: SandboxStore, source: PageRecord, workspaceId: string, parent: PageParent, change: Change): PageRecord {
  const copy = createPage(store, { workspaceId, parent, values: structuredClone(source.values), icon: source.icon, coverUrl: source.coverUrl }, change);
  for (const childId of source.childIds) {
    const block = store.blocks.get(childId);
    if (block && !block.inTrash) createBlocks(store, copy, [copyOf(store, block)], change);
    const childPage = store.pages.get(childId);
    if (childPage) duplicatePage(store, childPage, workspaceId, { type: "page_id", id: copy.id }, change);
    const database = store.databases.get(childId);
    if (database) duplicateDatabase(store, database, workspaceId, copy.id, change);
  }
  return copy;
}

function duplicateDatabase(store: SandboxStore, source: DatabaseRecord, workspaceId: string, parentPageId: string, change: Change): void {
  const [firstSourceId, ...otherSourceIds] = source.dataSourceIds;
  const firstSource = firstSourceId ? store.dataSources.get(firstSourceId) : undefined;
  const { database, dataSource } = createDatabase(
    store,
    {
      workspaceId,
      parent: { type: "page_id", id: parentPageId },
      title: structuredClone(source.title),
      description: structuredClone(source.description),
      isInline: source.isInline,
      icon: source.icon,
      schema: cloneSchema(firstSource?.properties ?? []),
    },
    change,
  );
  copyRows(store, firstSource, dataSource, change);
  for (const id of otherSourceIds) {
    const original = store.dataSources.get(id);
    if (!original) continue;
    const extra: DataSourceRecord = {
      ...authored(store, workspaceId, change),
      databaseId: database.id,
      title: structuredClone(original.title),
      description: structuredClone(original.description),
      properties: cloneSchema(original.properties),
      inTrash: false,
      rowIds: [],
    };
    store.dataSources.set(extra.id, extra);
    database.dataSourceIds.push(extra.id);
    copyRows(store, original, extra, change);
  }
}

function copyRows(store: SandboxStore, from: DataSourceRecord | undefined, to: DataSourceRecord, change: Change): void {
  for (const rowId of from?.rowIds ?? []) {
    const row = store.pages.get(rowId);
    if (row && !row.inTrash) {
      createPage(store, { workspaceId: to.workspaceId, parent: { type: "data_source_id", id: to.id }, values: structuredClone(row.values), icon: row.icon }, change);
    }
  }
}
