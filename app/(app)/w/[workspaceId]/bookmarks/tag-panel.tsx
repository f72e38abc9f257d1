"use client";

import { Check, Search } from "lucide-react";
import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { controlVariants } from "@/components/ui/field";
import { allTagsAction } from "@/lib/actions/tags";
import type { ListQuery } from "@/lib/bookmarks/schema";
import { useTagSheet } from "./tag-sheet";

type TagCount = { tag: string; count: number };

type Props = {
  workspaceId: string;
  query: ListQuery;
  /** The most used tags (and the filter's own), most used first. */
  tags: TagCount[];
  /** How many tags the workspace has; more than `tags` offers "Show all". */
  total: number;
};

/** From this many tags the list gets a search box. */
const SEARCH_FROM = 12;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The tags with their counts, each a link that adds it to the list's filter or takes it off (the
 * same URL as the toolbar's tag menu). Beside the list from `lg`; below that the same list in a
 * bottom sheet, opened by the toolbar's Tags button. Only the first tags come with the page;
 * "Show all" (or a search) asks for the rest.
 */
export function TagPanel({ workspaceId, query, tags, total }: Props) {
  const { open, setOpen } = useTagSheet();
  // Leaving the dashboard with the sheet open must not reopen it on the way back.
  useEffect(() => () => setOpen(false), [setOpen]);
  const [all, setAll] = useState<TagCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, start] = useTransition();
  const complete = all !== null || tags.length >= total;
  function loadAll() {
    if (complete || loading) return;
    start(async () => {
      const result = await allTagsAction({ workspaceId });
      if (result.ok) setAll(result.data);
      setError(result.ok ? null : result.error);
    });
  }
  const list = { workspaceId, query, tags: all ?? tags, total, complete, loading, error, loadAll };
  return (
    <>
      {/* In the list section's left padding, as tall as the list, its content sticking under the header. */}
      <section aria-labelledby="tag-sidebar" className="absolute inset-y-0 left-0 hidden w-48 lg:block">
        <div className="sticky top-28 flex max-h-[calc(100dvh-8rem)] flex-col">
          <h2 id="tag-sidebar" className="px-2 pb-1 text-xs font-medium text-muted">
            Tags
          </h2>
          <TagList {...list} />
        </div>
      </section>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent placement="sheet" title="Tags" className="flex flex-col" focusSelf>
          <TagList {...list} onPick={() => setOpen(false)} />
        </DialogContent>
      </Dialog>
    </>
  );
}

function TagList({
  workspaceId,
  query,
  tags,
  total,
  complete,
  loading,
  error,
  loadAll,
  onPick,
}: Omit<Props, "tags"> & { tags: TagCount[]; complete: boolean; loading: boolean; error: string | null; loadAll: () => void; onPick?: () => void }) {
  const [search, setSearch] = useState("");
  // A filter from an old link may name a tag no bookmark has any more; it shows, to be removable.
  const gone = query.tags.filter((t) => !tags.some((o) => same(o.tag, t))).map((tag) => ({ tag, count: 0 }));
  const q = search.trim().toLowerCase();
  const shown = [...gone, ...tags].filter((t) => !q || t.tag.toLowerCase().includes(q));
  return (
    <div className="flex min-h-0 flex-col gap-1 text-sm">
      {total >= SEARCH_FROM && (
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
          <input
            type="search"
            aria-label="Search tags"
            placeholder="Search tags"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              loadAll();
            }}
            className={cn(controlVariants(), "pl-7")}
          />
        </div>
      )}
      {total === 0 && gone.length === 0 ? (
        <p className="px-2 py-1 text-muted">No tags yet. Tags you give bookmarks show here.</p>
      ) : (
        // The links' look is set once here rather than on each of up to 30 links: the first page has a size budget.
        <ul className="min-h-0 overflow-y-auto [&_a]:flex [&_a]:items-center [&_a]:gap-2 [&_a]:rounded-md [&_a]:px-2 [&_a]:py-1 [&_a:hover]:bg-surface [&_a[aria-current]]:bg-surface [&_a[aria-current]]:font-medium pointer-coarse:[&_a]:min-h-11">
          {shown.map(({ tag, count }) => {
            const active = query.tags.some((t) => same(t, tag));
            return (
              <li key={tag}>
                <Link
                  href={listHref(workspaceId, withTagToggled(query, tag))}
                  replace
                  scroll={false}
                  aria-current={active || undefined}
                  onClick={onPick}
                >
                  <span className="min-w-0 flex-1 truncate">{tag}</span>
                  {active && <Check className="size-3.5 shrink-0" aria-hidden />}
                  <span className="text-xs tabular-nums text-muted">{count.toLocaleString("en")}</span>
                </Link>
              </li>
            );
          })}
          {q && shown.length === 0 && !loading && <li className="px-2 py-1 text-muted">No tag matches “{search.trim()}”.</li>}
        </ul>
      )}
      {error && (
        <p role="alert" className="px-2 text-xs text-danger">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-2 px-2 pt-1 text-xs">
        {!complete && (
          <Button variant="quiet" size="sm" className="-ml-2" onClick={loadAll} disabled={loading} aria-busy={loading || undefined}>
            {loading ? "Loading tags…" : `Show all ${total.toLocaleString("en")} tags`}
          </Button>
        )}
        <Link href={`/w/${workspaceId}/tags`} onClick={onPick} className="text-muted underline-offset-2 hover:text-ink hover:underline pointer-coarse:py-3">
          Manage tags
        </Link>
      </div>
    </div>
  );
}
