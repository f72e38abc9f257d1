import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The way back from a workspace's side screens (tags, trash, duplicates) when they have nothing to show. */
export function BackToBookmarks({ workspaceId }: { workspaceId: string }) {
  return (
    <Button asChild variant="primary">
      <Link href={`/w/${workspaceId}/bookmarks`}>Back to bookmarks</Link>
    </Button>
  );
}
