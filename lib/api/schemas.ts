import { z } from "zod";
import { bookmarkFields, bookmarkIdSchema } from "@/lib/bookmarks/schema";

// What the API answers, as zod schemas: the OpenAPI document is made from them, and the tests
// check real answers against them.

export const bookmarkSchema = z
  .object({
    id: z.string().describe("Shelf's id of the bookmark (a UUID)."),
    title: z.string(),
    url: z.string(),
    description: z.string(),
    tags: z.array(z.string()),
    createdTime: z.string().describe("ISO 8601."),
    lastEditedTime: z.string().describe("ISO 8601."),
    notionUrl: z.string().nullable().describe("The page in Notion; null until the bookmark reaches Notion."),
    inTrash: z.boolean(),
    syncState: z.enum(["synced", "pending", "failed"]).describe("pending: saved in Shelf, on its way to Notion."),
    syncError: z.string().nullable(),
  })
  .meta({ id: "Bookmark" });

export const bookmarkPageSchema = z
  .object({
    items: z.array(bookmarkSchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
  })
  .meta({ id: "BookmarkPage" });

export const workspaceSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    icon: z.string().nullable().describe("An emoji or an image URL."),
    status: z.enum(["active", "needs_setup", "reconnect_required"]),
  })
  .meta({ id: "Workspace" });

export const workspaceListSchema = z.object({ items: z.array(workspaceSchema) });
export const tagListSchema = z.object({ items: z.array(z.string()) });
export const lookupSchema = z.object({ saved: z.boolean(), bookmark: bookmarkSchema.nullable() });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("A stable code, e.g. invalid, not_found, duplicate, rate_limited."),
      message: z.string().describe("In words, fit to show to a person."),
      fieldErrors: z.record(z.string(), z.string()).optional().describe("With code invalid: the first problem of each field."),
    }),
  })
  .meta({ id: "Error" });

export const alreadySavedSchema = errorSchema.extend({ bookmark: bookmarkSchema }).meta({ id: "AlreadySaved" });

// --- requests ------------------------------------------------------------------------------

const workspaceId = z.string().trim().min(1).max(100).describe("A workspace id from GET /workspaces.");

export const workspaceParams = z.object({ workspaceId });
export const bookmarkParams = z.object({ workspaceId, bookmarkId: bookmarkIdSchema.describe("A bookmark id.") });

const tagList = z.union([z.string(), z.array(z.string())]);

/** The dashboard's filters, strict: a mistake is a 400, not a silently different list. */
export const listQuery = z.object({
  q: z.string().max(200, "Searches can be at most 200 characters").optional().describe("Words to search titles, addresses and descriptions for."),
  tags: tagList.optional().describe("Only bookmarks with all these tags: repeat the parameter or separate with commas."),
  sort: z.enum(["newest", "oldest", "title"], "Sort by newest, oldest or title").optional(),
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page."),
});

export const lookupQuery = z.object({ url: bookmarkFields.shape.url.describe("The page's address.") });

/** A partial update: the fields left out keep their value. */
export const bookmarkPatch = bookmarkFields.partial().strict();
