import { and, asc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { resultRows, type Database } from "@/db/client";
import { bookmarks, type Workspace } from "@/db/schema";
import { csvWriter, jsonWriter, netscapeWriter, type ExportBookmark } from "@/lib/bookmark-files";

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

// Rows read at once: a few hundred KB of text, whatever the size of the workspace.
const BATCH = 1000;

/**
 * The workspace's saved bookmarks (not in the trash) matching `where`, oldest first, a batch at a
 * time: keyset pages on (created_time, id), the order of the created-time index.
 */
async function* savedBookmarks(db: Database, workspaceId: string, where?: SQL): AsyncGenerator<ExportBookmark[]> {
  let after: { createdTime: Date; id: string } | undefined;
  for (;;) {
    const rows = await db
      .select({ id: bookmarks.id, url: bookmarks.url, title: bookmarks.title, description: bookmarks.description, tags: bookmarks.tags, createdTime: bookmarks.createdTime })
      .from(bookmarks)
      .where(
        and(
          eq(bookmarks.workspaceId, workspaceId),
          eq(bookmarks.inTrash, false),
          where,
          after && or(gt(bookmarks.createdTime, after.createdTime), and(eq(bookmarks.createdTime, after.createdTime), gt(bookmarks.id, after.id))),
        ),
      )
      .orderBy(asc(bookmarks.createdTime), asc(bookmarks.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ url: row.url, title: row.title, description: row.description, tags: row.tags, createdTime: row.createdTime.toISOString() }));
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    after = { createdTime: last.createdTime, id: last.id };
  }
}

/**
 * The tags of the workspace's saved bookmarks in the order each first appears (oldest bookmark
 * first), as the Netscape export's folders are ordered. Whitespace-only tags name no folder.
 */
async function tagsInOrder(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db.execute(sql`
    select tag from (
      select distinct on (btrim(t.tag)) btrim(t.tag) as tag, b.created_time, b.id
      from ${bookmarks} b, unnest(b.tags) as t(tag)
      where b.workspace_id = ${workspaceId} and not b.in_trash and btrim(t.tag) <> ''
      order by btrim(t.tag), b.created_time, b.id
    ) first_seen order by created_time, id
  `);
  return resultRows<{ tag: string }>(rows).map((r) => r.tag);
}

async function* netscapeFile(db: Database, workspaceId: string, tagsAsFolders: boolean): AsyncGenerator<string> {
  const writer = netscapeWriter();
  yield writer.head();
  if (!tagsAsFolders) {
    for await (const batch of savedBookmarks(db, workspaceId)) yield writer.rows(batch);
  } else {
    // Untagged at the top, then a folder per tag holding every bookmark with that tag.
    const untagged = sql`not exists (select 1 from unnest(${bookmarks.tags}) as t(tag) where btrim(t.tag) <> '')`;
    for await (const batch of savedBookmarks(db, workspaceId, untagged)) yield writer.rows(batch);
    for (const tag of await tagsInOrder(db, workspaceId)) {
      yield writer.folderStart(tag);
      const tagged = sql`exists (select 1 from unnest(${bookmarks.tags}) as t(tag) where btrim(t.tag) = ${tag})`;
      for await (const batch of savedBookmarks(db, workspaceId, tagged)) yield writer.folderRows(batch);
      yield writer.folderEnd();
    }
  }
  yield writer.tail();
}

async function* plainFile(db: Database, workspace: Workspace, format: "csv" | "json"): AsyncGenerator<string> {
  const writer = format === "csv" ? csvWriter() : jsonWriter({ workspaceName: workspace.name });
  yield writer.head();
  for await (const batch of savedBookmarks(db, workspace.id)) yield writer.rows(batch);
  yield writer.tail();
}

/**
 * The workspace's bookmarks (the mirror, without the trash) as a file to download, produced a
 * batch of rows at a time as the reader takes it, so memory stays flat for any number of rows.
 */
export function exportWorkspace(
  db: Database,
  workspace: Workspace,
  query: ExportQuery,
): { body: ReadableStream<Uint8Array>; contentType: string; fileName: string } {
  const chunks = query.format === "netscape" ? netscapeFile(db, workspace.id, query.tagsAsFolders) : plainFile(db, workspace, query.format);
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
