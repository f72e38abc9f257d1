import { CloudOff, DatabaseZap, FileQuestion, KeyRound, LibraryBig, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export type ScreenKind = "needs_setup" | "database_gone" | "reconnect_required" | "unavailable" | "page_expired" | "failed";

type Screen = { icon: LucideIcon; title: string; body: string; action?: { label: string; href: string } };

function describe(kind: ScreenKind, { workspaceId, message, retryHref, firstPageHref }: ScreenProps): Screen {
  const setup = `/w/${workspaceId}/setup`;
  switch (kind) {
    case "needs_setup":
      return {
        icon: LibraryBig,
        title: "Choose where your bookmarks live",
        body: "Shelf keeps your bookmarks in a Notion database in this workspace. Pick one you shared with Shelf, or let Shelf create it.",
        action: { label: "Set up your Bookmarks database", href: setup },
      };
    case "database_gone":
      return {
        icon: DatabaseZap,
        title: "Your Bookmarks database is gone",
        body: "It was deleted, unshared or changed in Notion. Restore it there, or choose the database Shelf should use from now on.",
        action: { label: "Choose a database", href: setup },
      };
    case "reconnect_required":
      return {
        icon: KeyRound,
        title: "Shelf can't reach this workspace right now",
        body: "Notion no longer accepts Shelf's access, so your bookmarks can't be shown here. They are safe in Notion; reconnect above to see them again.",
      };
    case "unavailable":
      return { icon: CloudOff, title: "Notion isn't answering", body: message, action: { label: "Try again", href: retryHref } };
    case "page_expired":
      return {
        icon: FileQuestion,
        title: "This page of results has expired",
        body: "Links to later pages only last a while. Start again from the first page.",
        action: { label: "Go to the first page", href: firstPageHref },
      };
    case "failed":
      return { icon: CloudOff, title: "Your bookmarks could not be loaded", body: message, action: { label: "Try again", href: retryHref } };
  }
}

type ScreenProps = { workspaceId: string; message: string; retryHref: string; firstPageHref: string };

/** Every way the dashboard can fail to show a list: what happened, and the one next step. */
export function StateScreen({ kind, ...props }: ScreenProps & { kind: ScreenKind }) {
  const { icon, title, body, action } = describe(kind, props);
  return (
    <EmptyState
      icon={icon}
      title={title}
      titleAs="h2"
      titleId="state-title"
      data-testid={`state-${kind}`}
      tone="plain"
      className="mx-auto mt-6 w-full max-w-md"
      action={
        action && (
          <Button asChild variant="primary">
            <Link href={action.href}>{action.label}</Link>
          </Button>
        )
      }
    >
      <p>{body}</p>
    </EmptyState>
  );
}
