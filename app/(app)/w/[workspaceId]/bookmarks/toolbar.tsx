"use client";

import { CopyCheck, Search } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { listHref, withTagToggled } from "@/components/bookmarks/list-url";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlVariants } from "@/components/ui/field";
import type { BookmarkSort, ListQuery } from "@/lib/bookmarks/schema";
import { TagFilterMenu } from "./tag-filter-menu";
import { TagSheetButton } from "./tag-sheet";

const SORT_LABELS: Record<BookmarkSort, string> = { newest: "Newest first", oldest: "Oldest first", title: "Title A–Z" };
const SEARCH_DELAY_MS = 300;

type Props = {
  workspaceId: string;
  query: ListQuery;
  tagOptions: string[];
  tagCounts: Record<string, number>;
  duplicates: number;
  searchRef: React.RefObject<HTMLInputElement | null>;
  navigate: (href: string) => void;
  /** View controls shown at the end of the bar (the density switch). */
  children?: React.ReactNode;
};

/**
 * Search, tag filter and sort. A plain GET form, so it works before (or without) JavaScript; with
 * it, every change replaces the URL, which is what makes a view shareable and survive reload.
 */
export function Toolbar({ workspaceId, query, tagOptions, tagCounts, duplicates, searchRef, navigate, children }: Props) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Shown at once while the sorted list loads; follows the URL when it changes from elsewhere.
  const [sort, setSort] = useState(query.sort);
  const [urlSort, setUrlSort] = useState(query.sort);
  if (urlSort !== query.sort) {
    setUrlSort(query.sort);
    setSort(query.sort);
  }
  const go = (view: Partial<ListQuery>) => navigate(listHref(workspaceId, { ...query, ...view, cursor: undefined }));

  // The field is uncontrolled so typing never fights the URL; it follows the URL only when the
  // person isn't typing in it (a "Clear filters" link, back/forward).
  useEffect(() => {
    const field = searchRef.current;
    if (field && document.activeElement !== field) field.value = query.q;
  }, [query.q, searchRef]);
  useEffect(() => () => clearTimeout(timer.current), []);

  function search(q: string, delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go({ q: q.trim() }), delay);
  }

  return (
    <form
      role="search"
      action={`/w/${workspaceId}/bookmarks`}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        search(searchRef.current?.value ?? "", 0);
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <div className="relative min-w-0 flex-1 basis-56">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted" aria-hidden />
        <label htmlFor="bookmark-search" className="sr-only">
          Search bookmarks
        </label>
        <input
          ref={searchRef}
          id="bookmark-search"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder="Search bookmarks"
          onChange={(e) => search(e.target.value, SEARCH_DELAY_MS)}
          onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
          className={cn(controlVariants(), "pl-8 pr-2")}
        />
      </div>
      {query.tags.map((tag) => (
        <input key={tag} type="hidden" name="tags" value={tag} />
      ))}
      <TagFilterMenu query={query} tagOptions={tagOptions} counts={tagCounts} toggle={(tag) => go(withTagToggled(query, tag))} />
      <TagSheetButton selected={query.tags.length} />
      <label htmlFor="bookmark-sort" className="sr-only">
        Sort
      </label>
      <select
        id="bookmark-sort"
        name="sort"
        value={sort}
        onChange={(e) => {
          const next = e.target.value as BookmarkSort;
          setSort(next);
          go({ sort: next });
        }}
        className={cn(controlVariants(), "w-auto bg-raised pl-2 pr-7")}
      >
        {Object.entries(SORT_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {duplicates > 0 && (
        <Button asChild className="font-normal">
          <Link href={`/w/${workspaceId}/duplicates`}>
            <CopyCheck className="size-3.5 text-muted" aria-hidden />
            {duplicates} {duplicates === 1 ? "duplicate" : "duplicates"}
          </Link>
        </Button>
      )}
      {children}
      <button type="submit" className="sr-only">
        Apply
      </button>
    </form>
  );
}
