"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { BookmarkForm } from "@/components/bookmarks/bookmark-form";
import { listHref } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { createBookmarkAction } from "@/lib/actions/bookmarks";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Bookmark } from "@/lib/bookmarks/types";
import type { SharedLink } from "@/lib/capture/shared-link";

type WorkspaceOption = { id: string; name: string; needsReconnect: boolean };

type Props = {
  link: SharedLink;
  workspaces: WorkspaceOption[];
  defaultWorkspaceId: string;
  /** Each workspace's tags, so suggestions follow the chosen workspace. */
  tagOptions: Record<string, string[]>;
};

const UNREACHABLE: ActionResult<never> = {
  ok: false,
  error: "Shelf could not be reached. Check your connection; nothing was saved.",
  code: "unavailable",
};

/** /save's form: the bookmark form plus the workspace to save into; then "Saved to …". */
export function SaveForm({ link, workspaces, defaultWorkspaceId, tagOptions }: Props) {
  const [workspaceId, setWorkspaceId] = useState(defaultWorkspaceId);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ workspace: WorkspaceOption; bookmark: Bookmark } | null>(null);
  const workspace = workspaces.find((w) => w.id === workspaceId);

  if (saved) return <Saved workspace={saved.workspace} bookmark={saved.bookmark} />;

  return (
    <div className="flex flex-col gap-3">
      {failure && (
        <div role="alert" className="flex gap-2 rounded-md border border-line-strong bg-warn-bg p-2.5 text-sm text-warn-ink">
          <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>{failure}</p>
        </div>
      )}
      <BookmarkForm
        variant="capture"
        initial={{ url: link.url, title: link.title, description: link.description, tags: [] }}
        tagOptions={tagOptions[workspaceId] ?? []}
        editHref={(id) => listHref(workspaceId, { edit: id })}
        save={async (input, saveAnyway) => {
          const result = await createBookmarkAction({ workspaceId, ...input, saveAnyway }).catch(() => UNREACHABLE);
          // Field errors and "Already saved" show in the form; anything else above it.
          setFailure(result.ok || result.fieldErrors || result.code === "duplicate" ? null : result.error);
          if (result.ok && workspace) setSaved({ workspace, bookmark: result.data });
          return result;
        }}
      >
        <div>
          <label htmlFor="save-workspace" className="mb-1 block text-xs font-medium text-muted">
            Workspace
          </label>
          <select
            id="save-workspace"
            value={workspaceId}
            onChange={(e) => setWorkspaceId(e.target.value)}
            className="w-full rounded-md border border-line-strong bg-canvas px-2 py-1.5 text-sm text-ink"
          >
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.needsReconnect ? " (needs reconnecting)" : ""}
              </option>
            ))}
          </select>
        </div>
      </BookmarkForm>
    </div>
  );
}

function Saved({ workspace, bookmark }: { workspace: WorkspaceOption; bookmark: Bookmark }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Only a window a script opened (the bookmarklet's popup) may close itself. This screen only
  // ever renders in the browser, after a save.
  const [closable] = useState(() => typeof window !== "undefined" && window.opener !== null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <Card tone="raised" padding="sm" role="status" className="flex flex-col items-start gap-3" data-testid="saved">
      <h2 ref={heading} tabIndex={-1} className="flex items-center gap-2 font-semibold outline-none">
        <CircleCheck className="size-5 text-accent" aria-hidden />
        Saved to {workspace.name}
      </h2>
      <p className="break-words text-sm text-muted">“{bookmark.title}” is on its way to your Notion database.</p>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="primary">
          <Link href={`/w/${workspace.id}/bookmarks`}>
            Open Shelf
          </Link>
        </Button>
        {closable && (
          <Button onClick={() => window.close()}>
            Close
          </Button>
        )}
      </div>
    </Card>
  );
}
