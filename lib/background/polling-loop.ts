import { log, withLogContext } from "@/lib/log";

export type PollingLoop = { kick(): void; stop(): Promise<void> };

/**
 * Runs `step` over and over in the background until stopped: again at once while it reports more
 * work, otherwise after `pollMs`, or as soon as someone kicks it. A kick that arrives during a step
 * skips the next wait, so news is never slept through. A failing step is logged and retried after a
 * longer pause. Every line logged inside carries `component`.
 */
export function startPollingLoop(options: { component: string; pollMs: number; step: () => Promise<"more" | "idle"> }): PollingLoop {
  const { component, pollMs, step } = options;
  let running = true;
  let kicked = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked || !running) {
        kicked = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = withLogContext({ component }, async () => {
    while (running) {
      try {
        kicked = false;
        if ((await step()) === "idle") await sleep(pollMs);
      } catch (error) {
        log.error({ err: error }, `${component} step failed`);
        await sleep(pollMs * 4);
      }
    }
  });

  return {
    kick: () => {
      kicked = true;
      wake?.();
    },
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}
