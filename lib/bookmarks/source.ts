import type { Client } from "@notionhq/client";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { ReconnectRequiredError } from "@/lib/notion/client";
import { findTemplateDatabase, type BookmarksSource } from "@/lib/notion/database";
import { describeNotionError } from "@/lib/notion/errors";
import { saveBookmarksSource } from "@/lib/workspaces/queries";

type Context = { db: Database; workspace: Workspace };

/**
 * Where the workspace's bookmarks live. With a template and nothing chosen yet, the duplicated
 * template is looked up once and remembered; null means the person has to set it up.
 */
export async function resolveSource({ db, workspace }: Context, notion: Client): Promise<BookmarksSource | null> {
  if (workspace.status === "reconnect_required") throw new ReconnectRequiredError(workspace.id);
  if (workspace.status === "active" && workspace.databaseId && workspace.dataSourceId && workspace.propertyMap) {
    return { databaseId: workspace.databaseId, dataSourceId: workspace.dataSourceId, propertyMap: workspace.propertyMap };
  }
  if (workspace.databaseId || !workspace.duplicatedTemplateId) return null;
  const found = await findTemplateDatabase(notion, workspace.duplicatedTemplateId).catch((error: unknown) => {
    if (describeNotionError(error)?.kind === "database_gone") return null;
    throw error;
  });
  if (found) await saveBookmarksSource(db, workspace.id, found);
  return found;
}
