"use client";

import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent } from "react";

/**
 * Keeps an open dashboard current without rendering it again and again: every `ms` (while the tab
 * is visible) it asks the server for the list's version, a few bytes, and refreshes the view only
 * when that differs from the version it was rendered with.
 */
export function useListWatch(workspaceId: string, version: string, ms: number) {
  const router = useRouter();
  const check = useEffectEvent(async (signal: AbortSignal) => {
    if (document.visibilityState !== "visible") return;
    const response = await fetch(`/w/${workspaceId}/bookmarks/version`, { cache: "no-store", signal }).catch(() => null);
    // A failed poll is not news: the next one tries again, and a real failure shows on the next render.
    const body = response?.ok ? ((await response.json().catch(() => null)) as { version?: string } | null) : null;
    if (body?.version !== undefined && body.version !== version) router.refresh();
  });
  useEffect(() => {
    const controller = new AbortController();
    const tick = () => void check(controller.signal);
    const timer = setInterval(tick, ms);
    document.addEventListener("visibilitychange", tick);
    return () => {
      controller.abort();
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [ms]);
}
