"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTrigger } from "@/components/ui/dialog";
import { resyncEverythingAction } from "./actions";

/** "Resync everything", behind a confirm: it reads every page, which takes a while in a big library. */
export function ResyncDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();

  function confirm() {
    start(async () => {
      const result = await resyncEverythingAction({ workspaceId });
      if (!result.ok) return void toast.error(result.error);
      const { upserted, trashed } = result.data;
      const gone = trashed > 0 ? ` ${trashed.toLocaleString("en")} no longer in Notion went to the trash.` : "";
      toast.success(`Read ${upserted.toLocaleString("en")} bookmark${upserted === 1 ? "" : "s"} again from Notion.${gone}`);
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button>Resync everything…</Button>
      </DialogTrigger>
      <DialogContent title="Read every bookmark again from Notion?">
        <DialogDescription className="text-sm text-muted">
          Shelf reads every page of your Bookmarks database again, instead of only the ones edited since the last sync. Use it
          after changing the database&apos;s properties in Notion. Nothing in Notion changes, and the list keeps its order; with
          thousands of bookmarks it takes a minute or two.
        </DialogDescription>
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button disabled={pending}>Cancel</Button>
          </DialogClose>
          <Button variant="primary" onClick={confirm} disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Resyncing…" : "Resync everything"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
