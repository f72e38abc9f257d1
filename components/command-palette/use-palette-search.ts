"use client";

import { useEffect, useState } from "react";
import { paletteSearchAction } from "@/lib/actions/palette";
import type { Bookmark } from "@/lib/bookmarks/types";

// Long enough to send one search per pause in typing, short enough to feel immediate.
const DEBOUNCE_MS = 150;

type Answer = { typed: string; items: Bookmark[]; error: string | null };

/**
 * The bookmarks matching `typed`, searched on the server after a pause in typing. The previous
 * answer stays on screen while the next is on its way, so the list doesn't blink at every key.
 */
export function usePaletteSearch(workspaceId: string, typed: string) {
  const wanted = typed.trim();
  const [answer, setAnswer] = useState<Answer>({ typed: "", items: [], error: null });
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const timer = setTimeout(() => {
      void paletteSearchAction({ workspaceId, q: wanted })
        .catch(() => ({ ok: false as const, error: "Shelf could not be reached. Check your connection." }))
        .then((result) => {
          if (current) setAnswer({ typed: wanted, items: result.ok ? result.data : [], error: result.ok ? null : result.error });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [workspaceId, wanted]);

  if (!wanted) return { items: [], loading: false, error: null };
  return { items: answer.items, loading: answer.typed !== wanted, error: answer.typed === wanted ? answer.error : null };
}
