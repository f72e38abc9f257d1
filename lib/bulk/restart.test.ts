import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { bulkItems } from "@/db/schema";
import { syncWorkspace } from "@/lib/bookmarks/sync";
import { pageToBookmark } from "@/lib/notion/mapping";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { appInstances } from "@/test/app-instances";
import { testBackends } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { bulkJobView, startBulkJob } from "./service";

// Processes share a database only on real Postgres, as in lib/bookmarks/instances.test.ts.
const postgres = testBackends().find((b) => b.name === "postgres");
const ROWS = 600;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
let handle: DatabaseHandle;
const instances = appInstances();

describe.skipIf(!postgres)("a bulk job through a server crash [postgres]", () => {
  beforeAll(async () => {
    // A budget of 100 requests a second: the kill lands mid-job, the whole test stays short.
    ({ sandbox, admin } = await startAppSandbox({ env: { NOTION_REQUESTS_PER_SECOND: "100" } }));
    opened = await postgres!.open();
    handle = opened.handle;
  });
  afterEach(() => {
    instances.killAll();
  });
  afterAll(async () => {
    await opened?.dispose();
    await sandbox.stop();
  });

  it("SIGKILL mid-job, then a restart: the job completes and nothing is applied twice", async () => {
    const db = handle.db;
    const { workspace: connected } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    await admin.seedRows(connected.dataSourceId!, ROWS);
    await syncWorkspace(db, connected, { full: true });
    const workspace = connected;
    const ctx = { db, workspace, userId: workspace.userId };
    const job = await startBulkJob(ctx, { action: "add_tags", tags: ["bulk-kill"], selection: { query: { q: "", tags: [] } } });
    expect(job.total).toBeGreaterThanOrEqual(ROWS);
    await admin.clearRequests();

    const first = await instances.start(opened!.url!);
    for (;;) {
      const view = await bulkJobView(ctx, job.id);
      if (view.done >= job.total * 0.4) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill("SIGKILL");
    const atKill = await bulkJobView(ctx, job.id);
    expect(atKill.status).toBe("running");
    expect(atKill.done).toBeLessThan(job.total);

    await instances.start(opened!.url!);
    let finished = atKill;
    while (finished.status === "running" || finished.remaining > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = await bulkJobView(ctx, job.id);
    }
    expect(finished).toMatchObject({ status: "completed", done: job.total, failed: 0 });

    // Each item was handed to the outbox once: one write of its own.
    const items = await db.select().from(bulkItems).where(eq(bulkItems.jobId, job.id));
    expect(items).toHaveLength(job.total);
    expect(items.every((item) => item.status === "done" && item.writeIds?.length === 1)).toBe(true);
    expect(new Set(items.flatMap((item) => item.writeIds)).size).toBe(job.total);
    // Every page carries the tag exactly once.
    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    const tags = pages.map((page) => pageToBookmark(page, workspace.propertyMap!).tags);
    expect(tags).toHaveLength(job.total);
    expect(tags.every((t) => t.filter((tag) => tag === "bulk-kill").length === 1)).toBe(true);
    // Notion saw one update a page, but for the few in flight when the process died (sent again
    // after their lease lapsed: an update is idempotent, so the page is the same either way).
    const patches = (await admin.requests()).filter((r) => r.method === "PATCH" && r.path.startsWith("/v1/pages/") && r.status === 200);
    expect(patches.length).toBeGreaterThanOrEqual(job.total);
    expect(patches.length).toBeLessThanOrEqual(job.total + 4);
  }, 300_000);
});
