"use client";

import { ChevronDown, Search, Tag } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlVariants } from "@/components/ui/field";
import { Menu, MenuCheckboxItem, MenuContent, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import type { ListQuery } from "@/lib/bookmarks/schema";

type Props = { query: ListQuery; tagOptions: string[]; counts: Record<string, number>; toggle: (tag: string) => void };

/** The tag filter: a search box, each tag's count, and the tags already chosen first. */
export function TagFilterMenu({ query, tagOptions, counts, toggle }: Props) {
  const [search, setSearch] = useState("");
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const active = (tag: string) => query.tags.some((t) => same(t, tag));
  // Filters from an old link may name tags the database no longer has; they still show, to be removable.
  const options = [...tagOptions, ...query.tags.filter((tag) => !tagOptions.some((o) => same(o, tag)))];
  const q = search.trim().toLowerCase();
  const matching = q ? options.filter((tag) => tag.toLowerCase().includes(q)) : options;
  const chosen = matching.filter(active);
  const rest = matching.filter((tag) => !active(tag));
  const item = (tag: string) => (
    <MenuCheckboxItem key={tag} checked={active(tag)} onSelect={() => toggle(tag)}>
      <span className="min-w-0 flex-1 truncate">{tag}</span>
      {counts[tag] !== undefined && <span className="text-xs tabular-nums text-muted">{counts[tag].toLocaleString("en")}</span>}
    </MenuCheckboxItem>
  );
  return (
    <Menu onOpenChange={(open) => !open && setSearch("")}>
      <MenuTrigger asChild disabled={options.length === 0}>
        <Button className="font-normal">
          <Tag className="size-3.5 text-muted" aria-hidden />
          Tags
          {query.tags.length > 0 && (
            <Badge className="tabular-nums" aria-label={`${query.tags.length} selected`}>
              {query.tags.length}
            </Badge>
          )}
          <ChevronDown className="size-3.5 text-muted" aria-hidden />
        </Button>
      </MenuTrigger>
      <MenuContent align="end" className="flex max-h-96 w-72 max-w-[calc(100vw-1rem)] flex-col">
        <div className="relative p-1">
          <Search className="pointer-events-none absolute left-3.5 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
          {/* A bare input with the controls' look: a menu's search box has no <Field> around it. */}
          <input
            type="search"
            aria-label="Search tags"
            placeholder="Search tags"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            // The menu's type-ahead would take the letters; arrows and Escape still reach it.
            onKeyDown={(e) => {
              if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Escape" && e.key !== "Tab") e.stopPropagation();
            }}
            className={cn(controlVariants(), "pl-7")}
          />
        </div>
        <div className="min-h-0 overflow-y-auto">
          {chosen.length > 0 && (
            <>
              <MenuLabel>Selected</MenuLabel>
              {chosen.map(item)}
              {rest.length > 0 && <MenuSeparator />}
            </>
          )}
          {rest.length > 0 && <MenuLabel>{chosen.length > 0 ? "More tags" : "Show bookmarks tagged"}</MenuLabel>}
          {rest.map(item)}
          {matching.length === 0 && <p className="px-2 py-1.5 text-sm text-muted">No tag matches “{search.trim()}”.</p>}
        </div>
      </MenuContent>
    </Menu>
  );
}
