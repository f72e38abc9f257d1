import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { backgroundIdle } from "@/lib/link-metadata/background";
import type { SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark, type NotionBookmark } from "@/lib/notion/mapping";
import { drainOutbox, readyWorkspace } from "@/test/sandbox-workspace";
import { findBookmark } from "@/lib/bookmarks/queries";
import { bookmarkInputSchema } from "@/lib/bookmarks/schema";
import { createBookmark } from "@/lib/bookmarks/service";
import type { Bookmark } from "@/lib/bookmarks/types";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";

/**
 * For the page-metadata tests: a ready sandbox workspace with a worker delivering the outbox, a
 * save as the form does it, and what the mirror and Notion hold once everything has settled.
 */
export function metadataWorkspace(handle: () => DatabaseHandle, admin: () => SandboxAdmin) {
  let workspace: Workspace;
  let worker: Worker;

  beforeAll(async () => {
    ({ workspace } = await readyWorkspace(handle().db, admin(), { person: "ada", workspace: "notebook" }));
    worker = startWorker(handle().db, { pollMs: 20, syncEveryMs: 0 });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  const ctx = () => ({ db: handle().db, workspace });

  return {
    ctx,
    /** Saves like the form: fields left out are empty, so the title is the fallback. */
    save: (fields: { url: string; title?: string; description?: string }) => createBookmark(ctx(), bookmarkInputSchema.parse(fields)),
    /** The bookmark in the mirror and in Notion after the page fetch and the outbox are done. */
    async settled(saved: Bookmark): Promise<{ mirror: Bookmark; notion: NotionBookmark | undefined }> {
      await backgroundIdle();
      await drainOutbox(handle().db);
      const row = (await findBookmark(handle().db, workspace.id, saved.id))!;
      const { pages } = await admin().visibleTo(workspace.botId, workspace.dataSourceId!);
      const page = pages.find((p) => p.id === row.notionPageId);
      return { mirror: { ...saved, title: row.title, description: row.description }, notion: page && pageToBookmark(page, workspace.propertyMap!) };
    },
  };
}
