import { ArrowLeftToLine, ArrowRight } from "lucide-react";
import Link from "next/link";
import { listHref } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import type { ListQuery } from "@/lib/bookmarks/schema";

/**
 * Notion pages with opaque forward-only cursors, so the URL carries the current cursor: "Next"
 * moves on, "First page" starts over. No page numbers: Notion doesn't say how many there are.
 */
export function Pagination({ workspaceId, query, nextCursor }: { workspaceId: string; query: ListQuery; nextCursor: string | null }) {
  if (!query.cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {query.cursor ? (
        <Button asChild>
          <Link href={listHref(workspaceId, { ...query, cursor: undefined })}>
            <ArrowLeftToLine className="size-4" aria-hidden /> First page
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Button asChild>
          <Link href={listHref(workspaceId, { ...query, cursor: nextCursor })}>
            Next page <ArrowRight className="size-4" aria-hidden />
          </Link>
        </Button>
      )}
    </nav>
  );
}
