import { ArrowLeft, Smartphone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireWorkspace } from "@/lib/auth/session";
import { BookmarkletLink } from "./bookmarklet-link";

export const metadata: Metadata = { title: "Save from anywhere" };

/** How to save from other sites: the bookmarklet for desktop browsers, the share sheet on phones. */
export default async function CapturePage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspace } = await requireWorkspace((await params).workspaceId);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Button asChild variant="quiet" className="-ml-2 self-start">
          <Link href={`/w/${workspace.id}/bookmarks`}>
            <ArrowLeft className="size-4" aria-hidden />
            Bookmarks
          </Link>
        </Button>
        <h1 className="text-2xl font-semibold tracking-tight">Save from anywhere</h1>
      </div>
      <Card as="section" aria-labelledby="bookmarklet-heading" className="flex flex-col gap-3">
        <h2 id="bookmarklet-heading" className="font-medium">
          On a computer: the bookmarklet
        </h2>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-muted">
          <li>Show your browser&apos;s bookmarks bar (Ctrl+Shift+B, or ⌘+Shift+B on a Mac).</li>
          <li>Drag the button below onto the bar.</li>
          <li>On any page you want to keep, click “Save to Shelf” in the bar: a small window opens with the page&apos;s address and title, ready to tag and save.</li>
        </ol>
        <BookmarkletLink />
        <p className="text-xs text-muted">
          If your browser blocks the small window, the bookmarklet opens the form in the same tab instead. You choose the
          workspace each time; it starts with the one you used last.
        </p>
      </Card>
      <Card as="section" aria-labelledby="phone-heading" className="flex flex-col gap-3">
        <h2 id="phone-heading" className="flex items-center gap-2 font-medium">
          <Smartphone className="size-4 text-muted" aria-hidden />
          On a phone: the share sheet
        </h2>
        <p className="text-sm text-muted">
          Open Shelf in your phone&apos;s browser and choose “Install app” or “Add to Home screen”. Shelf then appears
          in the share sheet: share any page to Shelf to save it.
        </p>
      </Card>
    </div>
  );
}
