import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listAuditEvents } from "@/lib/audit/queries";
import { createBookmark, trashBookmark } from "@/lib/bookmarks/service";
import { listMirror } from "@/lib/bookmarks/queries";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { exportWorkspace } from "./export";
import { startImportRunner, stepJob, type Runner } from "./runner";
import { cancelImport, getImport, pauseImport, previewImport, problemReportCsv, resumeImport, startImport } from "./service";
import { notionBookmarks, upload, waitForFinish } from "@/test/imports";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
const running: Array<Worker | Runner> = [];

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => sandbox.stop());

/** The outbox worker and (unless a test steps its job by hand) the import runner, as a server process runs them. */
function startProcessing(db: Database, options = { runner: true }) {
  const worker = startWorker(db, { pollMs: 20, leaseMs: 10_000, syncEveryMs: 0, concurrency: 8 });
  running.push(worker);
  if (options.runner) running.push(startImportRunner(db, { pollMs: 20, onQueued: worker.kick }));
}

const netscape = (links: Array<{ url: string; title: string; tags?: string }>) =>
  [
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    "<TITLE>Bookmarks</TITLE>",
    "<H1>Bookmarks</H1>",
    "<DL><p>",
    '    <DT><H3 ADD_DATE="1600000000">Reading</H3>',
    "    <DL><p>",
    ...links.map((l) => `        <DT><A HREF="${l.url}" ADD_DATE="1600000000"${l.tags ? ` TAGS="${l.tags}"` : ""}>${l.title}</A>`),
    "    </DL><p>",
    "</DL><p>",
  ].join("\n");

describeEachDatabase("imports", (handle) => {
  it("previews a file's rows and then saves exactly the new ones, each once, with the preview's counts", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace };
    await createBookmark(ctx, { url: "https://saved.example/", title: "Saved before", description: "", tags: [] });
    startProcessing(db);
    await drainOutbox(db);

    const links = [
      ...Array.from({ length: 12 }, (_, n) => ({ url: `https://import.example/${n}`, title: `Import ${n}`, tags: "news,Later" })),
      { url: "https://www.import.example/3/?utm_source=x", title: "Again" },
      { url: "https://saved.example", title: "Already there" },
      { url: "javascript:alert(1)", title: "Script" },
    ];
    const preview = await previewImport({ ...ctx, userId: workspace.userId }, upload("bookmarks.html", netscape(links)), { folderTags: true });
    expect(preview).toMatchObject({ status: "preview", format: "netscape", counts: { toImport: 12, existing: 1, duplicate: 1, invalid: 1 } });
    expect(preview.problems).toEqual([{ line: 8 + 14, url: "javascript:alert(1)", reason: "Only http and https addresses can be saved; this one starts with “javascript:”." }]);

    await startImport(ctx, preview.id, { ipPrefix: "203.0.113.x", client: "Firefox on Linux" });
    await expect(startImport(ctx, preview.id)).rejects.toThrow("This import has already been started.");
    const done = await waitForFinish(ctx, preview.id);
    expect(done.progress).toEqual({ done: 12, failed: 0, skipped: 0, remaining: 0, etaSeconds: null });
    const { events } = await listAuditEvents(db, workspace.userId, { limit: 10 });
    expect(events.filter((e) => e.kind === "import_started")).toMatchObject([
      { workspaceId: workspace.id, detail: { fileName: "bookmarks.html", total: 12 }, client: "Firefox on Linux", ipPrefix: "203.0.113.x" },
    ]);

    const inNotion = await notionBookmarks(admin, workspace);
    const urls = inNotion.map((b) => b.url).sort();
    expect(urls).toEqual([...links.slice(0, 12).map((l) => l.url), "https://saved.example/"].sort());
    expect(inNotion.find((b) => b.url === "https://import.example/0")).toMatchObject({ title: "Import 0", tags: ["news", "Later", "Reading"] });

    const report = await problemReportCsv(ctx, preview.id);
    expect(report.fileName).toBe("bookmarks-not-imported.csv");
    expect(report.csv).toBe(`line,url,title,tags,reason\r\n22,javascript:alert(1),Script,Reading,Only http and https addresses can be saved; this one starts with “javascript:”.\r\n`);
  });

  it("pauses, resumes and cancels: paused rows wait, cancelled ones are skipped, saved ones stay", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    const ctx = { db, workspace };
    const links = Array.from({ length: 20 }, (_, n) => ({ url: `https://pause.example/${n}`, title: `Pause ${n}` }));
    const { id } = await previewImport({ ...ctx, userId: workspace.userId }, upload("pause.html", netscape(links)), { folderTags: false });
    await expect(pauseImport(ctx, id)).rejects.toThrow("Only a running import can be paused.");

    await startImport(ctx, id);
    // Driven by hand, with a window of 5 rows in the outbox, so every step is visible.
    expect(await stepJob(db, id, 5)).toBe(5);
    expect(await stepJob(db, id, 5)).toBe(0);
    await pauseImport(ctx, id);
    startProcessing(db, { runner: false });
    await drainOutbox(db);
    expect(await stepJob(db, id, 5)).toBe(0);
    expect((await getImport(ctx, id)).progress).toMatchObject({ done: 5, remaining: 15, etaSeconds: null });

    await resumeImport(ctx, id);
    expect(await stepJob(db, id, 5)).toBe(5);
    const cancelled = await cancelImport(ctx, id);
    expect(cancelled).toMatchObject({ status: "cancelled", progress: { skipped: 10 } });
    await expect(resumeImport(ctx, id)).rejects.toThrow("Only a paused import can be resumed.");
    await drainOutbox(db);
    expect(await stepJob(db, id, 5)).toBe(0);
    const finished = await waitForFinish(ctx, id);
    expect(finished.progress).toEqual({ done: 10, failed: 0, skipped: 10, remaining: 0, etaSeconds: null });
    expect((await notionBookmarks(admin, workspace)).map((b) => b.url).sort()).toEqual(links.slice(0, 10).map((l) => l.url).sort());
  });

  it("answers another workspace's import as not found", async () => {
    const db = handle().db;
    const { workspace: own } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const { workspace: other } = await readyWorkspace(db, admin, { person: "alan", workspace: "labs" });
    const { id } = await previewImport({ db, workspace: own, userId: own.userId }, upload("x.html", netscape([{ url: "https://x.example/", title: "X" }])), {
      folderTags: false,
    });
    const stranger = { db, workspace: other };
    for (const attempt of [getImport, startImport, cancelImport, problemReportCsv]) {
      await expect(attempt(stranger, id)).rejects.toThrow("This import was not found.");
    }
    expect((await getImport({ db, workspace: own }, id)).status).toBe("preview");
  });

  it("round trip: a workspace exported in each format and imported into an empty one has the same URLs, titles and tags", async () => {
    const db = handle().db;
    const { workspace: source } = await readyWorkspace(db, admin, { person: "ada", workspace: "engines" });
    const { workspace: target } = await readyWorkspace(db, admin, { person: "grace", workspace: "engines" });
    startProcessing(db);
    for (let n = 0; n < 15; n++) {
      await createBookmark(
        { db, workspace: source },
        { url: `https://trip.example/${n}?q=${n}`, title: `Trip "${n}" & <more>`, description: `Line ${n}`, tags: n % 2 ? ["odd", "Mixed Case"] : [] },
      );
    }
    await drainOutbox(db);
    const shape = (list: Array<{ url: string; title: string; tags: string[] }>) =>
      list.map((b) => ({ url: b.url, title: b.title, tags: [...b.tags].sort() })).sort((a, b) => a.url.localeCompare(b.url));
    const expected = shape(await notionBookmarks(admin, source));
    expect(expected).toHaveLength(15);

    for (const format of ["netscape", "csv", "json"] as const) {
      const file = exportWorkspace(db, source, { format, tagsAsFolders: false });
      const ctx = { db, workspace: target };
      const preview = await previewImport({ ...ctx, userId: target.userId }, upload(file.fileName, await new Response(file.body).text()), { folderTags: false });
      expect(preview.counts, format).toEqual({ toImport: 15, existing: 0, duplicate: 0, invalid: 0 });
      await startImport(ctx, preview.id);
      await waitForFinish(ctx, preview.id);
      expect(shape(await notionBookmarks(admin, target)), format).toEqual(expected);
      // Empty the target again for the next format.
      const { items } = await listMirror(db, target.id, listQuerySchema.parse({}), 100);
      for (const item of items) await trashBookmark(ctx, item.id, true);
      await drainOutbox(db);
    }
  }, 90_000);
});
