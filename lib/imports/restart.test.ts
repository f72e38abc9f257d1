import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { normalizeUrl } from "@/lib/bookmarks/url";
import type { RunningSandbox, SandboxAdmin } from "@/lib/notion-sandbox";
import { testBackends } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { getImport, previewImport, startImport } from "./service";
import { notionBookmarks, upload, waitForFinish } from "./testing";

// Processes share a database only on real Postgres, as in lib/bookmarks/instances.test.ts.
const postgres = testBackends().find((b) => b.name === "postgres");

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
let handle: DatabaseHandle;
const children = new Set<ChildProcess>();

/** One app instance's background work (outbox worker and import runner) in its own process. */
function startInstance(): Promise<ChildProcess> {
  const child = fork(path.join(process.cwd(), "test", "worker-process.ts"), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: opened!.url, OUTBOX_LEASE_SECONDS: "2" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
}

describe.skipIf(!postgres)("an import through a server crash [postgres]", () => {
  beforeAll(async () => {
    // A budget of 200 requests a second keeps 1,000 rows in the outbox: the kill lands mid-stream.
    ({ sandbox, admin } = await startAppSandbox({ env: { NOTION_REQUESTS_PER_SECOND: "200" } }));
    opened = await postgres!.open();
    handle = opened.handle;
  });
  afterEach(() => {
    for (const child of children) child.kill("SIGKILL");
  });
  afterAll(async () => {
    await opened?.dispose();
    await sandbox.stop();
  });

  it("SIGKILL at about 40 % and a restart finish the job with every bookmark in Notion exactly once", async () => {
    const db = handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace };
    const text = fs.readFileSync(path.join(process.cwd(), "test", "fixtures", "chrome-5000.html"), "utf8");
    const preview = await previewImport({ ...ctx, userId: workspace.userId }, upload("chrome-5000.html", text), { folderTags: false });
    const total = preview.counts.toImport;
    await startImport(ctx, preview.id);

    const first = await startInstance();
    for (;;) {
      const { progress } = await getImport(ctx, preview.id);
      if (progress.done >= total * 0.4) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill("SIGKILL");
    const atKill = await getImport(ctx, preview.id);
    expect(atKill.status).toBe("running");
    expect(atKill.progress.done).toBeLessThan(total * 0.6);

    await startInstance();
    const finished = await waitForFinish(ctx, preview.id, 480_000);
    expect(finished.progress).toEqual({ done: total, failed: 0, skipped: 0, remaining: 0, etaSeconds: null });
    const pages = await notionBookmarks(admin, workspace);
    expect(pages).toHaveLength(total);
    expect(new Set(pages.map((page) => normalizeUrl(page.url))).size).toBe(total);
  }, 600_000);
});
