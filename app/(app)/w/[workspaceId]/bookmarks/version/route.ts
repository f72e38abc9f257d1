import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { listVersion } from "@/lib/bookmarks/service";
import { findUserWorkspace } from "@/lib/workspaces/queries";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });

/**
 * What an open dashboard polls: the list's version, a few bytes, so it re-renders only when
 * something changed. A stranger's workspace, a missing one and no session all answer 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const user = await currentUser();
  const db = await getDb();
  const workspace = user ? await findUserWorkspace(db, user.id, (await params).workspaceId) : null;
  if (!workspace) return json({ error: "Not found" }, 404);
  return json({ version: await listVersion({ db, workspace }) });
}
