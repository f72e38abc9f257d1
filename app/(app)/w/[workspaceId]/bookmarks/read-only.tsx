import { DatabaseZap } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * The database the bookmarks lived in is gone or unshared: the list below is what Shelf last saw,
 * kept visible, and the way on is to choose a database again. (A revoked workspace has the
 * Reconnect banner of the layout instead.)
 */
export function DatabaseGoneBanner({ workspaceId }: { workspaceId: string }) {
  return (
    <div role="status" data-testid="read-only-banner" className="flex flex-wrap items-center gap-3 rounded-md bg-warn-bg px-3 py-2 text-sm text-warn-ink">
      <DatabaseZap className="size-4 shrink-0" aria-hidden />
      <p className="min-w-0 flex-1">
        Notion no longer shows Shelf your Bookmarks database. These are the bookmarks Shelf last saw, read-only; choose a
        database to keep saving.
      </p>
      <Button asChild size="sm" className="h-8">
        <Link href={`/w/${workspaceId}/setup`}>Choose a database</Link>
      </Button>
    </div>
  );
}
