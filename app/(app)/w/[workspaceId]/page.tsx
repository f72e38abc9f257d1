import { requireWorkspace } from "@/lib/auth/session";

export default async function WorkspaceHome({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="workspace-heading">
        {workspace.name ?? "Untitled workspace"}
      </h1>
      <p className="text-muted">
        {workspace.duplicatedTemplateId
          ? "Connected with Shelf's Bookmarks template."
          : "Connected with the pages you chose in Notion."}
      </p>
    </div>
  );
}
