"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { BookmarkForm, EMPTY_DRAFT } from "@/components/bookmarks/bookmark-form";
import { useWorkspaceCommands } from "@/components/command-palette/workspace-commands";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { IconSprite } from "@/components/ui/sprite";
import type { ListQuery } from "@/lib/bookmarks/schema";
import type { Density } from "@/lib/bookmarks/density";
import type { ReadOnlyReason, SyncStatus as SyncStatusData } from "@/lib/bookmarks/service";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import type { ImageSources } from "@/lib/link-images/types";
import { ActiveFilters } from "./active-filters";
import { BookmarkCard } from "./bookmark-card";
import { BookmarkRow, isLocal } from "./bookmark-row";
import { BulkBar, SelectBox } from "./bulk-bar";
import { BulkProgress } from "./bulk-progress";
import { DensitySwitch } from "./density-switch";
import { EditDialog, useEditing } from "./edit-dialog";
import { EmptyList } from "./empty-list";
import { FillingIn } from "./first-fill";
import { MatchCount } from "./match-count";
import { NotionTrouble } from "./notion-trouble";
import { DatabaseGoneBanner } from "./read-only";
import { PageTitle } from "./page-title";
import { RowActionsSheet } from "./row-actions-sheet";
import { Pagination } from "./pagination";
import { ShortcutsButton, ShortcutsDialog, useShortcuts } from "./shortcuts";
import { SyncStatus } from "./sync-status";
import { Toolbar } from "./toolbar";
import { useBookmarkWrites } from "./use-bookmark-writes";
import { useBulkStatus } from "./use-bulk-status";
import { useOptimisticList } from "./use-optimistic-list";
import { useSelection } from "./use-selection";

type Props = {
  workspaceId: string;
  query: ListQuery;
  items: ListedBookmark[];
  nextCursor: string | null;
  prevCursor: string | null;
  tagOptions: string[];
  tagCounts: Record<string, number>;
  sync: SyncStatusData;
  /** Shown from the mirror but not changeable: Notion's access ended or the database is gone. */
  readOnly: ReadOnlyReason | null;
  /** The person's chosen density, from their cookie. */
  density: Density;
  /** Site icons and previews by bookmark id, as paths on Shelf's origin. */
  images: Record<string, ImageSources>;
  /** While searching: the matched passage of a bookmark's saved article, by bookmark id. */
  snippets: Record<string, string>;
  /** Opened in the edit dialog at once (?edit=id, the link of "Already saved"). */
  editTarget: ListedBookmark | null;
  /** Extra copies of links saved more than once, for the toolbar's link to the Duplicates view. */
  duplicates: number;
  /** "37 of 2,430" while a search or tag filter is on. */
  matches: { count: number; total: number } | null;
  /** The streamed tag sidebar (tag-sidebar.tsx): beside the list from `lg`, a sheet from the toolbar below. */
  tagSidebar?: React.ReactNode;
};

export function BookmarksView({ workspaceId, query, items: serverItems, nextCursor, prevCursor, tagOptions, tagCounts, sync, readOnly, density: initialDensity, images, snippets, editTarget, duplicates, matches, tagSidebar }: Props) {
  const router = useRouter();
  const { openAdd, setTagOptions } = useWorkspaceCommands();
  useEffect(() => setTagOptions(tagOptions), [setTagOptions, tagOptions]);
  const { items, track } = useOptimisticList(serverItems);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useEditing(editTarget);
  const [helpOpen, setHelpOpen] = useState(false);
  const [actionsFor, setActionsFor] = useState<ListedBookmark | null>(null);
  const [density, setDensity] = useState(initialDensity);
  const [navigating, startNavigation] = useTransition();
  const urlRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const selection = useSelection(items.filter((b) => !isLocal(b)).map((b) => b.id), JSON.stringify([query.q, query.tags, query.sort, query.cursor]));
  const bulk = useBulkStatus(workspaceId);

  const selectedIndex = items.findIndex((b) => b.id === selectedId);
  const selected = items[selectedIndex];
  const navigate = (href: string) => startNavigation(() => router.replace(href, { scroll: false }));

  function focusRow(id: string | undefined) {
    if (!id) return;
    setSelectedId(id);
    listRef.current?.querySelector<HTMLElement>(`[data-bookmark-id="${CSS.escape(id)}"]`)?.focus();
  }

  function closeEditor() {
    setEditing(null);
    if (editTarget) navigate(listHref(workspaceId, query));
  }

  const { create, update, remove, resolve } = useBookmarkWrites(workspaceId, items, track, (bookmark, at) => {
    if (bookmark.id !== selectedId) return;
    const neighbour = items[at + 1] ?? items[at - 1];
    requestAnimationFrame(() => focusRow(neighbour?.id));
  });

  useShortcuts((key) => {
    const ready = selected && !isLocal(selected) && !readOnly ? selected : undefined;
    switch (key) {
      case "n":
        if (!readOnly) openAdd();
        return !readOnly;
      case "/":
        searchRef.current?.focus();
        return true;
      case "j":
      case "k": {
        if (items.length === 0) return false;
        const step = key === "j" ? 1 : -1;
        const next = selectedIndex < 0 ? 0 : Math.min(Math.max(selectedIndex + step, 0), items.length - 1);
        focusRow(items[next]?.id);
        return true;
      }
      case "o": {
        const href = selected && safeHref(selected.url);
        if (href) window.open(href, "_blank", "noopener,noreferrer");
        return Boolean(href);
      }
      case "e":
        if (ready) setEditing(ready);
        return Boolean(ready);
      case "#":
        if (ready) void remove(ready);
        return Boolean(ready);
      case "?":
        setHelpOpen(true);
        return true;
      case "x":
        if (ready) selection.toggle(ready.id);
        return Boolean(ready);
      case "Escape":
        selection.clear();
        return !selection.empty;
    }
  });

  return (
    <div className="flex flex-col gap-5">
      <IconSprite />
      <PageTitle>
        <div className="flex items-center gap-1">
          <SyncStatus workspaceId={workspaceId} sync={sync} readOnly={readOnly !== null} />
          <ShortcutsButton onClick={() => setHelpOpen(true)} />
        </div>
      </PageTitle>
      <NotionTrouble trouble={sync.trouble} />
      {sync.progress !== null && <FillingIn rows={sync.progress} />}
      {readOnly === "needs_setup" && <DatabaseGoneBanner workspaceId={workspaceId} />}
      {!readOnly && (
        <Card tone="raised" padding="none" className="p-2 sm:p-3">
          <BookmarkForm
            variant="create"
            compact
            initial={EMPTY_DRAFT}
            tagOptions={tagOptions}
            save={create}
            editHref={(id) => listHref(workspaceId, { ...query, edit: id })}
            urlRef={urlRef}
          />
        </Card>
      )}
      {/* From lg the tag sidebar takes the section's left padding (tag-panel.tsx). */}
      <section aria-labelledby="list-heading" className="relative flex flex-col gap-3 lg:pl-54">
        {tagSidebar}
        <h2 id="list-heading" className="sr-only">
          Your bookmarks
        </h2>
        <Toolbar
          workspaceId={workspaceId}
          query={query}
          tagOptions={tagOptions}
          tagCounts={tagCounts}
          duplicates={duplicates}
          searchRef={searchRef}
          navigate={navigate}
        >
          <DensitySwitch density={density} onChange={setDensity} />
        </Toolbar>
        <MatchCount matches={matches} />
        <ActiveFilters workspaceId={workspaceId} query={query} />
        <BulkProgress workspaceId={workspaceId} jobs={bulk.jobs} onUndo={bulk.undo} onDismiss={bulk.dismiss} />
        {items.length === 0 ? (
          <EmptyList workspaceId={workspaceId} query={query} onAdd={() => urlRef.current?.focus()} />
        ) : (
          <Card
            as="ul"
            ref={listRef}
            aria-busy={navigating || undefined}
            data-testid="bookmark-list"
            data-density={density}
            padding="none"
            className={cn(
              "transition-opacity aria-busy:opacity-60",
              density === "cards" ? "grid grid-cols-[repeat(auto-fill,minmax(min(100%,15rem),1fr))] gap-3 border-0" : "divide-y divide-line overflow-hidden bg-canvas",
            )}
          >
            {items.map((bookmark) => {
              const props = {
                bookmark,
                images: images[bookmark.id],
                snippet: snippets[bookmark.id],
                selected: bookmark.id === selectedId,
                readOnly: readOnly !== null,
                tagHref: (tag: string) => listHref(workspaceId, withTagToggled({ ...query, tags: [] }, tag)),
                onSelect: () => setSelectedId(bookmark.id),
                onEdit: () => setEditing(bookmark),
                onRemove: () => void remove(bookmark),
                onResolve: (decision: "retry" | "discard") => void resolve(bookmark, decision),
                onActions: () => !isLocal(bookmark) && setActionsFor(bookmark),
                leading: !readOnly && !isLocal(bookmark) && (
                  <SelectBox title={bookmark.title} checked={selection.has(bookmark.id)} onToggle={(range) => selection.toggle(bookmark.id, range)} />
                ),
              };
              return density === "cards" ? <BookmarkCard key={bookmark.id} {...props} /> : <BookmarkRow key={bookmark.id} density={density} {...props} />;
            })}
          </Card>
        )}
        {!readOnly && (
          <BulkBar
            workspaceId={workspaceId}
            query={query}
            selection={selection}
            pageSize={items.length}
            morePages={nextCursor !== null || Boolean(query.cursor)}
            tagOptions={tagOptions}
            moveTargets={bulk.moveTargets}
            onStarted={bulk.started}
          />
        )}
        <Pagination workspaceId={workspaceId} query={query} nextCursor={nextCursor} prevCursor={prevCursor} />
      </section>
      <EditDialog bookmark={editing} tagOptions={tagOptions} onClose={closeEditor} save={update} />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
      <RowActionsSheet bookmark={actionsFor} readOnly={readOnly !== null} onClose={() => setActionsFor(null)} onEdit={setEditing} onRemove={(b) => void remove(b)} />
    </div>
  );
}
