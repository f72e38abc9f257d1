// Helpers for the import tests.
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import type { SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { getImport } from "@/lib/imports/service";
import type { ImportView } from "@/lib/imports/types";

/** A file as the upload action hands it to previewImport. */
export function upload(name: string, content: string | Uint8Array) {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const arrayBuffer = async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { name, size: bytes.byteLength, arrayBuffer };
}

/** Waits until the job is completed, or cancelled with nothing left on its way. */
export async function waitForFinish(ctx: { db: Database; workspace: Workspace }, jobId: string, timeoutMs = 60_000): Promise<ImportView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await getImport(ctx, jobId);
    if (view.status === "completed" || (view.status === "cancelled" && view.progress.remaining === 0)) return view;
    if (Date.now() > deadline) throw new Error(`import not finished: ${JSON.stringify(view.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The workspace's bookmarks as Notion holds them, trash left out. */
export async function notionBookmarks(admin: SandboxAdmin, workspace: Workspace) {
  const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
  return pages.map((page) => pageToBookmark(page, workspace.propertyMap!)).filter((b) => !b.inTrash);
}
