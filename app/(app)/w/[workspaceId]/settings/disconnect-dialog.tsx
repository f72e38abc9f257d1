"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { dangerButton, secondaryButton } from "@/app/_components/button-styles";
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
    <Dialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <Dialog.Trigger className={dangerButton}>Disconnect…</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-line bg-raised p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Disconnect {name}?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-muted">
            Shelf revokes its access at Notion and deletes its stored tokens. Your bookmarks stay in your Notion
            database. You can connect this workspace again later.
          </Dialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close className={secondaryButton} disabled={pending}>
              Cancel
            </Dialog.Close>
            <button type="button" className={dangerButton} onClick={confirm} disabled={pending}>
              {pending ? "Disconnecting…" : "Disconnect"}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
