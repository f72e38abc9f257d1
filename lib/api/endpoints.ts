import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { saveUnlessDuplicate } from "@/lib/bookmarks/duplicates";
import { findBookmark, findByNormalizedUrl, listTags, toBookmark } from "@/lib/bookmarks/queries";
import { bookmarkInputSchema, listQuerySchema, saveAnywaySchema } from "@/lib/bookmarks/schema";
import { listBookmarks, trashBookmark, updateBookmark } from "@/lib/bookmarks/service";
import type { Bookmark } from "@/lib/bookmarks/types";
import { normalizeUrl } from "@/lib/bookmarks/url";
import { AlreadySavedError } from "@/lib/errors";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { ApiError } from "./errors";
import { IDEMPOTENCY_HEADER, once } from "./idempotency";
import { operation, workspaceOperation, type Operation } from "./operation";
import {
  alreadySavedSchema,
  bookmarkPageSchema,
  bookmarkParams,
  bookmarkPatch,
  bookmarkSchema,
  listQuery,
  lookupQuery,
  lookupSchema,
  tagListSchema,
  workspaceListSchema,
  workspaceParams,
} from "./schemas";

// Every endpoint of /api/v1. Writes call the dashboard's own service, so they reach the mirror and
// the outbox exactly as a save on the dashboard does.

const ok = (body: unknown, status = 200) => ({ status, body });

async function bookmarkOf(db: Database, workspace: Workspace, id: string): Promise<Bookmark> {
  const row = await findBookmark(db, workspace.id, id);
  if (!row) throw new ApiError(404, "not_found", "This bookmark was not found.");
  return toBookmark(row);
}

export const listWorkspacesOp = operation({
  operationId: "listWorkspaces",
  method: "GET",
  path: "/workspaces",
  tag: "Workspaces",
  summary: "List your workspaces",
  description: "The connected workspaces the token may use: all of yours, or the one it is limited to.",
  permission: "read",
  responses: { 200: { description: "The workspaces.", schema: workspaceListSchema } },
  run: async ({ db, principal }) => {
    const all = await listUserWorkspaces(db, principal.userId);
    const items = all.filter((w) => principal.workspaceId === null || w.id === principal.workspaceId);
    return ok({ items: items.map(({ id, name, icon, status }) => ({ id, name, icon, status })) });
  },
});

export const listBookmarksOp = workspaceOperation({
  operationId: "listBookmarks",
  method: "GET",
  path: "/workspaces/{workspaceId}/bookmarks",
  tag: "Bookmarks",
  summary: "List or search bookmarks",
  description: "Newest first by default, 50 a page. The same filters as the dashboard: words, tags and order.",
  permission: "read",
  params: workspaceParams,
  query: listQuery,
  responses: { 200: { description: "One page of bookmarks.", schema: bookmarkPageSchema } },
  run: async ({ db, workspace, query }) => {
    const { items, nextCursor } = await listBookmarks({ db, workspace }, listQuerySchema.parse(query));
    return ok({ items, nextCursor });
  },
});

const createBody = bookmarkInputSchema.and(saveAnywaySchema);

export const createBookmarkOp = workspaceOperation({
  operationId: "createBookmark",
  method: "POST",
  path: "/workspaces/{workspaceId}/bookmarks",
  tag: "Bookmarks",
  summary: "Save a bookmark",
  description:
    "Saved at once in Shelf and on its way to Notion (syncState pending). A link the workspace has already answers 409 with that bookmark; send saveAnyway: true to save it again. An empty title or description is filled from the page afterwards.",
  permission: "write",
  params: workspaceParams,
  body: createBody,
  headers: [IDEMPOTENCY_HEADER],
  responses: {
    201: { description: "Saved.", schema: bookmarkSchema },
    200: { description: "A retry with an Idempotency-Key already used: the bookmark the first request saved.", schema: bookmarkSchema },
    409: { description: "Already saved (code duplicate, with the bookmark), or a request with the same Idempotency-Key still running (code in_progress).", schema: alreadySavedSchema },
    422: { description: "The Idempotency-Key was used for a different request." },
  },
  run: async ({ db, workspace, principal, request, params, body }) => {
    const { saveAnyway, ...input } = body;
    const key = request.headers.get(IDEMPOTENCY_HEADER.name);
    const outcome = await once(db, principal.tokenId, key, { workspaceId: params.workspaceId, body }, async () => {
      try {
        return await saveUnlessDuplicate({ db, workspace }, input, saveAnyway ?? false);
      } catch (error) {
        if (!(error instanceof AlreadySavedError)) throw error;
        const bookmark = await bookmarkOf(db, workspace, error.existing.id);
        throw new ApiError(409, "duplicate", error.message, { bookmark });
      }
    });
    return outcome.replayed ? ok(await bookmarkOf(db, workspace, outcome.bookmarkId)) : ok(outcome.value, 201);
  },
});

export const getBookmarkOp = workspaceOperation({
  operationId: "getBookmark",
  method: "GET",
  path: "/workspaces/{workspaceId}/bookmarks/{bookmarkId}",
  tag: "Bookmarks",
  summary: "Get a bookmark",
  description: "Also a bookmark in the trash (inTrash true).",
  permission: "read",
  params: bookmarkParams,
  responses: { 200: { description: "The bookmark.", schema: bookmarkSchema } },
  run: async ({ db, workspace, params }) => ok(await bookmarkOf(db, workspace, params.bookmarkId)),
});

export const updateBookmarkOp = workspaceOperation({
  operationId: "updateBookmark",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/bookmarks/{bookmarkId}",
  tag: "Bookmarks",
  summary: "Change a bookmark",
  description: "Send only the fields to change. tags replaces the whole list. An empty title falls back to the address.",
  permission: "write",
  params: bookmarkParams,
  body: bookmarkPatch,
  responses: { 200: { description: "The changed bookmark.", schema: bookmarkSchema } },
  run: async ({ db, workspace, params, body }) => {
    const current = await bookmarkOf(db, workspace, params.bookmarkId);
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const input = bookmarkInputSchema.parse({ url: current.url, title: current.title, description: current.description, tags: current.tags, ...changes });
    return ok(await updateBookmark({ db, workspace }, params.bookmarkId, input));
  },
});

function trashOperation(inTrash: boolean) {
  return workspaceOperation({
    operationId: inTrash ? "trashBookmark" : "restoreBookmark",
    method: "POST",
    path: `/workspaces/{workspaceId}/bookmarks/{bookmarkId}/${inTrash ? "trash" : "restore"}`,
    tag: "Bookmarks",
    summary: inTrash ? "Move a bookmark to the trash" : "Restore a bookmark from the trash",
    description: inTrash ? "Its Notion page goes to Notion's trash too; restore undoes it." : "Its Notion page comes back too.",
    permission: "write",
    params: bookmarkParams,
    responses: { 200: { description: "The bookmark.", schema: bookmarkSchema } },
    run: async ({ db, workspace, params }) => ok(await trashBookmark({ db, workspace }, params.bookmarkId, inTrash)),
  });
}

export const trashBookmarkOp = trashOperation(true);
export const restoreBookmarkOp = trashOperation(false);

export const listTagsOp = workspaceOperation({
  operationId: "listTags",
  method: "GET",
  path: "/workspaces/{workspaceId}/tags",
  tag: "Tags",
  summary: "List the tags in use",
  description: "Every tag of the workspace's bookmarks outside the trash, alphabetically: for autocomplete.",
  permission: "read",
  params: workspaceParams,
  responses: { 200: { description: "The tags.", schema: tagListSchema } },
  run: async ({ db, workspace }) => ok({ items: await listTags(db, workspace.id) }),
});

export const lookupOp = workspaceOperation({
  operationId: "lookupBookmark",
  method: "GET",
  path: "/workspaces/{workspaceId}/lookup",
  tag: "Bookmarks",
  summary: "Is this page saved?",
  description: "Compares addresses as duplicates do (without tracking parameters, fragments or a trailing slash).",
  permission: "read",
  params: workspaceParams,
  query: lookupQuery,
  responses: { 200: { description: "Whether it is saved, and the bookmark when it is.", schema: lookupSchema } },
  run: async ({ db, workspace, query }) => {
    const row = await findByNormalizedUrl(db, workspace.id, normalizeUrl(query.url));
    return ok({ saved: row !== null, bookmark: row ? toBookmark(row) : null });
  },
});

/** Every endpoint, in the order the reference lists them. */
export const operations: Operation[] = [
  listWorkspacesOp,
  listBookmarksOp,
  createBookmarkOp,
  getBookmarkOp,
  updateBookmarkOp,
  trashBookmarkOp,
  restoreBookmarkOp,
  listTagsOp,
  lookupOp,
];

