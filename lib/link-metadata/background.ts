/**
 * Best-effort jobs that run after the answer has gone (link metadata for a saved bookmark), in
 * this process, a few at a time. Nothing waits on them and a failure only loses the nicety; a
 * restart loses the queue, which costs a title that stays the fallback.
 */

const MAX_RUNNING = 4;
// Past this many waiting jobs new ones are dropped: a burst of saves must not grow memory without bound.
const MAX_WAITING = 500;

type Job = () => Promise<void>;

const waiting: Job[] = [];
const running = new Set<Promise<void>>();
let idleWaiters: Array<() => void> = [];

function next(): void {
  while (running.size < MAX_RUNNING && waiting.length > 0) {
    const job = waiting.shift()!;
    const run = job()
      .catch((error: unknown) => console.error("Background job:", error instanceof Error ? error.message : error))
      .finally(() => {
        running.delete(run);
        next();
      });
    running.add(run);
  }
  if (running.size === 0 && waiting.length === 0) {
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  }
}

/** Queues `job`; returns at once. False when the queue is full and the job was dropped. */
export function runLater(job: Job): boolean {
  if (waiting.length >= MAX_WAITING) return false;
  waiting.push(job);
  // After the caller's own work, so a job never delays the answer it follows.
  setImmediate(next);
  return true;
}

/** Resolves once every queued job has finished (tests, and a graceful shutdown). */
export function backgroundIdle(): Promise<void> {
  if (running.size === 0 && waiting.length === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
