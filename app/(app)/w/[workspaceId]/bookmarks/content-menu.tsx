"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { contentWords } from "@/components/bookmarks/content-words";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription } from "@/components/ui/dialog";
import { SpriteIcon } from "@/components/ui/sprite";
import { IconButton } from "@/components/ui/icon-button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { contentStateAction, saveContentAction } from "@/lib/actions/content";
import type { ContentState } from "@/lib/content/types";

/**
 * A bookmark's readable content: where it stands (asked for when the menu opens, so rows carry
 * nothing of it), Read, and Save content now / Refresh content. The writer never replaces a body
 * edited in Notion on its own; after it stopped for one, replacing needs the person's yes here.
 */
export function ContentMenu({ bookmarkId, readOnly, disabled }: { bookmarkId: string; readOnly: boolean; disabled: boolean }) {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  const [state, setState] = useState<ContentState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();

  const load = () =>
    start(async () => {
      const result = await contentStateAction({ workspaceId, id: bookmarkId });
      if (result.ok) setState(result.data);
      else toast.error(result.error);
    });

  const save = (replaceEdited: boolean) =>
    start(async () => {
      const result = await saveContentAction({ workspaceId, id: bookmarkId, replaceEdited });
      if (!result.ok) return void toast.error(result.error);
      setState(result.data);
      setConfirming(false);
      toast("Shelf is saving the page's content into Notion in the background.");
    });

  const status = state?.status;
  const action =
    readOnly || !state || status === "writing"
      ? null
      : status === "conflict"
        ? { label: "Replace the body in Notion…", run: () => setConfirming(true) }
        : status === "done"
          ? { label: "Refresh content", run: () => save(false) }
          : { label: "Save content now", run: () => save(false) };

  return (
    <>
      <Menu onOpenChange={(open) => open && load()}>
        <MenuTrigger asChild disabled={disabled}>
          <IconButton label="Readable content">
            <SpriteIcon name="book-open" className="size-3.5" />
          </IconButton>
        </MenuTrigger>
        <MenuContent align="end" className="max-w-[min(20rem,calc(100vw-1rem))]" aria-busy={pending || undefined}>
          <MenuLabel className="font-normal" data-testid="content-state">
            {state ? contentWords(state) : "Checking…"}
          </MenuLabel>
          {(status === "done" || action) && <MenuSeparator />}
          {status === "done" && (
            <MenuItem asChild>
              <Link href={`/w/${workspaceId}/read/${bookmarkId}`}>Read</Link>
            </MenuItem>
          )}
          {action && (
            <MenuItem disabled={pending} onSelect={action.run}>
              {action.label}
            </MenuItem>
          )}
        </MenuContent>
      </Menu>
      <Dialog open={confirming} onOpenChange={(open) => !pending && setConfirming(open)}>
        <DialogContent title="Replace the page's body in Notion?" size="sm">
          <DialogDescription className="text-sm text-muted">
            The body of this bookmark&apos;s Notion page has text Shelf did not write, or that was edited in Notion. Replacing deletes all of it and
            writes the article again. This can&apos;t be undone in Shelf.
          </DialogDescription>
          <div className="mt-5 flex justify-end gap-2">
            <DialogClose asChild>
              <Button disabled={pending}>Keep my edits</Button>
            </DialogClose>
            <Button variant="danger" disabled={pending} onClick={() => save(true)}>
              {pending ? "Replacing…" : "Replace"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
