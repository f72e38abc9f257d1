import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { describeEachDatabase } from "@/test/db";
import { queueWrites, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { handleCronDrain, type DrainResult } from "./drain";

const SECRET = "a-cron-secret-of-some-length";
const WRITES = 1_000;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const params = (values: Record<string, string> = {}) => new URLSearchParams(values);

describeEachDatabase("the cron drain", (handle) => {
  it("refuses without the secret, and answers 503 when none is configured", async () => {
    const db = handle().db;
    expect((await handleCronDrain(db, undefined, `Bearer ${SECRET}`, params())).status).toBe(503);
    expect((await handleCronDrain(db, SECRET, null, params())).status).toBe(401);
    expect((await handleCronDrain(db, SECRET, `Bearer ${SECRET}x`, params())).status).toBe(401);
    expect((await handleCronDrain(db, SECRET, SECRET, params())).status).toBe(401);
    const bad = await handleCronDrain(db, SECRET, `Bearer ${SECRET}`, params({ max: "0", seconds: "500" }));
    expect(bad).toEqual({ status: 400, body: { error: "max must be at least 1; seconds must be at most 50" } });
  });

  it("delivers 1,000 queued writes in bounded batches, each exactly once, and says what is left", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const titles = await queueWrites(db, workspace, "cron", WRITES);

    const runs: DrainResult[] = [];
    // A scheduler calls again at once while `done` is false, and on its next tick otherwise.
    for (let left = WRITES; left > 0; ) {
      const answer = await handleCronDrain(db, SECRET, `Bearer ${SECRET}`, params({ max: "300", seconds: "30" }));
      expect(answer.status).toBe(200);
      const result = answer.body as DrainResult;
      runs.push(result);
      left = result.left.pending;
    }
    // A write Notion was too slow for is taken again after its retry delay, so later runs may take more.
    expect(runs.slice(0, 3).map((r) => r.taken)).toEqual([300, 300, 300]);
    expect(runs[0]!.left.pending).toBeGreaterThanOrEqual(700);
    expect(runs.slice(0, 3).map((r) => r.done)).toEqual([false, false, false]);
    expect(runs.at(-1)).toMatchObject({ left: { pending: 0, parked: 0, runningImports: 0 } });

    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    expect(pages.map((p) => pageToBookmark(p, workspace.propertyMap!).title).sort()).toEqual(titles);
  }, 180_000);

  it("stops at its time limit with the rest still queued", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    await queueWrites(db, workspace, "slow", 20);
    await admin.setLatency({ fixedMs: 200 });
    try {
      const answer = await handleCronDrain(db, SECRET, `Bearer ${SECRET}`, params({ seconds: "0.1" }));
      const result = answer.body as DrainResult;
      // One batch had started before the deadline; it is finished, the rest waits for the next run.
      expect(result.taken).toBe(4);
      expect(result.left.pending).toBe(16);
      expect(result.done).toBe(false);
    } finally {
      await admin.setLatency({ fixedMs: 0 });
    }
  }, 60_000);
});
