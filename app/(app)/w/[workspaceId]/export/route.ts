import { attachment, downloadContext, notFoundResponse } from "@/lib/imports/download";
import { exportQuerySchema, exportWorkspace } from "@/lib/imports/export";

/** The workspace's bookmarks as Netscape HTML, CSV or JSON (?format=…&tagsAsFolders=1). */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const ctx = await downloadContext((await params).workspaceId);
  if (!ctx) return notFoundResponse();
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return new Response(query.error.issues[0]?.message ?? "Choose an export format", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const file = exportWorkspace(ctx.db, ctx.workspace, query.data);
  return attachment(file.body, file.contentType, file.fileName);
}
