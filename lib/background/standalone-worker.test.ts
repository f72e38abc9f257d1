import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { outboxBacklog } from "@/lib/bookmarks/queries";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { appInstances } from "@/test/app-instances";
import { testBackends } from "@/test/db";
import { drainOutbox, queueWrites, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { handleCronDrain, type DrainResult } from "./drain";

// `npm run worker` is a process of its own: only real Postgres is shared between processes.
const postgres = testBackends().find((b) => b.name === "postgres");
const SECRET = "a-cron-secret-of-some-length";
const WRITES = 1_000;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
const instances = appInstances();
// The web side (this test's process) runs no worker, as with OUTBOX_WORKER=off.
const startWorkerProcess = () => instances.start(opened!.url!, { script: "npm run worker" });

async function titlesInNotion(workspace: Workspace): Promise<string[]> {
  const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
  return pages.map((p) => pageToBookmark(p, workspace.propertyMap!).title).sort();
}

async function cronUntilDone(db: Database): Promise<number> {
  let taken = 0;
  for (let left = 1; left > 0; ) {
    const answer = await handleCronDrain(db, SECRET, `Bearer ${SECRET}`, new URLSearchParams({ max: "100", seconds: "10" }));
    expect(answer.status).toBe(200);
    const result = answer.body as DrainResult;
    taken += result.taken;
    left = result.left.pending;
  }
  return taken;
}

describe.skipIf(!postgres)("npm run worker [postgres]", () => {
  beforeAll(async () => {
    ({ sandbox, admin } = await startAppSandbox({ env: { OUTBOX_WORKER: "off" } }));
    opened = await postgres!.open();
  });
  afterEach(() => {
    instances.killAll();
  });
  afterAll(async () => {
    await opened?.dispose();
    await sandbox.stop();
  });

  it("delivers 1,000 queued writes, each exactly once", async () => {
    const db = opened!.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const titles = await queueWrites(db, workspace, "worker", WRITES);
    await startWorkerProcess();
    await drainOutbox(db, 120_000);
    expect(await titlesInNotion(workspace)).toEqual(titles);
  }, 180_000);

  it("and the cron route, running at the same time, share the work: nothing lost, nothing doubled", async () => {
    const db = opened!.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const titles = await queueWrites(db, workspace, "both", WRITES);
    await startWorkerProcess();
    const byCron = await cronUntilDone(db);
    await drainOutbox(db, 120_000);
    // Both took part (the cron alone would have taken all 1,000).
    expect(byCron).toBeGreaterThan(0);
    expect(byCron).toBeLessThan(WRITES);
    expect(await titlesInNotion(workspace)).toEqual(titles);
  }, 180_000);

  it("killed mid-batch and started again, loses and doubles nothing", async () => {
    const db = opened!.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "dorothy", workspace: "westArea" });
    const titles = await queueWrites(db, workspace, "killed", WRITES);
    // Slow answers, so the kill lands while creates are in flight at Notion.
    await admin.setLatency({ fixedMs: 100 });
    const first = await startWorkerProcess();
    while ((await outboxBacklog(db, workspace.id)).pending > WRITES - 50) await new Promise((r) => setTimeout(r, 20));
    first.kill("SIGKILL");
    expect((await outboxBacklog(db, workspace.id)).pending).toBeGreaterThan(0);
    await admin.setLatency({ fixedMs: 0 });

    await startWorkerProcess();
    await drainOutbox(db, 120_000);
    expect(await titlesInNotion(workspace)).toEqual(titles);
  }, 180_000);
});
