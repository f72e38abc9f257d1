"use client";

import { useRef, useState } from "react";

/**
 * The ticked rows of the page on screen, or "all matching" (then the selection is the list's
 * query, not ids). It starts empty again whenever the list shows something else (`listKey`).
 */
export function useSelection(pageIds: string[], listKey: string) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [key, setKey] = useState(listKey);
  const anchor = useRef<string | null>(null);
  if (key !== listKey) {
    setKey(listKey);
    setIds(new Set());
    setAllMatching(false);
  }

  /** Ticks or unticks one row; with `range`, every row from the last one touched takes its new state. */
  function toggle(id: string, range = false) {
    setAllMatching(false);
    // Read now: the updater runs later, after the anchor has moved to this row.
    const from = range && anchor.current ? pageIds.indexOf(anchor.current) : -1;
    setIds((current) => {
      const next = new Set(current);
      const on = !current.has(id);
      const to = pageIds.indexOf(id);
      const span = from >= 0 && to >= 0 ? pageIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const each of span) {
        if (on) next.add(each);
        else next.delete(each);
      }
      return next;
    });
    anchor.current = id;
  }

  function setPage(on: boolean) {
    setAllMatching(false);
    setIds(on ? new Set(pageIds) : new Set());
  }

  function clear() {
    setIds(new Set());
    setAllMatching(false);
    anchor.current = null;
  }

  const selectedIds = pageIds.filter((id) => ids.has(id));
  return {
    selectedIds,
    has: (id: string) => allMatching || ids.has(id),
    allMatching,
    wholePage: pageIds.length > 0 && selectedIds.length === pageIds.length,
    empty: !allMatching && selectedIds.length === 0,
    toggle,
    setPage,
    selectAllMatching: () => setAllMatching(true),
    clear,
  };
}

export type Selection = ReturnType<typeof useSelection>;
