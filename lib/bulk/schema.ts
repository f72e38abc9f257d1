import { z } from "zod";
import { bookmarkIdSchema, listQuerySchema } from "@/lib/bookmarks/schema";
import { bulkTagsSchema } from "./tags";

// Ticked rows come from the pages on screen; a whole filter goes as the query instead.
const IDS_MAX = 500;

/** Which bookmarks: ticked ids, or everything the list's search and tags match (in the trash, for restore). */
export const selectionSchema = z.union(
  [
    z.object({ ids: z.array(bookmarkIdSchema, "Select some bookmarks").min(1, "Select some bookmarks").max(IDS_MAX, `Select at most ${IDS_MAX} rows, or all matching`) }),
    z.object({
      query: z.object({ q: z.string().max(200, "Searches can be at most 200 characters"), tags: z.array(z.string().max(100)).max(100) }).transform((q) => {
        const { q: text, tags } = listQuerySchema.parse(q);
        return { q: text, tags };
      }),
      trash: z.boolean().optional(),
    }),
  ],
  "Select some bookmarks",
);

export const bulkRequestSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.enum(["add_tags", "remove_tags"]), tags: bulkTagsSchema, selection: selectionSchema }),
    z.object({ action: z.enum(["trash", "restore"]), selection: selectionSchema }),
    z.object({ action: z.literal("move"), targetWorkspaceId: z.string().trim().min(1, "Choose a workspace").max(100), selection: selectionSchema }),
  ],
  "Choose what to do with the selection",
);

/** The export link of a selection: ?ids=a,b or ?q=&tags=…, with the list's lenient parsing. */
export function selectionFromSearchParams(params: URLSearchParams): z.output<typeof selectionSchema> | null {
  const ids = params.get("ids");
  const parsed = ids
    ? selectionSchema.safeParse({ ids: ids.split(",") })
    : selectionSchema.safeParse({ query: { q: params.get("q") ?? "", tags: params.getAll("tags") } });
  return parsed.success ? parsed.data : null;
}
