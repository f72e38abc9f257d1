"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ListedBookmark } from "@/lib/bookmarks/types";
import type { ActionResult } from "@/lib/actions/safe-action";

/** A local change shown before Notion confirms it: show (add or replace) a bookmark, or hide one. */
export type Change = { kind: "put"; bookmark: ListedBookmark; at?: number } | { kind: "hide"; id: string };

type Tracked = Change & { seq: number; settled: boolean };

function apply(list: ListedBookmark[], change: Change): ListedBookmark[] {
  if (change.kind === "hide") return list.filter((b) => b.id !== change.id);
  const index = list.findIndex((b) => b.id === change.bookmark.id);
  if (index >= 0) return list.map((b, i) => (i === index ? change.bookmark : b));
  const next = [...list];
  next.splice(Math.min(change.at ?? 0, next.length), 0, change.bookmark);
  return next;
}

const UNREACHABLE: ActionResult<never> = {
  ok: false,
  error: "Shelf could not be reached. Check your connection; nothing was changed.",
  code: "unavailable",
};

/**
 * The server's list with the person's unconfirmed changes laid over it. A failed change is simply
 * dropped (that is the rollback). A confirmed one stays until the server sends a fresh list, so
 * rows don't blink back between "Notion said yes" and the refreshed list arriving.
 */
export function useOptimisticList(serverItems: ListedBookmark[]) {
  const router = useRouter();
  const [changes, setChanges] = useState<Tracked[]>([]);
  const [basis, setBasis] = useState(serverItems);
  const seq = useRef(0);

  if (basis !== serverItems) {
    setBasis(serverItems);
    setChanges((list) => list.filter((c) => !c.settled));
  }

  /** Shows `change` now, runs `send`, and keeps (as `confirmed(data)`, if given) or drops it by the answer. */
  async function track<T>(change: Change, send: () => Promise<ActionResult<T>>, confirmed?: (data: T) => Change): Promise<ActionResult<T>> {
    const id = ++seq.current;
    setChanges((list) => [...list, { ...change, seq: id, settled: false }]);
    const result = await send().catch(() => UNREACHABLE);
    setChanges((list) =>
      result.ok
        ? list.map((c) => (c.seq === id ? { ...(confirmed ? confirmed(result.data) : c), seq: id, settled: true } : c))
        : list.filter((c) => c.seq !== id),
    );
    if (result.ok) router.refresh();
    return result;
  }

  return { items: changes.reduce(apply, serverItems), track };
}
