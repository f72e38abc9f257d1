import { redirect } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/session";

/** A workspace opens on its bookmarks; checked first so someone else's id stays a 404, not a redirect. */
export default async function WorkspaceHome({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  redirect(`/w/${workspace.id}/bookmarks`);
}
