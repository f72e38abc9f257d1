"use client";

import { ArrowRightLeft, Download, RotateCcw, Tag, TagsIcon, Trash2, X } from "lucide-react";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { TagInput } from "@/components/bookmarks/tag-input";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { IconButton } from "@/components/ui/icon-button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/menu";
import { countMatchingAction, startBulkJobAction } from "@/lib/actions/bulk";
import type { ListQuery } from "@/lib/bookmarks/schema";
import type { BulkJobView, MoveTarget } from "@/lib/bulk/service";
import type { Selection } from "./use-selection";

import { bookmarksWord, count } from "./bulk-words";

type Mode = "saved" | "trash";

type Props = {
  workspaceId: string;
  query: ListQuery;
  selection: Selection;
  /** Rows on this page, and whether more pages match. */
  pageSize: number;
  morePages: boolean;
  tagOptions: string[];
  moveTargets: MoveTarget[];
  /** The list of saved bookmarks offers trash; the trash view offers restore. */
  mode?: Mode;
  onStarted: (job: BulkJobView) => void;
};

type Chosen = { ids: string[] } | { query: { q: string; tags: string[] }; trash: boolean };

/** What the person picked, as the actions and the export link take it. */
function selectionOf(selection: Selection, query: ListQuery, mode: Mode): Chosen {
  return selection.allMatching ? { query: { q: query.q, tags: query.tags }, trash: mode === "trash" } : { ids: selection.selectedIds };
}

function exportHref(workspaceId: string, selection: Chosen, format: "csv" | "netscape" | "json") {
  const params = new URLSearchParams({ format });
  if ("ids" in selection) params.set("ids", selection.ids.join(","));
  else {
    params.set("q", selection.query.q);
    for (const tag of selection.query.tags) params.append("tags", tag);
  }
  return `/w/${workspaceId}/bookmarks/bulk/export?${params}`;
}

/**
 * The bar over a selection: how many, "Select all N matching", and the bulk actions. Sticky at the
 * bottom of the list so it stays in reach while scrolling; it wraps on a phone.
 */
export function BulkBar({ workspaceId, query, selection, pageSize, morePages, tagOptions, moveTargets, mode = "saved", onStarted }: Props) {
  const [pending, startTransition] = useTransition();
  const [counted, setCounted] = useState<{ key: string; n: number } | null>(null);
  const [tagDialog, setTagDialog] = useState<"add_tags" | "remove_tags" | null>(null);
  const listKey = JSON.stringify([query.q, query.tags, mode]);
  // How many match is asked once the whole page is ticked and more pages match, once per filter.
  const matching = counted?.key === listKey ? counted.n : null;
  const wantCount = selection.wholePage && morePages && matching === null;
  useEffect(() => {
    if (!wantCount) return;
    let live = true;
    void countMatchingAction({ workspaceId, selection: { query: { q: query.q, tags: query.tags }, trash: mode === "trash" } }).then((result) => {
      if (live && result.ok) setCounted({ key: listKey, n: result.data });
    });
    return () => {
      live = false;
    };
  }, [wantCount, workspaceId, query.q, query.tags, mode, listKey]);
  if (selection.empty) return null;

  const size = selection.allMatching ? (matching ?? pageSize) : selection.selectedIds.length;
  const chosen = selectionOf(selection, query, mode);

  function run(request: Parameters<typeof startBulkJobAction>[0]) {
    startTransition(async () => {
      const result = await startBulkJobAction(request);
      if (!result.ok) return void toast.error(result.fieldErrors ? Object.values(result.fieldErrors).join(" ") || result.error : result.error);
      selection.clear();
      setTagDialog(null);
      onStarted(result.data);
    });
  }

  return (
    <Card
      tone="raised"
      padding="none"
      role="region"
      aria-label="Selected bookmarks"
      data-testid="bulk-bar"
      className="sticky bottom-3 z-30 flex flex-wrap items-center gap-x-2 gap-y-1 p-2 shadow-lg"
    >
      <label className="flex items-center gap-2 px-1 text-sm">
        <input type="checkbox" className="size-4 accent-accent" checked={selection.wholePage || selection.allMatching} onChange={(event) => selection.setPage(event.target.checked)} />
        <span className="sr-only">Select every bookmark on this page</span>
      </label>
      <p className="text-sm font-medium" aria-live="polite" data-testid="bulk-count">
        {selection.allMatching ? `All ${bookmarksWord(size)} matching` : `${count(size)} selected`}
      </p>
      {selection.wholePage && morePages && !selection.allMatching && matching !== null && (
        <Button variant="quiet" size="sm" className="text-accent underline" onClick={selection.selectAllMatching}>
          Select all {count(matching)} matching
        </Button>
      )}
      <div className="ml-auto flex flex-wrap items-center gap-1">
        {mode === "saved" ? (
          <>
            <Button size="sm" disabled={pending} onClick={() => setTagDialog("add_tags")}>
              <Tag className="size-3.5" aria-hidden /> Add tags
            </Button>
            <Button size="sm" disabled={pending} onClick={() => setTagDialog("remove_tags")}>
              <TagsIcon className="size-3.5" aria-hidden /> Remove tags
            </Button>
            <Button size="sm" disabled={pending} onClick={() => run({ workspaceId, action: "trash", selection: chosen })}>
              <Trash2 className="size-3.5" aria-hidden /> Trash
            </Button>
            {moveTargets.length > 0 && (
              <Menu>
                <MenuTrigger asChild>
                  <Button size="sm" disabled={pending}>
                    <ArrowRightLeft className="size-3.5" aria-hidden /> Move
                  </Button>
                </MenuTrigger>
                <MenuContent align="end">
                  <MenuLabel>Move {bookmarksWord(size)} to</MenuLabel>
                  {moveTargets.map((target) => (
                    <MenuItem key={target.id} onSelect={() => run({ workspaceId, action: "move", targetWorkspaceId: target.id, selection: chosen })}>
                      {target.name}
                    </MenuItem>
                  ))}
                </MenuContent>
              </Menu>
            )}
          </>
        ) : (
          <Button size="sm" disabled={pending} onClick={() => run({ workspaceId, action: "restore", selection: chosen })}>
            <RotateCcw className="size-3.5" aria-hidden /> Restore
          </Button>
        )}
        {mode === "saved" && (
          <Menu>
            <MenuTrigger asChild>
              <Button size="sm">
                <Download className="size-3.5" aria-hidden /> Export
              </Button>
            </MenuTrigger>
            <MenuContent align="end">
              <MenuItem asChild>
                <a href={exportHref(workspaceId, chosen, "csv")} download>
                  CSV (spreadsheets)
                </a>
              </MenuItem>
              <MenuItem asChild>
                <a href={exportHref(workspaceId, chosen, "netscape")} download>
                  HTML (browsers)
                </a>
              </MenuItem>
            </MenuContent>
          </Menu>
        )}
        <IconButton label="Clear the selection" hint="Esc" onClick={selection.clear}>
          <X className="size-4" aria-hidden />
        </IconButton>
      </div>
      <TagDialog
        action={tagDialog}
        size={size}
        tagOptions={tagOptions}
        pending={pending}
        onClose={() => setTagDialog(null)}
        onSubmit={(tags) => tagDialog && run({ workspaceId, action: tagDialog, tags, selection: chosen })}
      />
    </Card>
  );
}

/** A row's tick box: Shift-click ticks the range from the last row touched. */
export function SelectBox({ title, checked, onToggle }: { title: string; checked: boolean; onToggle: (range: boolean) => void }) {
  return (
    // On a touch screen the label's padding makes a 44 px target of the 20 px box; the negative margin keeps the row's layout.
    <label className="flex shrink-0 pointer-coarse:-m-3 pointer-coarse:p-3">
      <input
        type="checkbox"
        aria-label={`Select ${title || "this bookmark"}`}
        checked={checked}
        // A checkbox's change comes from a click (or Space), whose Shift says "the range".
        onChange={(event) => onToggle((event.nativeEvent as MouseEvent).shiftKey === true)}
        className="bm-select"
      />
    </label>
  );
}

function TagDialog({
  action,
  size,
  tagOptions,
  pending,
  onClose,
  onSubmit,
}: {
  action: "add_tags" | "remove_tags" | null;
  size: number;
  tagOptions: string[];
  pending: boolean;
  onClose: () => void;
  onSubmit: (tags: string[]) => void;
}) {
  const [tags, setTags] = useState<string[]>([]);
  const adding = action === "add_tags";
  return (
    <Dialog open={action !== null} onOpenChange={(open) => !open && (setTags([]), onClose())}>
      <DialogContent title={adding ? `Add tags to ${bookmarksWord(size)}` : `Remove tags from ${bookmarksWord(size)}`} size="sm">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(tags);
          }}
        >
          <DialogDescription className="text-sm text-muted">
            {adding ? "Bookmarks that already have a tag keep it once." : "Only these tags go; the others stay."} Notion gets every change exactly once.
          </DialogDescription>
          <Field label="Tags" hint="Enter or a comma after each tag">
            {(control) => <TagInput control={control} tags={tags} onChange={setTags} options={tagOptions} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="quiet" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={pending || tags.length === 0}>
              {adding ? "Add tags" : "Remove tags"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
