// Tag management (the tag screen): rename, merge and delete a tag across every bookmark with the
// fewest Notion calls. Notion's options are referenced by id, so one data source update renames an
// option on every page, or removes it from every page; only a merge, which Notion can't do to an
// option, edits pages, through the outbox (docs/decisions/032).
import { z } from "zod";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { log } from "@/lib/log";
import { notionForWorkspace } from "@/lib/notion/client";
import { notionFailure } from "@/lib/notion/errors";
import { readTagOptions, writeTagOptions, type TagOption } from "@/lib/notion/tag-options";
import { queueTagMerge, replaceTagEverywhere, tagCounts, tagInUse, type TagCount } from "./queries";
import { tagSchema } from "./schema";
import { byUse, mostUsed } from "./tag-ranking";
import { resolveSource } from "./source";
import { isSyncing, syncSettled } from "./sync";
import { mergeSuggestions } from "./tag-variants";
import { kickWorker } from "./worker";

type Context = { db: Database; workspace: Workspace };

const existingTag = z.string({ error: "Choose a tag" }).min(1, "Choose a tag");

// Field shapes exported for the actions, which add the workspace id.
export const renameTagFields = { from: existingTag, to: tagSchema };
// `into` is checked like any tag: its name goes to Notion on every page merged into it.
export const mergeTagFields = { from: existingTag, into: tagSchema };
export const deleteTagFields = { tag: existingTag };
const INTO_ITSELF = "A tag can't be merged into itself. Choose another tag.";
/** A merge names two different tags. */
export const notIntoItself: [(input: { from: string; into: string }) => boolean, { message: string; path: string[] }] = [
  (input) => input.from !== input.into,
  { message: INTO_ITSELF, path: ["into"] },
];

export const renameTagSchema = z.object(renameTagFields);
export const mergeTagSchema = z.object(mergeTagFields).refine(...notIntoItself);
export const deleteTagSchema = z.object(deleteTagFields);

export type TagRow = TagCount & { variants: string[] };

/** Every tag outside the trash with its count, and the spellings it could be merged into. */
export async function listTagRows(ctx: Context): Promise<TagRow[]> {
  const counts = await tagCounts(ctx.db, ctx.workspace.id);
  const suggestions = mergeSuggestions(counts);
  return counts.map((row) => ({ ...row, variants: (suggestions.get(row.tag) ?? []).map((v) => v.tag) }));
}

/** How many tags the dashboard's sidebar lists before "Show all": enough to find the usual ones, few enough to keep the page small. */
export const SIDEBAR_TAGS = 30;

/** The dashboard sidebar's tags (the most used, and the filter's own), from the mirror. */
export async function sidebarTags(ctx: Context, chosen: readonly string[]): Promise<{ tags: TagCount[]; total: number }> {
  return mostUsed(await tagCounts(ctx.db, ctx.workspace.id), SIDEBAR_TAGS, chosen);
}

/** Every tag, most used first: the sidebar's "Show all". */
export async function allTagsByUse(ctx: Context): Promise<TagCount[]> {
  return byUse(await tagCounts(ctx.db, ctx.workspace.id));
}

/** What a change did: in place in Notion (`renamed`, `deleted`), or page by page (`merged`, queued). */
export type TagChangeResult = { outcome: "renamed" | "merged" | "deleted"; bookmarks: number };

type NotionSide = { options: TagOption[]; write: (changes: Map<string, { rename: string } | "remove">) => Promise<void> };

/** The Tags property's options as Notion has them now (one call), and the one way to change them. */
async function notionSide(ctx: Context, what: string): Promise<NotionSide> {
  const notion = notionForWorkspace(ctx.db, ctx.workspace);
  try {
    const source = await resolveSource(ctx, notion);
    if (!source) throw new UserFacingError("Choose the Notion database for your bookmarks first.", "needs_setup");
    if (!source.propertyMap.tags) throw new UserFacingError("Your Bookmarks database has no tags property.", "invalid");
    const options = await readTagOptions(notion, source);
    return {
      options,
      write: async (changes) => {
        try {
          await writeTagOptions(notion, source, options, changes);
        } catch (error) {
          throw notionFailure(error, what) ?? error;
        }
      },
    };
  } catch (error) {
    throw notionFailure(error, what) ?? error;
  }
}

/**
 * Notion's rename or delete leaves the pages' edit times alone, so a sync of this process that read
 * pages before the change would write the old name back when it lands. Once such a sync is over,
 * the mirror's change is applied again (it only touches rows still carrying the old name). Nobody
 * waits for this: the person's change is done, and a failure is only logged.
 */
function reapplyAfterRunningSync(ctx: Context, from: string, to: string | null): void {
  if (!isSyncing(ctx.workspace.id)) return;
  void syncSettled(ctx.workspace.id)
    .then(() => ctx.db.transaction((tx) => replaceTagEverywhere(tx, ctx.workspace.id, from, { mirror: to, outbox: to })))
    .catch((error: unknown) => log.warn({ err: error, workspaceId: ctx.workspace.id }, "tag change not re-applied after a sync"));
}

async function requireInUse(ctx: Context, tag: string, options: readonly TagOption[]): Promise<void> {
  if (options.some((o) => o.name === tag) || (await tagInUse(ctx.db, ctx.workspace.id, tag))) return;
  throw new UserFacingError(`No bookmark has the tag “${tag}” any more.`, "not_found");
}

/**
 * Renames a tag. In place when no option has the new name yet: one call renames it on every page,
 * and the mirror follows. Onto a name that exists (even in another case, as Notion's names are
 * case-sensitive), it is a merge.
 */
export async function renameTag(ctx: Context, input: z.output<typeof renameTagSchema>): Promise<TagChangeResult> {
  const { from, to } = input;
  if (from === to) throw new UserFacingError("That is already the tag's name.", "invalid", { to: "That is already the tag's name." });
  const notion = await notionSide(ctx, "Shelf could not rename the tag in Notion.");
  await requireInUse(ctx, from, notion.options);
  if (notion.options.some((o) => o.name === to) || (await tagInUse(ctx.db, ctx.workspace.id, to))) return merge(ctx, notion, from, to);
  const option = notion.options.find((o) => o.name === from);
  // A tag only on bookmarks not yet in Notion has no option: their queued writes carry the new name.
  if (option) await notion.write(new Map([[option.id, { rename: to }]]));
  const changed = await ctx.db.transaction((tx) => replaceTagEverywhere(tx, ctx.workspace.id, from, { mirror: to, outbox: to }));
  reapplyAfterRunningSync(ctx, from, to);
  return { outcome: "renamed", bookmarks: changed };
}

/** Merges `from` into `into`: every bookmark with `from` carries `into` instead. */
export async function mergeTag(ctx: Context, input: z.output<typeof mergeTagSchema>): Promise<TagChangeResult> {
  // Also refused here, not only by the schema: merging a tag into itself would remove its option,
  // and with it the tag from every page in Notion.
  if (input.from === input.into) throw new UserFacingError(INTO_ITSELF, "invalid", { into: INTO_ITSELF });
  const notion = await notionSide(ctx, "Shelf could not merge the tags in Notion.");
  await requireInUse(ctx, input.from, notion.options);
  return merge(ctx, notion, input.from, input.into);
}

/**
 * Notion can't merge options, so each page outside the trash carrying `from` is edited once
 * through the outbox (its whole tag list, `into` instead of `from`), queued in one transaction
 * with the mirror. Then `from` is removed from the data source (one call): pages the outbox has not
 * reached yet lose it a little early and get `into` when their write arrives; trashed pages, which
 * Notion won't edit, just lose it, and the mirror says so too.
 */
async function merge(ctx: Context, notion: NotionSide, from: string, into: string): Promise<TagChangeResult> {
  const queued = await ctx.db.transaction(async (tx) => {
    const count = await queueTagMerge(tx, ctx.workspace.id, from, into);
    await replaceTagEverywhere(tx, ctx.workspace.id, from, { mirror: null, outbox: into });
    return count;
  });
  kickWorker();
  const option = notion.options.find((o) => o.name === from);
  // The pages are right either way once the outbox is done; a failed removal only leaves an option
  // no page uses, which Shelf does not list (the tag screen reads the mirror).
  if (option) await notion.write(new Map([[option.id, "remove"]])).catch((error: unknown) => log.warn({ err: error, workspaceId: ctx.workspace.id }, "merged tag's option not removed"));
  return { outcome: "merged", bookmarks: queued };
}

/** Deletes a tag: one call removes the option from every page in Notion; the mirror follows. */
export async function deleteTag(ctx: Context, input: z.output<typeof deleteTagSchema>): Promise<TagChangeResult> {
  const notion = await notionSide(ctx, "Shelf could not delete the tag in Notion.");
  await requireInUse(ctx, input.tag, notion.options);
  const option = notion.options.find((o) => o.name === input.tag);
  if (option) await notion.write(new Map([[option.id, "remove"]]));
  const changed = await ctx.db.transaction((tx) => replaceTagEverywhere(tx, ctx.workspace.id, input.tag, { mirror: null, outbox: null }));
  reapplyAfterRunningSync(ctx, input.tag, null);
  return { outcome: "deleted", bookmarks: changed };
}
