"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { registerUndo, undo } from "@/components/undo/undo";
import { undoBulkJob } from "@/lib/actions/bulk";
import type { BulkJobView, MoveTarget } from "@/lib/bulk/service";
import { headline } from "./bulk-words";

type Status = { jobs: BulkJobView[]; moveTargets: MoveTarget[] };

async function fetchStatus(workspaceId: string): Promise<Status | null> {
  const response = await fetch(`/w/${workspaceId}/bookmarks/bulk`, { cache: "no-store" }).catch(() => null);
  return response?.ok ? ((await response.json()) as Status) : null;
}

/**
 * The workspace's bulk jobs, asked of /bookmarks/bulk once on arrival and every second while one
 * runs (never in a hidden tab). When a job finishes, the list re-renders with its changes.
 *
 * A job started here is undoable with Ctrl/⌘+Z like a single trash or edit: its inverse (the
 * server's reverse job) is on the undo stack, and the bar's Undo button takes the same entry.
 */
export function useBulkStatus(workspaceId: string) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ jobs: [], moveTargets: [] });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const running = useRef(new Set<string>());
  // Job id → its entry on the undo stack; and the jobs whose reverse was asked for, so Ctrl+Z and
  // the button pressed together send it once (the server refuses a second one anyway).
  const undoEntries = useRef(new Map<string, number>());
  const reversed = useRef(new Set<string>());

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

  const dismiss = (jobId: string) => setDismissed((current) => new Set(current).add(jobId));

  /** A job just started (or undone): shown at once, polled from now on. */
  function show(job: BulkJobView) {
    if (job.status === "running") running.current.add(job.id);
    setStatus((current) => ({ ...current, jobs: [job, ...current.jobs.filter((j) => j.id !== job.id)] }));
    router.refresh();
  }

  /** The reverse job, shown with its own progress bar in place of the job it reverses. */
  async function reverse(job: BulkJobView) {
    if (reversed.current.has(job.id)) return;
    reversed.current.add(job.id);
    const result = await undoBulkJob({ workspaceId, jobId: job.id });
    if (!result.ok) {
      reversed.current.delete(job.id);
      return void toast.error(result.error);
    }
    dismiss(job.id);
    show(result.data);
  }

  /** A job the person just started; an undo's own reverse job is not put on the stack (that would be redo). */
  function started(job: BulkJobView) {
    show(job);
    if (job.undoable && !job.undoOf) undoEntries.current.set(job.id, registerUndo(headline(job), () => reverse(job), { toast: false }));
  }

  /** The bar's Undo: the stack's entry when there is one (so Ctrl+Z can't run it again), else directly. */
  async function undoJob(job: BulkJobView) {
    const entry = undoEntries.current.get(job.id);
    undoEntries.current.delete(job.id);
    if (entry === undefined || !(await undo(entry))) await reverse(job);
  }

  return { jobs: status.jobs.filter((job) => !dismissed.has(job.id)), moveTargets: status.moveTargets, started, undo: undoJob, dismiss };
}
