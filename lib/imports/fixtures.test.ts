import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { normalizeUrl } from "@/lib/bookmarks/url";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase, testBackends } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { startImportRunner, type Runner } from "./runner";
import { previewImport, startImport } from "./service";
import { notionBookmarks, upload, waitForFinish } from "@/test/imports";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
const running: Array<Worker | Runner> = [];

beforeAll(async () => {
  // The sandbox's rate limit is off and Shelf's budget high, so 5,000 creates take seconds.
  ({ sandbox, admin } = await startAppSandbox());
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => sandbox.stop());

const fixture = (name: string) => {
  const dir = path.join(process.cwd(), "test", "fixtures");
  return {
    text: fs.readFileSync(path.join(dir, `${name}.html`), "utf8"),
    expected: JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8")) as { links: number; invalidUrls: number; distinctValidUrls: number },
  };
};

const cases = [
  { name: "chrome-5000", person: "ada", workspace: "notebook" },
  { name: "firefox-5000", person: "grace", workspace: "labs" },
] as const;

// Each export once, spread over the backends: 5,000 creates per run are what makes this file slow,
// and the import path is the same SQL on both.
const backends = testBackends().map((b) => b.name);
const casesOn = (backend: string) => cases.filter((_, i) => backends[i % backends.length] === backend);

describeEachDatabase("importing the 5,000-bookmark browser exports", (handle, backend) => {
  for (const { name, person, workspace: seed } of casesOn(backend)) {
    it(`${name}: the job ends with exactly the preview's counts and every new page in Notion once`, async () => {
      const db = handle().db;
      const { workspace } = await readyWorkspace(db, admin, { person, workspace: seed });
      const ctx = { db, workspace };
      const { text, expected } = fixture(name);

      const preview = await previewImport({ ...ctx, userId: workspace.userId }, upload(`${name}.html`, text), { folderTags: true });
      const { toImport, existing, duplicate, invalid } = preview.counts;
      expect({ toImport, invalid, existing, rows: toImport + existing + duplicate + invalid }).toEqual({
        toImport: expected.distinctValidUrls,
        invalid: expected.invalidUrls,
        existing: 0,
        rows: expected.links,
      });

      const worker = startWorker(db, { pollMs: 20, leaseMs: 30_000, syncEveryMs: 0, concurrency: 16 });
      running.push(worker, startImportRunner(db, { pollMs: 200, onQueued: worker.kick }));
      await startImport(ctx, preview.id);
      const finished = await waitForFinish(ctx, preview.id, 480_000);
      expect(finished.progress).toEqual({ done: toImport, failed: 0, skipped: 0, remaining: 0, etaSeconds: null });
      expect(finished.counts).toEqual(preview.counts);

      const pages = await notionBookmarks(admin, workspace);
      expect(pages).toHaveLength(toImport);
      expect(new Set(pages.map((page) => normalizeUrl(page.url))).size).toBe(toImport);
    }, 600_000);
  }
});
