import type { BlockObjectResponse } from "@notionhq/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { findBookmark } from "@/lib/bookmarks/queries";
import { createBookmark } from "@/lib/bookmarks/service";
import { findContent } from "@/lib/content/queries";
import { chooseContentMode } from "@/lib/content/service";
import { notionForWorkspace } from "@/lib/notion/client";
import { pageToBookmark } from "@/lib/notion/mapping";
import { findWorkspace } from "@/lib/workspaces/queries";
import { describeEachDatabase } from "@/test/db";
import { startTestServer, type TestServer } from "@/test/http-servers";
import { readerFixture } from "@/test/reader-pages";
import { queueWrites, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { drainBatch, handleCronDrain, type DrainResult } from "./drain";

const SECRET = "a-cron-secret-of-some-length";
const WRITES = 1_000;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let pages: TestServer;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
  pages = await startTestServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(readerFixture("article.html"));
  });
});
afterAll(async () => {
  await Promise.all([sandbox.stop(), pages?.close()]);
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

  it("writes readable content too, once the page's create is delivered, as the worker's content writer does", async () => {
    const db = handle().db;
    const ready = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    await chooseContentMode({ db, workspace: ready.workspace }, "saves");
    const workspace = (await findWorkspace(db, ready.workspace.id))!;
    const bookmark = await createBookmark({ db, workspace }, { url: `${pages.url}/wal`, title: "Write-ahead logs", description: "", tags: [] });

    // What earlier tests left queued is delivered too; the article is written once its page exists.
    const runs: DrainResult[] = [];
    for (let round = 0; round < 20 && (await findContent(db, workspace.id, bookmark.id))?.status !== "done"; round++) {
      // The test server is on 127.0.0.1, which the reader refuses unless told (LINK_METADATA_ALLOW_LOOPBACK).
      runs.push(await drainBatch(db, { maxWrites: 100, seconds: 30 }, { allowLoopback: true }));
    }
    expect(runs.reduce((sum, run) => sum + run.contentJobs, 0)).toBe(1);
    expect(runs.at(-1)).toMatchObject({ left: { content: 0 } });

    const content = (await findContent(db, workspace.id, bookmark.id))!;
    expect(content).toMatchObject({ status: "done", reason: null });
    expect(content.blocks).toContainEqual(expect.objectContaining({ type: "heading" }));
    const { results } = await notionForWorkspace(db, workspace).blocks.children.list({ block_id: (await findBookmark(db, workspace.id, bookmark.id))!.notionPageId! });
    const types = (results as BlockObjectResponse[]).map((block) => block.type);
    expect(types[0]).toBe("callout");
    expect(types).toEqual(expect.arrayContaining(["heading_2", "paragraph", "bulleted_list_item", "code"]));
    expect(JSON.stringify(results)).toContain("zymurgical");
  }, 60_000);
});

