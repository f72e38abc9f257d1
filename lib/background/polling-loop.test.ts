import { describe, expect, it } from "vitest";
import { startPollingLoop } from "./polling-loop";

describe("startPollingLoop", () => {
  it("runs again at once while there is more work, and a kick cuts an idle wait short", async () => {
    let steps = 0;
    const loop = startPollingLoop({ component: "test", pollMs: 60_000, step: async () => (++steps < 3 ? "more" : "idle") });
    await expect.poll(() => steps).toBe(3);
    loop.kick();
    await expect.poll(() => steps).toBe(4);
    await loop.stop();
  });

  it("keeps going after a failing step", async () => {
    let steps = 0;
    const loop = startPollingLoop({
      component: "test",
      pollMs: 5,
      step: async () => {
        steps += 1;
        if (steps === 1) throw new Error("Notion is away");
        return "idle";
      },
    });
    await expect.poll(() => steps).toBeGreaterThan(2);
    await loop.stop();
  });
});
