import type { Metadata } from "next";
import { cookies } from "next/headers";
import { listHref } from "@/components/bookmarks/list-url";
import { getDb, type Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { requireWorkspace } from "@/lib/auth/session";
import { DENSITY_COOKIE, parseDensity } from "@/lib/bookmarks/density";
import { duplicateCount } from "@/lib/bookmarks/duplicates";
import { findBookmark, toBookmark } from "@/lib/bookmarks/queries";
import { bookmarkIdSchema, listQuerySchema, type ListQuery } from "@/lib/bookmarks/schema";
import { listBookmarks } from "@/lib/bookmarks/service";
import { toListed } from "@/lib/bookmarks/types";
import { searchSnippets } from "@/lib/content/service";
import { UserFacingError } from "@/lib/errors";
import { imagesOfBookmarks } from "@/lib/link-images/queries";
import { BookmarksView } from "./bookmarks-view";
import { FirstFill } from "./first-fill";
import { PageTitle } from "./page-title";
import { StateScreen, type ScreenKind } from "./state-screens";
import { TagSidebar } from "./tag-sidebar";

export const metadata: Metadata = { title: "Bookmarks" };

function screenFor(error: UserFacingError, workspace: Workspace, query: ListQuery): ScreenKind {
  switch (error.code) {
    case "needs_setup":
      // A database chosen before and then lost keeps its ids (markNeedsSetup), so it can be named as gone.
      return workspace.databaseId ? "database_gone" : "needs_setup";
    case "database_gone":
    case "reconnect_required":
      return error.code;
    case "busy":
    case "unavailable":
      return "unavailable";
    case "invalid":
      // Notion refuses a cursor it no longer knows; the rest of the view is still good.
      return query.cursor ? "page_expired" : "failed";
    default:
      return "failed";
  }
}

export default async function BookmarksPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  const search = await searchParams;
  const query = listQuerySchema.parse(search);
  const db = await getDb();

  let outcome: { list: Awaited<ReturnType<typeof listBookmarks>> } | { failure: UserFacingError };
  try {
    outcome = { list: await listBookmarks({ db, workspace }, query) };
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    outcome = { failure: error };
  }

  if ("list" in outcome) {
    const { list } = outcome;
    if (list.sync.progress !== null && list.items.length === 0) {
      return (
        <div className="flex flex-col gap-5">
          <PageTitle />
          <FirstFill rows={list.sync.progress} />
        </div>
      );
    }
    const ids = list.items.map((item) => item.id);
    const [editTarget, duplicates, images, snippets] = await Promise.all([
      bookmarkToEdit(db, workspace.id, search.edit),
      duplicateCount({ db, workspace }),
      imagesOfBookmarks(db, workspace.id, ids),
      searchSnippets({ db, workspace }, ids, query.q),
    ]);
    return (
      <BookmarksView
        workspaceId={workspace.id}
        query={query}
        items={list.items.map(toListed)}
        nextCursor={list.nextCursor}
        prevCursor={list.prevCursor}
        tagOptions={list.tagOptions}
        tagCounts={list.tagCounts}
        sync={list.sync}
        readOnly={list.readOnly}
        density={parseDensity((await cookies()).get(DENSITY_COOKIE)?.value)}
        images={images}
        snippets={snippets}
        editTarget={list.readOnly ? null : editTarget}
        duplicates={duplicates}
        matches={list.matches}
        tagSidebar={<TagSidebar workspace={workspace} query={query} />}
      />
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <PageTitle />
      <StateScreen
        kind={screenFor(outcome.failure, workspace, query)}
        workspaceId={workspace.id}
        message={outcome.failure.message}
        retryHref={listHref(workspace.id, query)}
        firstPageHref={listHref(workspace.id, { ...query, cursor: undefined })}
      />
    </div>
  );
}

/** ?edit=id: that bookmark of this workspace, unless it is gone or in the trash (then no dialog). */
async function bookmarkToEdit(db: Database, workspaceId: string, raw: unknown) {
  const id = bookmarkIdSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const row = id.success ? await findBookmark(db, workspaceId, id.data) : null;
  return row && !row.inTrash ? toListed(toBookmark(row)) : null;
}
