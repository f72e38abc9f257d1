import "server-only";
import { getServerSession, type Session } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { findUserWorkspace } from "@/lib/workspaces/queries";
import { authOptions } from "./options";

export type SessionUser = Session["user"];

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(await authOptions());
  return session?.user ?? null;
}

/** For pages: the signed-in user, or off to /signin. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

/**
 * For pages under /w/[workspaceId]: the user's workspace, or the same 404 as a missing one.
 * Cached per request: the layout and the page both ask.
 */
export const requireWorkspace = cache(async (workspaceId: string): Promise<{ user: SessionUser; workspace: Workspace }> => {
  const user = await requireUser();
  const workspace = await findUserWorkspace(await getDb(), user.id, workspaceId);
  if (!workspace) notFound();
  return { user, workspace };
});
