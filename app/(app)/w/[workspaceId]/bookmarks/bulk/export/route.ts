import { selectionFromSearchParams } from "@/lib/bulk/schema";
import { attachment, downloadContext, notFoundResponse } from "@/lib/imports/download";
import { exportQuerySchema, exportWorkspace } from "@/lib/imports/export";

const badRequest = (message: string) => new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The bulk bar's Export: the selection's bookmarks (?ids=… or ?q=&tags=…) as Netscape HTML, CSV or JSON. */
export async function GET(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const ctx = await downloadContext((await params).workspaceId);
  if (!ctx) return notFoundResponse();
  const search = new URL(request.url).searchParams;
  const query = exportQuerySchema.safeParse({ format: search.get("format") ?? undefined });
  if (!query.success) return badRequest(query.error.issues[0]?.message ?? "Choose an export format");
  const selection = selectionFromSearchParams(search);
  if (!selection) return badRequest("Select some bookmarks to export");
  const file = exportWorkspace(ctx.db, ctx.workspace, query.data, selection);
  return attachment(file.body, file.contentType, file.fileName);
}
