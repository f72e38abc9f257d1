import { Suspense } from "react";
import { getDb } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { sidebarTags } from "@/lib/bookmarks/tags";
import type { ListQuery } from "@/lib/bookmarks/schema";
import { log } from "@/lib/log";
import { Skeleton } from "@/components/ui/skeleton";
import { TagPanel } from "./tag-panel";

type Props = { workspace: Workspace; query: ListQuery };

/**
 * The tag sidebar, streamed: the list is sent first and never waits for the counts (secondary
 * data behind its own Suspense boundary).
 */
export function TagSidebar(props: Props) {
  return (
    <Suspense
      fallback={
        <div className="absolute left-0 top-0 hidden w-48 flex-col gap-2 px-2 lg:flex" data-testid="tag-sidebar-loading">
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} className="h-5" />
          ))}
        </div>
      }
    >
      <Tags {...props} />
    </Suspense>
  );
}

async function Tags({ workspace, query }: Props) {
  const counted = await sidebarTags({ db: await getDb(), workspace }, query.tags).catch((error: unknown) => {
    // The list above already shows; a sidebar that failed to count leaves the toolbar's tag menu to filter.
    log.warn({ err: error, workspaceId: workspace.id }, "tag sidebar failed");
    return null;
  });
  return counted && <TagPanel workspaceId={workspace.id} query={query} tags={counted.tags} total={counted.total} />;
}
