"use client";

import { useParams, useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { IconButton } from "@/components/ui/icon-button";
import { SpriteIcon } from "@/components/ui/sprite";
import { refreshPreviewAction } from "@/lib/actions/link-images";

/** Reads the page again for its site icon and preview; the list refreshes to show them. */
export function RefreshPreviewButton({ bookmarkId, disabled }: { bookmarkId: string; disabled?: boolean }) {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <IconButton
      label="Refresh preview"
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      onClick={() =>
        start(async () => {
          const result = await refreshPreviewAction({ workspaceId, id: bookmarkId });
          if (!result.ok) toast.error(result.error);
          router.refresh();
        })
      }
    >
      <SpriteIcon name="image-up" className="size-3.5" />
    </IconButton>
  );
}
