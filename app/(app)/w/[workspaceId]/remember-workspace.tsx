"use client";

import { useEffect } from "react";

/**
 * Tells the server which workspace is open, once it is on screen. Rendering (and prefetching a
 * link to another workspace) must not change which workspace `/` opens next time.
 */
export function RememberWorkspace({ workspaceId }: { workspaceId: string }) {
  useEffect(() => {
    // Losing this write only means `/` opens the previous workspace; nothing to tell the person.
    fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/last-used`, { method: "POST" }).catch(() => undefined);
  }, [workspaceId]);
  return null;
}
