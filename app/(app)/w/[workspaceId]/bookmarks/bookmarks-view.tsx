"use client";

import { Keyboard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { BookmarkForm, EMPTY_DRAFT } from "@/components/bookmarks/bookmark-form";
import { reportFailure } from "@/components/bookmarks/report-failure";
import { useWorkspaceCommands } from "@/components/command-palette/workspace-commands";
import { registerUndo } from "@/components/undo/undo";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";
import { IconSprite } from "@/components/ui/sprite";
import type { BookmarkInput, ListQuery } from "@/lib/bookmarks/schema";
import type { Density } from "@/lib/bookmarks/density";
import type { ReadOnlyReason, SyncStatus as SyncStatusData } from "@/lib/bookmarks/service";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import type { ImageSources } from "@/lib/link-images/types";
import {
  createBookmarkAction,
  resolveParkedAction,
  restoreBookmarkAction,
  trashBookmarkAction,
  updateBookmarkAction,
} from "@/lib/actions/bookmarks";
import { ActiveFilters } from "./active-filters";
import { BookmarkCard } from "./bookmark-card";
import { BookmarkRow, isLocal, LOCAL_ID_PREFIX } from "./bookmark-row";
import { BulkBar, SelectBox } from "./bulk-bar";
import { BulkProgress } from "./bulk-progress";
import { DensitySwitch } from "./density-switch";
import { EditDialog } from "./edit-dialog";
import { EmptyList } from "./empty-list";
import { FillingIn } from "./first-fill";
import { MatchCount } from "./match-count";
import { NotionTrouble } from "./notion-trouble";
import { DatabaseGoneBanner } from "./read-only";
import { PageTitle } from "./page-title";
import { RowActionsSheet } from "./row-actions-sheet";
import { Pagination } from "./pagination";
import { ShortcutsDialog, useShortcuts } from "./shortcuts";
import { SyncStatus } from "./sync-status";
import { Toolbar } from "./toolbar";
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
  const [editing, setEditing] = useState<ListedBookmark | null>(editTarget);
  // Compared by id: every refresh sends a new object for the same ?edit=, which must not reopen it.
  const [editTargetId, setEditTargetId] = useState(editTarget?.id);
  if (editTarget?.id !== editTargetId) {
    setEditTargetId(editTarget?.id);
    if (editTarget) setEditing(editTarget);
  }
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

  async function create(input: BookmarkInput, saveAnyway: boolean) {
    const now = new Date().toISOString();
    const draft: ListedBookmark = {
      ...input,
      id: `${LOCAL_ID_PREFIX}${now}-${Math.random()}`,
      savedAt: now,
      notionUrl: null,
      syncState: "pending",
      syncError: null,
    };
    const result = await track({ kind: "put", bookmark: draft }, () => createBookmarkAction({ workspaceId, ...input, saveAnyway }), (saved) => ({
      kind: "put",
      bookmark: saved,
    }));
    reportFailure(result);
    return result;
  }

  async function update(bookmark: ListedBookmark, input: BookmarkInput, undoable = true) {
    const result = await track(
      { kind: "put", bookmark: { ...bookmark, ...input } },
      () => updateBookmarkAction({ workspaceId, id: bookmark.id, ...input }),
      (saved) => ({ kind: "put", bookmark: saved }),
    );
    reportFailure(result);
    // The inverse is the same edit back to what was there, so it reaches Notion the same way.
    const before = { url: bookmark.url, title: bookmark.title, description: bookmark.description, tags: bookmark.tags };
    if (result.ok && undoable) registerUndo(`Edited “${result.data.title}”`, () => update(result.data, before, false));
    return result;
  }

  async function remove(bookmark: ListedBookmark) {
    const at = items.findIndex((b) => b.id === bookmark.id);
    if (bookmark.id === selectedId) {
      const neighbour = items[at + 1] ?? items[at - 1];
      requestAnimationFrame(() => focusRow(neighbour?.id));
    }
    const result = await track({ kind: "hide", id: bookmark.id }, () => trashBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) return void toast.error(result.error);
    registerUndo(`Trashed “${bookmark.title}”`, () => restore(bookmark, at));
  }

  async function resolve(bookmark: ListedBookmark, decision: "retry" | "discard") {
    const result = await resolveParkedAction({ workspaceId, id: bookmark.id, decision });
    if (!result.ok) return void toast.error(result.error);
    toast(decision === "retry" ? "Trying again to save it in Notion." : "Discarded the change Notion refused.");
    router.refresh();
  }

  async function restore(bookmark: ListedBookmark, at: number) {
    const result = await track({ kind: "put", bookmark, at }, () => restoreBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) toast.error(result.error);
  }

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
          {/* Shortcuts need a keyboard; touch screens don't offer them. */}
          <Button variant="quiet" className="pointer-coarse:hidden" onClick={() => setHelpOpen(true)}>
            <Keyboard className="size-4" aria-hidden />
            <span className="hidden sm:inline">Shortcuts</span>
            <Kbd>?</Kbd>
          </Button>
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
