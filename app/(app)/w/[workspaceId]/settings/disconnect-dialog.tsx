"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTrigger } from "@/components/ui/dialog";
import { disconnectWorkspaceAction } from "./actions";

export function DisconnectDialog({ workspaceId, name }: { workspaceId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();

  function confirm() {
    start(async () => {
      const result = await disconnectWorkspaceAction({ workspaceId });
      if (!result.ok) return void toast.error(result.error);
      if (result.data.revoked) toast.success(`${name} is disconnected. Shelf can no longer reach it.`);
      else
        toast.warning(
          `${name} is disconnected in Shelf, but Notion could not be reached to revoke access. Remove Shelf under Settings → Connections in Notion.`,
        );
      setOpen(false);
      router.push("/");
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="danger">Disconnect…</Button>
      </DialogTrigger>
      <DialogContent title={`Disconnect ${name}?`}>
          <DialogDescription className="text-sm text-muted">
            Shelf revokes its access at Notion and deletes its stored tokens. Your bookmarks stay in your Notion
            database. You can connect this workspace again later.
          </DialogDescription>
          <div className="mt-5 flex justify-end gap-2">
            <DialogClose asChild>
              <Button disabled={pending}>Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={confirm} disabled={pending}>
              {pending ? "Disconnecting…" : "Disconnect"}
            </Button>
          </div>
      </DialogContent>
    </Dialog>
  );
}
