import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { normalizeUrl } from "@/lib/bookmarks/url";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { appInstances } from "@/test/app-instances";
import { testBackends } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { getImport, previewImport, startImport } from "./service";
import { notionBookmarks, upload, waitForFinish } from "@/test/imports";

// Processes share a database only on real Postgres, as in lib/bookmarks/instances.test.ts.
const postgres = testBackends().find((b) => b.name === "postgres");

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
let handle: DatabaseHandle;
const instances = appInstances();

const startInstance = () => instances.start(opened!.url!);

describe.skipIf(!postgres)("an import through a server crash [postgres]", () => {
  beforeAll(async () => {
    // A budget of 200 requests a second keeps 1,000 rows in the outbox: the kill lands mid-stream.
    ({ sandbox, admin } = await startAppSandbox({ env: { NOTION_REQUESTS_PER_SECOND: "200" } }));
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
