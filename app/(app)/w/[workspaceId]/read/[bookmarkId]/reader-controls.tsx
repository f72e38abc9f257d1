"use client";

import { useParams, useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { usePolling } from "@/components/bookmarks/use-polling";
import { Button } from "@/components/ui/button";
import { saveContentAction } from "@/lib/actions/content";

/** While the content is queued or being written, the view reloads itself until it is there. */
export function ContentPending() {
  usePolling(true, 2000);
  return null;
}

export function SaveContentButton({ bookmarkId }: { bookmarkId: string }) {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="primary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await saveContentAction({ workspaceId, id: bookmarkId, replaceEdited: false });
          if (!result.ok) return void toast.error(result.error);
          router.refresh();
        })
      }
    >
      {pending ? "Asking…" : "Save content now"}
    </Button>
  );
}
