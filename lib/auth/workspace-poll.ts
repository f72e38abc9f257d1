import { getDb, type Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { findUserWorkspace } from "@/lib/workspaces/queries";
import { currentUser } from "./session";

type Params = { params: Promise<{ workspaceId: string }> };
type Owned = { db: Database; workspace: Workspace; userId: string };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" } });

/**
 * A JSON route an open screen polls for one of the person's workspaces: `answer` runs only for
 * its owner; a stranger's workspace, a missing one and no session all answer 404, never cached.
 */
export function workspacePoll(answer: (owned: Owned) => Promise<unknown>) {
  return async (_request: Request, { params }: Params): Promise<Response> => {
    const user = await currentUser();
    const db = await getDb();
    const workspace = user ? await findUserWorkspace(db, user.id, (await params).workspaceId) : null;
    if (!user || !workspace) return json({ error: "Not found" }, 404);
    return json(await answer({ db, workspace, userId: user.id }));
  };
}
