import { and, eq } from "drizzle-orm";
import { bookmarks } from "@/db/schema";

/** Every bookmark query is scoped to one workspace: that condition is where ownership is enforced. */
export const inWorkspace = (workspaceId: string) => eq(bookmarks.workspaceId, workspaceId);

/** The workspace's bookmarks outside the trash: what the person sees as saved. */
export const savedIn = (workspaceId: string) => and(inWorkspace(workspaceId), eq(bookmarks.inTrash, false))!;
