import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { listTagRows } from "@/lib/bookmarks/tags";
import { TagsManager } from "./tags-manager";

export const metadata: Metadata = { title: "Tags" };

/** Every tag with its count: rename, merge and delete, each reaching Notion with the fewest calls. */
export default async function TagsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  const tags = await listTagRows({ db: await getDb(), workspace });
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Tags</h1>
        <p className="max-w-2xl text-sm text-muted">
          Rename, merge or delete a tag on every bookmark at once. Renames and deletes change the tag in Notion in one step;
          merges update each bookmark in Notion in the background.
        </p>
      </div>
      <TagsManager workspaceId={workspace.id} tags={tags} />
    </div>
  );
}
