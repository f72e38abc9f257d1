import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { bulkStatus } from "@/lib/bulk/service";
import { findUserWorkspace } from "@/lib/workspaces/queries";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });

/** What the bulk bar polls: the workspace's running and recent bulk jobs, and where a move may go. 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const user = await currentUser();
  const db = await getDb();
  const workspace = user ? await findUserWorkspace(db, user.id, (await params).workspaceId) : null;
  if (!user || !workspace) return json({ error: "Not found" }, 404);
  return json(await bulkStatus({ db, workspace, userId: user.id }));
}
