"use client";

import Link from "next/link";
import { safeHref } from "@/components/bookmarks/safe-href";
import { ContentSnippet } from "@/components/bookmarks/content-snippet";
import { SavedDate } from "@/components/bookmarks/saved-date";
import { SiteIcon } from "@/components/bookmarks/site-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { IconButton } from "@/components/ui/icon-button";
import { SpriteIcon } from "@/components/ui/sprite";
import type { Density } from "@/lib/bookmarks/density";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import { displayHost } from "@/lib/bookmarks/url";
import type { ImageSources } from "@/lib/link-images/types";
import { ContentMenu } from "./content-menu";
import { RefreshPreviewButton } from "./refresh-preview";
import { useLongPress } from "./use-long-press";

/** Shown in the list before Shelf has even answered; it has no id to act on yet. */
export const LOCAL_ID_PREFIX = "local-";
export const isLocal = (bookmark: ListedBookmark) => bookmark.id.startsWith(LOCAL_ID_PREFIX);

type Resolve = (decision: "retry" | "discard") => void;

/** Where the bookmark stands on its way to Notion, when that is worth a word. */
export function SyncNote({ bookmark, onResolve }: { bookmark: ListedBookmark; onResolve: Resolve }) {
  const note = "inline-flex items-center gap-1 text-xs";
  if (isLocal(bookmark)) {
    return (
      <span className={`${note} text-muted`}>
        <SpriteIcon name="spinner" className="size-3 animate-spin" /> Saving
      </span>
    );
  }
  if (bookmark.syncState === "pending") {
    return (
      <span className={`${note} text-muted`} title="Saved in Shelf; on its way to Notion">
        <SpriteIcon name="cloud-up" className="size-3" /> Syncing
      </span>
    );
  }
  if (bookmark.syncState === "failed") {
    return (
      <span className={`${note} flex-wrap justify-end`}>
        <Badge tone="danger" className="px-0" title={bookmark.syncError ?? undefined}>
          <SpriteIcon name="alert" className="size-3" /> Not in Notion
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
  bookmark: ListedBookmark;
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
  /** A long press (or the context-menu key): the row's actions as a sheet (row-actions-sheet.tsx). */
  onActions: () => void;
  /** Before the icon: the bulk selection's tick box. */
  leading?: React.ReactNode;
};

export function BookmarkRow({ bookmark, selected, readOnly, density, images, snippet, tagHref, onSelect, onEdit, onRemove, onResolve, onActions, leading }: Props) {
  const longPress = useLongPress(onActions);
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
      {...longPress}
      data-density={density}
      // `group` is what the actions' group-hover looks for; the rest is globals.css's bm-* parts.
      className={compact ? "group bm-row bm-row-compact" : "group bm-row bm-row-comfortable"}
    >
      {leading}
      <SiteIcon host={host || bookmark.url} src={images?.icon} className={compact ? "size-4" : "mt-0.5 size-5"} />
      <div className={cn("min-w-0 flex-1", compact && "flex items-center gap-2")}>
        <div className={cn("flex min-w-0 items-baseline gap-x-2", compact ? "flex-1" : "flex-wrap")}>
          <h3 className="bm-title">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" className="hover:underline">
                {title}
              </a>
            ) : (
              title
            )}
          </h3>
          {host && <span className={compact ? "bm-host hidden shrink-[2] sm:inline" : "bm-host max-w-full"}>{host}</span>}
        </div>
        {!compact && bookmark.description && <p className="bm-desc">{bookmark.description}</p>}
        {!compact && snippet && <ContentSnippet headline={snippet} className="mt-0.5" />}
        {/* Compact rows keep to one line: the first tags only, and none on a phone. */}
        <TagLinks tags={compact ? bookmark.tags.slice(0, 3) : bookmark.tags} tagHref={tagHref} className={compact ? "bm-tags-compact" : "bm-tags-wrap"} />
      </div>
      <div className="bm-meta">
        <SyncNote bookmark={bookmark} onResolve={onResolve} />
        {!saving && (
          <SavedDate iso={bookmark.savedAt} />
        )}
        {/* With a mouse, actions appear on the row in use; touch screens always show them. */}
        <div className="bm-actions">
          <BookmarkActions bookmarkId={bookmark.id} notion={notion} readOnly={readOnly} saving={saving} onEdit={onEdit} onRemove={onRemove} />
        </div>
      </div>
    </li>
  );
}

/** A bookmark's tags as links that filter the list by each, the same in a row and on a card. */
export function TagLinks({ tags, tagHref, className }: { tags: string[]; tagHref: (tag: string) => string; className: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className={`bm-tags ${className}`} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="bm-tag-item">
          <Link href={tagHref(tag)} className="bm-tag">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
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
            <SpriteIcon name="open-external" className="size-3.5" />
          </a>
        </IconButton>
      )}
      {!readOnly && (
        <>
          <RefreshPreviewButton bookmarkId={bookmarkId} disabled={saving} />
          <IconButton label="Edit" hint="e" onClick={onEdit} disabled={saving}>
            <SpriteIcon name="pencil" className="size-3.5" />
          </IconButton>
          <IconButton label="Remove" hint="#" onClick={onRemove} disabled={saving}>
            <SpriteIcon name="trash" className="size-3.5" />
          </IconButton>
        </>
      )}
    </>
  );
}
