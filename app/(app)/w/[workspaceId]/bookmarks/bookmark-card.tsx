"use client";

import { ContentSnippet } from "@/components/bookmarks/content-snippet";
import { safeHref } from "@/components/bookmarks/safe-href";
import { SiteIcon } from "@/components/bookmarks/site-icon";
import { Card } from "@/components/ui/card";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import { displayHost } from "@/lib/bookmarks/url";
import type { ImageSources } from "@/lib/link-images/types";
import { BookmarkActions, isLocal, SyncNote, TagLinks } from "./bookmark-row";
import { useLongPress } from "./use-long-press";

type Props = {
  bookmark: ListedBookmark;
  images: ImageSources | undefined;
  /** The saved article's passage a search matched. */
  snippet?: string;
  selected: boolean;
  readOnly: boolean;
  tagHref: (tag: string) => string;
  onSelect: () => void;
  onEdit: () => void;
  onRemove: () => void;
  onResolve: (decision: "retry" | "discard") => void;
  /** A long press (or the context-menu key): the card's actions as a sheet. */
  onActions: () => void;
  /** Before the icon: the bulk selection's checkbox. */
  leading?: React.ReactNode;
};

/**
 * A bookmark in the card grid: its preview picture (or the site's letter on a tinted field), icon,
 * title, host and tags. The picture box has a fixed 1.91:1 ratio (Open Graph's), so nothing moves
 * as pictures load lazily.
 */
export function BookmarkCard({ bookmark, images, snippet, selected, readOnly, tagHref, onSelect, onEdit, onRemove, onResolve, onActions, leading }: Props) {
  const longPress = useLongPress(onActions);
  const href = safeHref(bookmark.url);
  const notion = safeHref(bookmark.notionUrl);
  const host = displayHost(bookmark.url);
  const saving = isLocal(bookmark);
  const letter = host.replace(/^www\./, "")[0]?.toUpperCase() ?? "?";
  return (
    <Card
      as="li"
      padding="none"
      data-bookmark-id={bookmark.id}
      tabIndex={-1}
      aria-current={selected || undefined}
      aria-busy={saving || undefined}
      onFocus={onSelect}
      {...longPress}
      className="group flex min-w-0 flex-col overflow-hidden bg-canvas outline-offset-2 aria-[current=true]:border-accent"
    >
      <div className="aspect-[1.91/1] w-full overflow-hidden border-b border-line bg-surface">
        {images?.preview ? (
          // eslint-disable-next-line @next/next/no-img-element -- already resized WebP from Shelf's origin (lib/link-images)
          <img src={images.preview} alt="" width={600} height={314} loading="lazy" decoding="async" className="size-full object-cover" />
        ) : (
          <span aria-hidden className="flex size-full select-none items-center justify-center text-3xl font-semibold text-muted">
            {letter}
          </span>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 p-3">
        <div className="flex min-w-0 items-center gap-2">
          {leading}
          <SiteIcon host={host || bookmark.url} src={images?.icon} className="size-4" />
          <span className="min-w-0 truncate text-xs text-muted">{host}</span>
        </div>
        <h3 className="line-clamp-2 text-sm font-medium">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" className="hover:underline">
              {bookmark.title || "Untitled"}
            </a>
          ) : (
            bookmark.title || "Untitled"
          )}
        </h3>
        {snippet && <ContentSnippet headline={snippet} />}
        <TagLinks tags={bookmark.tags} tagHref={tagHref} className="flex-wrap" />
        <div className="mt-auto flex items-center justify-end gap-1 pt-1">
          <SyncNote bookmark={bookmark} onResolve={onResolve} />
          <BookmarkActions bookmarkId={bookmark.id} notion={notion} readOnly={readOnly} saving={saving} onEdit={onEdit} onRemove={onRemove} />
        </div>
      </div>
    </Card>
  );
}
