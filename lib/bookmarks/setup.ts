import type { Database } from "@/db/client";
import type { PropertyMap, Workspace } from "@/db/schema";
import { UserFacingError } from "@/lib/errors";
import { notionForWorkspace } from "@/lib/notion/client";
import {
  addSavedProperty,
  createBookmarksDatabase,
  listCandidateDatabases,
  listParentPages,
  loadDataSource,
  type BookmarksSource,
  type CandidateDatabase,
} from "@/lib/notion/database";
import { notionFailure } from "@/lib/notion/errors";
import { validatePropertyMap } from "@/lib/notion/schema-fit";
import { saveBookmarksSource } from "@/lib/workspaces/queries";

type Context = { db: Database; workspace: Workspace };

export type SetupOptions = { databases: CandidateDatabase[]; parentPages: Array<{ id: string; title: string }> };

async function inNotion<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw notionFailure(error, what) ?? error;
  }
}

/** What the person can choose from: the databases shared with Shelf, and pages to create one under. */
export async function setupOptions({ db, workspace }: Context): Promise<SetupOptions> {
  const notion = notionForWorkspace(db, workspace);
  return inNotion("Shelf could not list your Notion pages.", async () => {
    const [databases, parentPages] = await Promise.all([listCandidateDatabases(notion), listParentPages(notion)]);
    return { databases, parentPages };
  });
}

/**
 * Uses an existing database, after checking (again, on the server) that the mapping fits its
 * schema. With `addSaved`, first adds the Saved date property to it (the person chose that in
 * setup) and maps it.
 */
export async function chooseDatabase(
  { db, workspace }: Context,
  dataSourceId: string,
  chosen: PropertyMap,
  options: { addSaved?: boolean } = {},
): Promise<BookmarksSource> {
  const notion = notionForWorkspace(db, workspace);
  const dataSource = await inNotion("Nothing was changed.", () => loadDataSource(notion, dataSourceId)).catch((error: unknown) => {
    if (error instanceof UserFacingError && error.code === "database_gone") {
      throw new UserFacingError("Shelf can't see that database anymore. Share it with Shelf in Notion, or pick another.", "not_found");
    }
    throw error;
  });
  let propertyMap = chosen;
  let schema = dataSource;
  if (options.addSaved) {
    const saved = await inNotion("Nothing was changed.", () => addSavedProperty(notion, dataSourceId));
    if (!saved) throw new UserFacingError("That database already has a “Saved” property that isn't a date. Pick a date property for the saved date, or none.", "invalid");
    propertyMap = { ...chosen, savedAt: saved };
    schema = await inNotion("Nothing was changed.", () => loadDataSource(notion, dataSourceId));
  }
  const problem = validatePropertyMap(schema, propertyMap);
  if (problem) throw new UserFacingError(problem, "invalid");
  const databaseId = dataSource.parent.type === "database_id" ? dataSource.parent.database_id : dataSourceId;
  const source = { databaseId, dataSourceId, propertyMap };
  await saveBookmarksSource(db, workspace.id, source);
  return source;
}

/** Creates a new Bookmarks database under a page the person shared, and uses it. */
export async function createDatabase({ db, workspace }: Context, parentPageId: string): Promise<BookmarksSource> {
  const notion = notionForWorkspace(db, workspace);
  const source = await inNotion("No database was created.", () => createBookmarksDatabase(notion, parentPageId));
  await saveBookmarksSource(db, workspace.id, source);
  return source;
}
