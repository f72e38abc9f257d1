import { TriangleAlert } from "lucide-react";
import { SignInButton } from "./sign-in-button";

/** Shown on every screen of a workspace whose Notion access ended. */
export function ReconnectBanner({ workspaceId, name }: { workspaceId: string; name: string | null }) {
  return (
    <div role="alert" className="border-b border-line bg-warn-bg text-warn-ink">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-3 text-sm sm:px-6">
        <TriangleAlert className="size-4 shrink-0" aria-hidden />
        <p className="flex-1">
          Notion no longer accepts Shelf&apos;s access to <strong>{name ?? "this workspace"}</strong>. Reconnect it to
          keep saving bookmarks; nothing you saved is lost.
        </p>
        <SignInButton callbackUrl={`/w/${workspaceId}`} variant="secondary">
          Reconnect
        </SignInButton>
      </div>
    </div>
  );
}
