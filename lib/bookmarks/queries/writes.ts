// Local writes: the mirror row and its outbox entry in one transaction, so the person sees the
// change at once and Notion gets it later.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { bookmarks, pendingWrites, type BookmarkRow, type WritePayload } from "@/db/schema";
import { normalizeUrl } from "../url";
import { inWorkspace } from "./scope";

/** The bookmark's own fields; savedAt is the create's alone, so an edit never moves it in the order. */
function fieldsOf({ title, url, description, tags }: WritePayload): Omit<WritePayload, "savedAt" | "images"> {
  return { title, url, description, tags };
}

// The page's icon and cover (`images`) are Notion's alone; the mirror row has no place for them.
function rowFields(input: WritePayload) {
  return { ...fieldsOf(input), normalizedUrl: normalizeUrl(input.url) };
}

/** What an edit sends to Notion: the fields, and the page's icon and cover when the page reader found them. */
function editPayload(input: WritePayload): WritePayload {
  return { ...fieldsOf(input), ...(input.images ? { images: input.images } : {}) };
}

/**
 * A new bookmark, in the mirror and the outbox. `savedAt` is now unless given (an import's file
 * date); the create carries it to Notion's Saved property to the millisecond, and the row's `seq`
 * (assigned by this insert) keeps rows of the same instant in save order (docs/decisions/030).
 */
export async function recordCreate(db: Database, workspaceId: string, input: WritePayload): Promise<BookmarkRow> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const savedAt = input.savedAt ? new Date(input.savedAt) : now;
    const [row] = await tx
      .insert(bookmarks)
      .values({ workspaceId, ...rowFields(input), createdTime: now, lastEditedTime: now, savedAt, syncState: "pending" })
      .returning();
    const payload: WritePayload = { ...fieldsOf(input), savedAt: savedAt.toISOString() };
    await tx.insert(pendingWrites).values({ workspaceId, bookmarkId: row!.id, kind: "create", payload });
    return row!;
  });
}

export type LocalChange = { kind: "update"; input: WritePayload } | { kind: "trash" } | { kind: "restore" };

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The changed row and the outbox write that takes it to Notion. */
export type RecordedChange = { row: BookmarkRow; writeId: number };

async function applyChange(tx: Transaction, workspaceId: string, id: string, change: LocalChange): Promise<RecordedChange | null> {
  const fields = change.kind === "update" ? rowFields(change.input) : { inTrash: change.kind === "trash" };
  const [row] = await tx
    .update(bookmarks)
    .set({ ...fields, lastEditedTime: new Date(), syncState: "pending", syncError: null })
    .where(and(inWorkspace(workspaceId), eq(bookmarks.id, id)))
    .returning();
  if (!row) return null;
  const [write] = await tx
    .insert(pendingWrites)
    .values({
      workspaceId,
      bookmarkId: id,
      kind: change.kind,
      payload: change.kind === "update" ? editPayload(change.input) : null,
    })
    .returning({ id: pendingWrites.id });
  return { row, writeId: write!.id };
}

/** Applies a change to the mirror now and queues it for Notion; null when the bookmark isn't this workspace's. */
export async function recordChange(db: Database, workspaceId: string, id: string, change: LocalChange): Promise<BookmarkRow | null> {
  return (await recordChangeWithWrite(db, workspaceId, id, change))?.row ?? null;
}

/** recordChange, also answering the outbox write's id (a bulk job's item waits for it). */
export async function recordChangeWithWrite(db: Database, workspaceId: string, id: string, change: LocalChange): Promise<RecordedChange | null> {
  return db.transaction((tx) => applyChange(tx, workspaceId, id, change));
}

/** A field to fill from the page, if it still holds what was saved. */
export type Fill = { saved: string; found: string };

/**
 * Fills a bookmark's title and description found on its page, each only while it still holds
 * what was saved (the person has not edited it since), as a local change through the outbox.
 * Null when nothing was filled.
 */
export async function recordFill(
  db: Database,
  workspaceId: string,
  id: string,
  fill: { title?: Fill; description?: Fill },
): Promise<BookmarkRow | null> {
  return updateLocked(db, workspaceId, id, (current) => {
    const pick = (value: string, field: Fill | undefined) => (field && value === field.saved ? field.found : value);
    const title = pick(current.title, fill.title);
    const description = pick(current.description, fill.description);
    if (title === current.title && description === current.description) return null;
    return { title, url: current.url, description, tags: current.tags };
  });
}

/** Sets the Notion page's icon and cover (external URLs) through the outbox, with the row as it is now. */
export async function recordPageImages(db: Database, workspaceId: string, id: string, images: { icon?: string; cover?: string }): Promise<BookmarkRow | null> {
  return updateLocked(db, workspaceId, id, (current) => ({ title: current.title, url: current.url, description: current.description, tags: current.tags, images }));
}

/**
 * An update worked out from the row as it is now, under its lock, so an edit arriving meanwhile is
 * either seen by `build` or comes after. A trashed row, or `build` answering null, changes nothing.
 */
async function updateLocked(db: Database, workspaceId: string, id: string, build: (current: BookmarkRow) => WritePayload | null): Promise<BookmarkRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(bookmarks)
      .where(and(inWorkspace(workspaceId), eq(bookmarks.id, id)))
      .for("update");
    if (!current || current.inTrash) return null;
    const input = build(current);
    return input ? ((await applyChange(tx, workspaceId, id, { kind: "update", input }))?.row ?? null) : null;
  });
}
