import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { listMirror, listTags } from "./queries";
import { listQuerySchema } from "./schema";
import type { Bookmark } from "./types";

/** As many as fit the palette without scrolling on a laptop. */
export const PALETTE_RESULTS = 8;
// A word can start several tags ("de" → design, devops); a few cover what a person means.
const TAGS_SEARCHED = 3;

/**
 * The command palette's bookmarks for what was typed: the list's own search (title, URL and
 * description, word prefixes), then bookmarks carrying a tag that contains the text, so "desig"
 * finds everything tagged `design`. Only the mirror is read; Notion is never asked.
 */
export async function findForPalette({ db, workspace }: { db: Database; workspace: Workspace }, typed: string): Promise<Bookmark[]> {
  const query = listQuerySchema.parse({ q: typed });
  if (!query.q) return [];
  const needle = query.q.toLowerCase();
  const tags = (await listTags(db, workspace.id)).filter((tag) => tag.toLowerCase().includes(needle)).slice(0, TAGS_SEARCHED);
  const pages = await Promise.all([
    listMirror(db, workspace.id, query, PALETTE_RESULTS),
    ...tags.map((tag) => listMirror(db, workspace.id, { ...query, q: "", tags: [tag] }, PALETTE_RESULTS)),
  ]);
  const seen = new Set<string>();
  return pages
    .flatMap((page) => page.items)
    .filter((bookmark) => !seen.has(bookmark.id) && Boolean(seen.add(bookmark.id)))
    .slice(0, PALETTE_RESULTS);
}
