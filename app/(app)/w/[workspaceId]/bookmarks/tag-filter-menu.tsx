"use client";

import { ChevronDown, Search, Tag } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlVariants } from "@/components/ui/field";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { ListQuery } from "@/lib/bookmarks/schema";

type Props = { query: ListQuery; tagOptions: string[]; counts: Record<string, number>; toggle: (tag: string) => void };

/**
 * The tag filter: a search box, each tag's count, and the tags already chosen first. A popover of
 * checkboxes, not a menu: a menu may hold only menu items, so a search box inside one is not
 * reachable by assistive technology.
 */
export function TagFilterMenu({ query, tagOptions, counts, toggle }: Props) {
  const [search, setSearch] = useState("");
  const id = useId();
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const active = (tag: string) => query.tags.some((t) => same(t, tag));
  // Filters from an old link may name tags the database no longer has; they still show, to be removable.
  const options = [...tagOptions, ...query.tags.filter((tag) => !tagOptions.some((o) => same(o, tag)))];
  const q = search.trim().toLowerCase();
  const matching = q ? options.filter((tag) => tag.toLowerCase().includes(q)) : options;
  const chosen = matching.filter(active);
  const rest = matching.filter((tag) => !active(tag));
  const item = (tag: string) => (
    <li key={tag}>
      <label className="flex w-full cursor-pointer select-none items-center gap-2 rounded-md px-2 py-1.5 hover:bg-surface pointer-coarse:py-2.5">
        <input type="checkbox" checked={active(tag)} onChange={() => toggle(tag)} className="size-4 shrink-0 accent-accent" />
        <span className="min-w-0 flex-1 truncate">{tag}</span>
        {counts[tag] !== undefined && <span className="text-xs tabular-nums text-muted">{counts[tag].toLocaleString("en")}</span>}
      </label>
    </li>
  );
  const group = (label: string, tags: string[]) => (
    <div role="group" aria-labelledby={`${id}-${label.replace(/\W+/g, "-")}`}>
      <p id={`${id}-${label.replace(/\W+/g, "-")}`} className="px-2 py-1 text-xs font-medium text-muted">
        {label}
      </p>
      <ul>{tags.map(item)}</ul>
    </div>
  );
  return (
    <Popover onOpenChange={(open) => !open && setSearch("")}>
      <PopoverTrigger asChild disabled={options.length === 0}>
        {/* Below lg the tag sidebar's sheet takes its place (tag-sheet.tsx). */}
        <Button className="font-normal max-lg:hidden">
          <Tag className="size-3.5 text-muted" aria-hidden />
          Tags
          {query.tags.length > 0 && (
            <Badge className="tabular-nums" aria-label={`${query.tags.length} selected`}>
              {query.tags.length}
            </Badge>
          )}
          <ChevronDown className="size-3.5 text-muted" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" aria-label="Filter by tag" role="dialog" className="flex max-h-96 w-72 max-w-[calc(100vw-1rem)] flex-col">
        <div className="relative p-1">
          <Search className="pointer-events-none absolute left-3.5 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
          {/* A bare input with the controls' look: the popover's search box has no <Field> around it. */}
          <input
            type="search"
            aria-label="Search tags"
            placeholder="Search tags"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className={cn(controlVariants(), "pl-7")}
          />
        </div>
        <div className="min-h-0 overflow-y-auto">
          {chosen.length > 0 && group("Selected", chosen)}
          {rest.length > 0 && group(chosen.length > 0 ? "More tags" : "Show bookmarks tagged", rest)}
          {matching.length === 0 && <p className="px-2 py-1.5 text-sm text-muted">No tag matches “{search.trim()}”.</p>}
        </div>
      </PopoverContent>
    </Popover>
  );
}
