"use client";

import { Keyboard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { BookmarkForm, EMPTY_DRAFT } from "@/components/bookmarks/bookmark-form";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import { safeHref } from "@/components/bookmarks/safe-href";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { BookmarkInput, ListQuery } from "@/lib/bookmarks/schema";
import type { Density } from "@/lib/bookmarks/density";
import type { ReadOnlyReason, SyncStatus as SyncStatusData } from "@/lib/bookmarks/service";
import type { Bookmark } from "@/lib/bookmarks/types";
import {
  createBookmarkAction,
  resolveParkedAction,
  restoreBookmarkAction,
  trashBookmarkAction,
  updateBookmarkAction,
} from "@/lib/actions/bookmarks";
import { ActiveFilters } from "./active-filters";
import { BookmarkRow, isLocal, LOCAL_ID_PREFIX } from "./bookmark-row";
import { BulkBar, SelectBox } from "./bulk-bar";
import { BulkProgress } from "./bulk-progress";
import { DensitySwitch } from "./density-switch";
import { EditDialog } from "./edit-dialog";
import { EmptyList } from "./empty-list";
import { NotionTrouble } from "./notion-trouble";
import { DatabaseGoneBanner } from "./read-only";
import { PageTitle } from "./page-title";
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
  items: Bookmark[];
  nextCursor: string | null;
  tagOptions: string[];
  sync: SyncStatusData;
  /** Shown from the mirror but not changeable: Notion's access ended or the database is gone. */
  readOnly: ReadOnlyReason | null;
  /** The person's chosen density, from their cookie. */
  density: Density;
  /** Opened in the edit dialog at once (?edit=id, the link of "Already saved"). */
  editTarget: Bookmark | null;
  /** Extra copies of links saved more than once, for the toolbar's link to the Duplicates view. */
  duplicates: number;
};

// Field errors are shown next to their fields, and "Already saved" by the form; anything else
// Notion said goes in a toast.
function reportFailure(result: ActionResult<unknown>) {
  if (!result.ok && !result.fieldErrors && result.code !== "duplicate") toast.error(result.error);
}

export function BookmarksView({ workspaceId, query, items: serverItems, nextCursor, tagOptions, sync, readOnly, density: initialDensity, editTarget, duplicates }: Props) {
  const router = useRouter();
  const { items, track } = useOptimisticList(serverItems);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Bookmark | null>(editTarget);
  // Compared by id: every refresh sends a new object for the same ?edit=, which must not reopen it.
  const [editTargetId, setEditTargetId] = useState(editTarget?.id);
  if (editTarget?.id !== editTargetId) {
    setEditTargetId(editTarget?.id);
    if (editTarget) setEditing(editTarget);
  }
  const [helpOpen, setHelpOpen] = useState(false);
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
    const draft: Bookmark = {
      ...input,
      id: `${LOCAL_ID_PREFIX}${now}-${Math.random()}`,
      createdTime: now,
      lastEditedTime: now,
      notionUrl: null,
      inTrash: false,
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

  async function update(bookmark: Bookmark, input: BookmarkInput) {
    const result = await track(
      { kind: "put", bookmark: { ...bookmark, ...input } },
      () => updateBookmarkAction({ workspaceId, id: bookmark.id, ...input }),
      (saved) => ({ kind: "put", bookmark: saved }),
    );
    reportFailure(result);
    return result;
  }

  async function remove(bookmark: Bookmark) {
    const at = items.findIndex((b) => b.id === bookmark.id);
    if (bookmark.id === selectedId) {
      const neighbour = items[at + 1] ?? items[at - 1];
      requestAnimationFrame(() => focusRow(neighbour?.id));
    }
    const result = await track({ kind: "hide", id: bookmark.id }, () => trashBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) return void toast.error(result.error);
    toast("Bookmark removed", {
      description: bookmark.title,
      // Long enough to notice a slip and reach for Undo.
      duration: 8000,
      action: { label: "Undo", onClick: () => void restore(bookmark, at) },
    });
  }

  async function resolve(bookmark: Bookmark, decision: "retry" | "discard") {
    const result = await resolveParkedAction({ workspaceId, id: bookmark.id, decision });
    if (!result.ok) return void toast.error(result.error);
    toast(decision === "retry" ? "Trying again to save it in Notion." : "Discarded the change Notion refused.");
    router.refresh();
  }

  async function restore(bookmark: Bookmark, at: number) {
    const result = await track({ kind: "put", bookmark, at }, () => restoreBookmarkAction({ workspaceId, id: bookmark.id }));
    if (!result.ok) toast.error(result.error);
  }

  useShortcuts((key) => {
    const ready = selected && !isLocal(selected) && !readOnly ? selected : undefined;
    switch (key) {
      case "n":
        urlRef.current?.focus();
        return Boolean(urlRef.current);
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
      {readOnly === "needs_setup" && <DatabaseGoneBanner workspaceId={workspaceId} />}
      {!readOnly && (
        <Card tone="raised" padding="none" className="p-2 sm:p-3">
          <BookmarkForm
            variant="create"
            initial={EMPTY_DRAFT}
            tagOptions={tagOptions}
            save={create}
            editHref={(id) => listHref(workspaceId, { ...query, edit: id })}
            urlRef={urlRef}
          />
        </Card>
      )}
      <section aria-labelledby="list-heading" className="flex flex-col gap-3">
        <h2 id="list-heading" className="sr-only">
          Your bookmarks
        </h2>
        <Toolbar
          workspaceId={workspaceId}
          query={query}
          tagOptions={tagOptions}
          duplicates={duplicates}
          searchRef={searchRef}
          navigate={navigate}
        >
          <DensitySwitch density={density} onChange={setDensity} />
        </Toolbar>
        <ActiveFilters workspaceId={workspaceId} query={query} />
        <BulkProgress workspaceId={workspaceId} jobs={bulk.jobs} onStarted={bulk.started} />
        {items.length === 0 ? (
          <EmptyList workspaceId={workspaceId} query={query} onAdd={() => urlRef.current?.focus()} />
        ) : (
          <Card
            as="ul"
            ref={listRef}
            aria-busy={navigating || undefined}
            data-testid="bookmark-list"
            padding="none"
            className="divide-y divide-line overflow-hidden bg-canvas transition-opacity aria-busy:opacity-60"
          >
            {items.map((bookmark) => (
              <BookmarkRow
                key={bookmark.id}
                bookmark={bookmark}
                selected={bookmark.id === selectedId}
                readOnly={readOnly !== null}
                density={density}
                tagHref={(tag) => listHref(workspaceId, withTagToggled({ ...query, tags: [] }, tag))}
                onSelect={() => setSelectedId(bookmark.id)}
                onEdit={() => setEditing(bookmark)}
                onRemove={() => void remove(bookmark)}
                onResolve={(decision) => void resolve(bookmark, decision)}
                leading={!readOnly && !isLocal(bookmark) && <SelectBox title={bookmark.title} checked={selection.has(bookmark.id)} onToggle={(range) => selection.toggle(bookmark.id, range)} />}
              />
            ))}
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
        <Pagination workspaceId={workspaceId} query={query} nextCursor={nextCursor} />
      </section>
      <EditDialog bookmark={editing} tagOptions={tagOptions} onClose={closeEditor} save={update} />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
