import { ArrowLeft, CopyCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BackToBookmarks } from "@/components/bookmarks/back-to-bookmarks";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { listDuplicates } from "@/lib/bookmarks/duplicates";
import { DuplicateGroupCard } from "./duplicate-group";

export const metadata: Metadata = { title: "Duplicates" };

/** Links saved more than once (same address after normalizing), to merge one group at a time. */
export default async function DuplicatesPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  const groups = await listDuplicates({ db: await getDb(), workspace });
  const bookmarksHref = `/w/${workspace.id}/bookmarks`;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <Button asChild variant="quiet" className="-ml-2 self-start">
          <Link href={bookmarksHref}>
            <ArrowLeft className="size-4" aria-hidden />
            Bookmarks
          </Link>
        </Button>
        <h1 className="text-2xl font-semibold tracking-tight">Duplicates</h1>
        <p className="max-w-2xl text-sm text-muted">
          Links saved more than once — the same address, ignoring differences like a trailing slash, “www.”, letter case
          in the host or tracking parameters. Merging keeps one bookmark with the tags of all of them and moves the
          others to the trash in Notion.
        </p>
      </div>
      {groups.length === 0 ? (
        <EmptyState icon={CopyCheck} title="No duplicates" titleAs="h2" data-testid="no-duplicates" action={<BackToBookmarks workspaceId={workspace.id} />}>
          Every link in this workspace is saved once.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-4" aria-label="Duplicate groups">
          {groups.map((group) => (
            <li key={group.normalizedUrl}>
              <DuplicateGroupCard workspaceId={workspace.id} group={group} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
