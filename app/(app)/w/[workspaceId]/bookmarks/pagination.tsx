import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";
import { listHref } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import type { ListQuery } from "@/lib/bookmarks/schema";

/**
 * Keyset pages of the mirror with the cursor in the URL, so a page can be shared and reloaded:
 * "Previous" and "Next" (docs/decisions/033). No page numbers: counting every row to number pages
 * would cost what keyset paging saves. A previous page that is the first one has no cursor ("").
 */
export function Pagination({ workspaceId, query, nextCursor, prevCursor }: { workspaceId: string; query: ListQuery; nextCursor: string | null; prevCursor: string | null }) {
  if (prevCursor === null && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {prevCursor !== null ? (
        <Button asChild>
          <Link href={listHref(workspaceId, { ...query, cursor: prevCursor || undefined })} rel="prev">
            <ArrowLeft className="size-4" aria-hidden /> Previous page
          </Link>
        </Button>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Button asChild>
          <Link href={listHref(workspaceId, { ...query, cursor: nextCursor })} rel="next">
            Next page <ArrowRight className="size-4" aria-hidden />
          </Link>
        </Button>
      )}
    </nav>
  );
}
