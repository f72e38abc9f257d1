import { X } from "lucide-react";
import Link from "next/link";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import type { ListQuery } from "@/lib/bookmarks/schema";

/** The tags the list is filtered by, each removable, as plain links so they work without JavaScript. */
export function ActiveFilters({ workspaceId, query }: { workspaceId: string; query: ListQuery }) {
  if (query.tags.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-muted">Tagged</span>
      {query.tags.map((tag) => (
        <Link
          key={tag}
          href={listHref(workspaceId, withTagToggled(query, tag))}
          aria-label={`Remove filter ${tag}`}
          className="inline-flex max-w-full items-center gap-1 rounded border border-line-strong bg-raised px-1.5 py-0.5 text-ink hover:bg-surface"
        >
          <span className="truncate">{tag}</span>
          <X className="size-3 text-muted" aria-hidden />
        </Link>
      ))}
      <Link href={listHref(workspaceId, { sort: query.sort })} className="ml-1 text-muted underline-offset-2 hover:text-ink hover:underline">
        Clear filters
      </Link>
    </div>
  );
}
