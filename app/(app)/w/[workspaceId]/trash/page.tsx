import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { listTrash } from "@/lib/bookmarks/trash";
import { TrashList } from "./trash-list";

export const metadata: Metadata = { title: "Trash" };

/** Bookmarks in Notion's trash, whether removed in Shelf or in Notion; restore one or many. */
export default async function TrashPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  const trash = await listTrash({ db: await getDb(), workspace });
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Trash</h1>
        <p className="max-w-2xl text-sm text-muted">
          Bookmarks removed in Shelf or moved to the trash in Notion. Restoring one brings it back in both. Notion empties
          its trash after 30 days.
        </p>
      </div>
      <TrashList workspaceId={workspace.id} trash={trash} />
    </div>
  );
}
