import { BookmarkPlus, SearchX } from "lucide-react";
import Link from "next/link";
import { listHref } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import type { ListQuery } from "@/lib/bookmarks/schema";

type Props = { workspaceId: string; query: ListQuery; onAdd: () => void };

/** An empty list says why it is empty: nothing saved yet, or nothing matching the filters. */
export function EmptyList({ workspaceId, query, onAdd }: Props) {
  const filtered = query.q !== "" || query.tags.length > 0;
  if (filtered || query.cursor) {
    return (
      <EmptyState
        icon={SearchX}
        title="No bookmarks match"
        data-testid="no-results"
        action={
          <Button asChild>
            <Link href={listHref(workspaceId, { sort: query.sort })}>Clear filters</Link>
          </Button>
        }
      >
        {query.q ? <>Nothing matches “{query.q}”</> : "Nothing here"}
        {query.tags.length > 0 && <> with the tags {query.tags.join(", ")}</>}.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={BookmarkPlus}
      title="No bookmarks yet"
      data-testid="empty-list"
      action={
        <Button onClick={onAdd}>
          Add a bookmark <Kbd>n</Kbd>
        </Button>
      }
    >
      Paste your first link above. Each bookmark is a page in your Notion database, so it is there too.
    </EmptyState>
  );
}
