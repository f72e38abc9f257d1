import { BookmarkPlus, SearchX } from "lucide-react";
import Link from "next/link";
import { secondaryButton } from "@/app/_components/button-styles";
import { Kbd } from "@/app/_components/kbd";
import type { ListQuery } from "@/lib/bookmarks/schema";
import { listHref } from "./list-url";

type Props = { workspaceId: string; query: ListQuery; onAdd: () => void };

/** An empty list says why it is empty: nothing saved yet, or nothing matching the filters. */
export function EmptyList({ workspaceId, query, onAdd }: Props) {
  const filtered = query.q !== "" || query.tags.length > 0;
  const box = "flex flex-col items-center gap-2 rounded-lg border border-dashed border-line-strong px-6 py-12 text-center";
  if (filtered || query.cursor) {
    return (
      <div className={box} data-testid="no-results">
        <SearchX className="size-6 text-muted" aria-hidden />
        <p className="font-medium">No bookmarks match</p>
        <p className="max-w-sm text-sm text-muted">
          {query.q ? <>Nothing matches “{query.q}”</> : "Nothing here"}
          {query.tags.length > 0 && <> with the tags {query.tags.join(", ")}</>}.
        </p>
        <Link href={listHref(workspaceId, { sort: query.sort })} className={`${secondaryButton} mt-2`}>
          Clear filters
        </Link>
      </div>
    );
  }
  return (
    <div className={box} data-testid="empty-list">
      <BookmarkPlus className="size-6 text-muted" aria-hidden />
      <p className="font-medium">No bookmarks yet</p>
      <p className="max-w-sm text-sm text-muted">
        Save your first link with the form above. Each bookmark is a page in your Notion database, so it is there too.
      </p>
      <button type="button" onClick={onAdd} className={`${secondaryButton} mt-2`}>
        Add a bookmark <Kbd>n</Kbd>
      </button>
    </div>
  );
}
