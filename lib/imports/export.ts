import { z } from "zod";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { csvWriter, jsonWriter, netscapeWriter } from "@/lib/bookmark-files";
import type { Selection } from "@/lib/bulk/queries";
import { savedBookmarkBatches, tagsInFirstUseOrder, type SavedFilter } from "./queries/saved";

export const exportQuerySchema = z.object({
  format: z.enum(["netscape", "csv", "json"], "Choose netscape, csv or json"),
  tagsAsFolders: z
    .enum(["0", "1"])
    .optional()
    .transform((value) => value === "1"),
});

export type ExportQuery = z.output<typeof exportQuerySchema>;

const FILES = {
  netscape: { extension: "html", contentType: "text/html; charset=utf-8" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  json: { extension: "json", contentType: "application/json; charset=utf-8" },
} as const;

async function* netscapeFile(db: Database, workspaceId: string, tagsAsFolders: boolean, only: SavedFilter): AsyncGenerator<string> {
  const writer = netscapeWriter();
  yield writer.head();
  if (!tagsAsFolders || only) {
    for await (const batch of savedBookmarkBatches(db, workspaceId, only)) yield writer.rows(batch);
  } else {
    // Untagged at the top, then a folder per tag holding every bookmark with that tag.
    const untagged: SavedFilter = { untagged: true };
    for await (const batch of savedBookmarkBatches(db, workspaceId, untagged)) yield writer.rows(batch);
    for (const tag of await tagsInFirstUseOrder(db, workspaceId)) {
      yield writer.folderStart(tag);
      for await (const batch of savedBookmarkBatches(db, workspaceId, { tag })) yield writer.folderRows(batch);
      yield writer.folderEnd();
    }
  }
  yield writer.tail();
}

async function* plainFile(db: Database, workspace: Workspace, format: "csv" | "json", only: SavedFilter): AsyncGenerator<string> {
  const writer = format === "csv" ? csvWriter() : jsonWriter({ workspaceName: workspace.name });
  yield writer.head();
  for await (const batch of savedBookmarkBatches(db, workspace.id, only)) yield writer.rows(batch);
  yield writer.tail();
}

/**
 * The workspace's bookmarks (the mirror, without the trash) as a file to download, produced a
 * batch of rows at a time as the reader takes it, so memory stays flat for any number of rows.
 * With a selection (the bulk bar's Export), only its saved bookmarks, as one list.
 */
export function exportWorkspace(
  db: Database,
  workspace: Workspace,
  query: ExportQuery,
  selection?: Selection,
): { body: ReadableStream<Uint8Array>; contentType: string; fileName: string } {
  const only: SavedFilter = selection ? { selection, workspaceId: workspace.id } : undefined;
  const chunks = query.format === "netscape" ? netscapeFile(db, workspace.id, query.tagsAsFolders, only) : plainFile(db, workspace, query.format, only);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pull: the next batch is read from the database only once the reader wants more.
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const file = FILES[query.format];
  const date = new Date().toISOString().slice(0, 10);
  return { body, contentType: file.contentType, fileName: `shelf-bookmarks-${date}.${file.extension}` };
}
