"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BulkJobView, MoveTarget } from "@/lib/bulk/service";

type Status = { jobs: BulkJobView[]; moveTargets: MoveTarget[] };

async function fetchStatus(workspaceId: string): Promise<Status | null> {
  const response = await fetch(`/w/${workspaceId}/bookmarks/bulk`, { cache: "no-store" }).catch(() => null);
  return response?.ok ? ((await response.json()) as Status) : null;
}

/**
 * The workspace's bulk jobs, asked of /bookmarks/bulk once on arrival and every second while one
 * runs (never in a hidden tab). When a job finishes, the list re-renders with its changes.
 */
export function useBulkStatus(workspaceId: string) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ jobs: [], moveTargets: [] });
  const running = useRef(new Set<string>());

  const apply = useCallback(
    (next: Status) => {
      const finished = [...running.current].some((id) => next.jobs.find((job) => job.id === id)?.status !== "running");
      running.current = new Set(next.jobs.filter((job) => job.status === "running").map((job) => job.id));
      setStatus(next);
      if (finished) router.refresh();
    },
    [router],
  );

  const active = status.jobs.some((job) => job.status === "running" || job.remaining > 0);
  useEffect(() => {
    let live = true;
    const load = () => void fetchStatus(workspaceId).then((next) => live && next && apply(next));
    load();
    const timer = active ? setInterval(() => document.visibilityState === "visible" && load(), 1000) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [active, workspaceId, apply]);

  /** A job just started (or undone): shown at once, polled from now on. */
  function started(job: BulkJobView) {
    if (job.status === "running") running.current.add(job.id);
    setStatus((current) => ({ ...current, jobs: [job, ...current.jobs.filter((j) => j.id !== job.id)] }));
    router.refresh();
  }

  return { ...status, started };
}
