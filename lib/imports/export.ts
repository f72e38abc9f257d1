import { z } from "zod";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { toCsv, toJson, toNetscapeHtml } from "@/lib/bookmark-files";
import { exportableBookmarks } from "./queries";

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

/** The workspace's bookmarks (the mirror, without the trash) as a file to download. */
export async function exportWorkspace(
  db: Database,
  workspace: Workspace,
  query: ExportQuery,
): Promise<{ body: string; contentType: string; fileName: string }> {
  const items = await exportableBookmarks(db, workspace.id);
  const body =
    query.format === "netscape"
      ? toNetscapeHtml(items, { tagsAsFolders: query.tagsAsFolders })
      : query.format === "csv"
        ? toCsv(items)
        : toJson(items, { workspaceName: workspace.name });
  const file = FILES[query.format];
  const date = new Date().toISOString().slice(0, 10);
  return { body, contentType: file.contentType, fileName: `shelf-bookmarks-${date}.${file.extension}` };
}
