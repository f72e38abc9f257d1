"use client";

import { CircleAlert, CloudUpload, Loader2, Pencil, SquareArrowOutUpRight, Trash2 } from "lucide-react";
import Link from "next/link";
import { safeHref } from "@/components/bookmarks/safe-href";
import { ContentSnippet } from "@/components/bookmarks/content-snippet";
import { SavedDate } from "@/components/bookmarks/saved-date";
import { SiteIcon } from "@/components/bookmarks/site-icon";
import { Badge, badgeVariants } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IconButton } from "@/components/ui/icon-button";
import type { Density } from "@/lib/bookmarks/density";
import type { Bookmark } from "@/lib/bookmarks/types";
import { displayHost } from "@/lib/bookmarks/url";
import type { ImageSources } from "@/lib/link-images/types";
import { ContentMenu } from "./content-menu";
import { RefreshPreviewButton } from "./refresh-preview";

/** Shown in the list before Shelf has even answered; it has no id to act on yet. */
export const LOCAL_ID_PREFIX = "local-";
export const isLocal = (bookmark: Bookmark) => bookmark.id.startsWith(LOCAL_ID_PREFIX);

type Resolve = (decision: "retry" | "discard") => void;

/** Where the bookmark stands on its way to Notion, when that is worth a word. */
export function SyncNote({ bookmark, onResolve }: { bookmark: Bookmark; onResolve: Resolve }) {
  const note = "inline-flex items-center gap-1 text-xs";
  if (isLocal(bookmark)) {
    return (
      <span className={`${note} text-muted`}>
        <Loader2 className="size-3 animate-spin" aria-hidden /> Saving
      </span>
    );
  }
  if (bookmark.syncState === "pending") {
    return (
      <span className={`${note} text-muted`} title="Saved in Shelf; on its way to Notion">
        <CloudUpload className="size-3" aria-hidden /> Syncing
      </span>
    );
  }
  if (bookmark.syncState === "failed") {
    return (
      <span className={`${note} flex-wrap justify-end`}>
        <Badge tone="danger" className="px-0" title={bookmark.syncError ?? undefined}>
          <CircleAlert className="size-3" aria-hidden /> Not in Notion
        </Badge>
        <span className="sr-only">{bookmark.syncError}</span>
        <Button variant="quiet" size="sm" className="text-ink" onClick={() => onResolve("retry")}>
          Retry
        </Button>
        <Button variant="quiet" size="sm" className="text-ink" onClick={() => onResolve("discard")}>
          Discard
        </Button>
      </span>
    );
  }
  return null;
}

type Props = {
  bookmark: Bookmark;
  selected: boolean;
  /** The mirror of a workspace Shelf can't write to: look and open, but no edit or remove. */
  readOnly: boolean;
  density: Density;
  images: ImageSources | undefined;
  /** The saved article's passage a search matched. */
  snippet?: string;
  tagHref: (tag: string) => string;
  onSelect: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onResolve: Resolve;
  /** Before the icon: the bulk selection's tick box. */
  leading?: React.ReactNode;
};

export function BookmarkRow({ bookmark, selected, readOnly, density, images, snippet, tagHref, onSelect, onEdit, onRemove, onResolve, leading }: Props) {
  const href = safeHref(bookmark.url);
  const notion = safeHref(bookmark.notionUrl);
  const host = displayHost(bookmark.url);
  const saving = isLocal(bookmark);
  const compact = density === "compact";
  const title = bookmark.title || <span className="text-muted">Untitled</span>;

  return (
    <li
      data-bookmark-id={bookmark.id}
      tabIndex={-1}
      aria-current={selected || undefined}
      aria-busy={saving || undefined}
      onFocus={onSelect}
      data-density={density}
      className={cn(
        // On a phone the date and actions wrap to a line of their own, so the title keeps the width.
        "group relative flex flex-wrap gap-x-3 gap-y-0.5 px-3 outline-offset-[-2px] sm:flex-nowrap transition-colors hover:bg-surface aria-[current=true]:bg-surface aria-[current=true]:shadow-[inset_2px_0_0_var(--color-accent)] sm:px-4",
        compact ? "items-center py-1 pointer-coarse:py-2" : "items-start py-2.5 pointer-coarse:py-3",
      )}
    >
      {leading}
      <SiteIcon host={host || bookmark.url} src={images?.icon} className={compact ? "size-4" : "mt-0.5 size-5"} />
      <div className={cn("min-w-0 flex-1", compact && "flex items-center gap-2")}>
        <div className={cn("flex min-w-0 items-baseline gap-x-2", compact ? "flex-1" : "flex-wrap")}>
          <h3 className="min-w-0 max-w-full truncate text-sm font-medium">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" className="hover:underline">
                {title}
              </a>
            ) : (
              title
            )}
          </h3>
          {host && <span className={cn("min-w-0 truncate text-xs text-muted", compact ? "hidden shrink-[2] sm:inline" : "max-w-full")}>{host}</span>}
        </div>
        {!compact && bookmark.description && <p className="mt-0.5 line-clamp-2 text-sm text-muted">{bookmark.description}</p>}
        {!compact && snippet && <ContentSnippet headline={snippet} className="mt-0.5" />}
        {bookmark.tags.length > 0 && (
          // Compact rows keep to one line: the first tags only, and none on a phone.
          <ul className={cn("flex gap-1", compact ? "hidden max-w-[40%] shrink-0 overflow-hidden sm:flex" : "mt-1.5 flex-wrap")} aria-label="Tags">
            {(compact ? bookmark.tags.slice(0, 3) : bookmark.tags).map((tag) => (
              <li key={tag} className="min-w-0 max-w-full">
                <Link href={tagHref(tag)} className={badgeVariants({ interactive: true, className: "block" })}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-2 max-sm:w-full max-sm:justify-end">
        <SyncNote bookmark={bookmark} onResolve={onResolve} />
        {!saving && (
          <SavedDate iso={bookmark.savedAt} />
        )}
        {/* With a mouse, actions appear on the row in use; touch screens always show them. */}
        <div className="-mr-1.5 flex items-center transition-opacity group-hover:opacity-100 group-focus-within:opacity-100 group-aria-[current=true]:opacity-100 [@media(hover:hover)]:opacity-0">
          <BookmarkActions bookmarkId={bookmark.id} notion={notion} readOnly={readOnly} saving={saving} onEdit={onEdit} onRemove={onRemove} />
        </div>
      </div>
    </li>
  );
}

/** A bookmark's buttons, the same in a row and on a card: readable content, open in Notion, refresh preview, edit, remove. */
export function BookmarkActions({
  bookmarkId,
  notion,
  readOnly,
  saving,
  onEdit,
  onRemove,
}: {
  bookmarkId: string;
  notion: string | null;
  readOnly: boolean;
  saving: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <>
      <ContentMenu bookmarkId={bookmarkId} readOnly={readOnly} disabled={saving} />
      {notion && (
        <IconButton asChild label="Open in Notion">
          <a href={notion} target="_blank" rel="noopener noreferrer">
            <SquareArrowOutUpRight className="size-3.5" aria-hidden />
          </a>
        </IconButton>
      )}
      {!readOnly && (
        <>
          <RefreshPreviewButton bookmarkId={bookmarkId} disabled={saving} />
          <IconButton label="Edit" hint="e" onClick={onEdit} disabled={saving}>
            <Pencil className="size-3.5" aria-hidden />
          </IconButton>
          <IconButton label="Remove" hint="#" onClick={onRemove} disabled={saving}>
            <Trash2 className="size-3.5" aria-hidden />
          </IconButton>
        </>
      )}
    </>
  );
}
