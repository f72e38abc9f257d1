import "server-only";
import { getDb, type Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { currentUser } from "@/lib/auth/session";
import { findUserWorkspace } from "@/lib/workspaces/queries";

/**
 * For download route handlers: the signed-in person's workspace, or null — a stranger's id, a
 * missing one and no session all answer the same 404.
 */
export async function downloadContext(workspaceId: string): Promise<{ db: Database; workspace: Workspace } | null> {
  const user = await currentUser();
  if (!user) return null;
  const db = await getDb();
  const workspace = await findUserWorkspace(db, user.id, workspaceId);
  return workspace ? { db, workspace } : null;
}

export const notFoundResponse = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A file download: attachment with an ASCII name, never cached. */
export function attachment(body: BodyInit, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
