/**
 * Best-effort jobs that run after the answer has gone (link metadata for a saved bookmark), in
 * this process, a few at a time. Nothing waits on them and a failure only loses the nicety; a
 * restart loses the queue, which costs a title that stays the fallback.
 */

import { log } from "@/lib/log";

const MAX_RUNNING = 4;
// Past this many waiting jobs new ones are dropped: a burst of saves must not grow memory without bound.
const MAX_WAITING = 500;

type Job = { run: () => Promise<void>; group: string };

const waiting: Job[] = [];
const running = new Set<Promise<void>>();
/** Jobs not finished yet, by group (a workspace), so its screen can keep refreshing until they are. */
const unfinished = new Map<string, number>();
let idleWaiters: Array<() => void> = [];

function count(group: string, delta: number): void {
  const n = (unfinished.get(group) ?? 0) + delta;
  if (n > 0) unfinished.set(group, n);
  else unfinished.delete(group);
}

function next(): void {
  while (running.size < MAX_RUNNING && waiting.length > 0) {
    const job = waiting.shift()!;
    const run = job
      .run()
      // setImmediate keeps the caller's log context, so the line names the request that queued it.
      .catch((err: unknown) => log.warn({ err, group: job.group }, "background job failed"))
      .finally(() => {
        running.delete(run);
        count(job.group, -1);
        next();
      });
    running.add(run);
  }
  if (running.size === 0 && waiting.length === 0) {
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  }
}

/** Queues `run` under `group`; returns at once. False when the queue is full and the job was dropped. */
export function runLater(group: string, run: () => Promise<void>): boolean {
  if (waiting.length >= MAX_WAITING) return false;
  waiting.push({ run, group });
  count(group, 1);
  // After the caller's own work, so a job never delays the answer it follows.
  setImmediate(next);
  return true;
}

/** How many of the group's jobs are waiting or running in this process. */
export function unfinishedJobs(group: string): number {
  return unfinished.get(group) ?? 0;
}

/** Resolves once every queued job has finished (for tests, which check what the jobs did). */
export function backgroundIdle(): Promise<void> {
  if (running.size === 0 && waiting.length === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
