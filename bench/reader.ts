// Benchmark: readable content (issue 19, docs/decisions/035).
// - Extraction of a 200 KB article (Readability over linkedom, the block tree, the chunks): time
//   over 5 child processes and each one's peak memory (maxRSS).
// - Notion calls to write it: one saved bookmark through the outbox and the content writer
//   against the sandbox; goal ceil(blocks / 100) appends + 1 read.
// - Search over 100,000 bookmarks with saved article text (about 1.5 KB each): a word only in one
//   body in a thousand, a word in every fifth body, and the snippets of a page; p50 / p95 over 100
//   runs. Goal p95 ≤ 50 ms on PostgreSQL.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { resultRows } from "@/db/client";
import { createBookmark } from "@/lib/bookmarks/service";
import { listMirror } from "@/lib/bookmarks/queries";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { contentSnippets } from "@/lib/content/queries";
import { chooseContentMode } from "@/lib/content/service";
import { startContentWriter } from "@/lib/content/writer";
import { drainOutbox, readyWorkspace } from "@/test/sandbox-workspace";
import { startReaderPages } from "@/test/reader-pages";
import { emptyWorkspace, seedMirror } from "./scale";
import { log, openBenchDatabase, percentile, preferredBackend, round, startBenchSandbox, startServerWorker, timeRuns, withCleanup, type Result } from "./setup";

const run = promisify(execFile);
const ROWS = 100_000;
const TARGET_P95_MS = 50;

async function extraction(): Promise<Result> {
  const samples: Array<{ ms: number; peakMB: number; blocks: number; chunks: number; htmlKB: number }> = [];
  for (let i = 0; i < 5; i++) {
    const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "extract-one.ts"), String(200 * 1024)], { cwd: path.join(import.meta.dirname, "..") });
    samples.push(JSON.parse(stdout.trim().split("\n").at(-1)!));
  }
  const ms = samples.map((s) => s.ms);
  return {
    name: "reader: extract a 200 KB article (Readability + blocks + chunks)",
    htmlKB: round(samples[0]!.htmlKB),
    blocks: samples[0]!.blocks,
    chunks: samples[0]!.chunks,
    p50Ms: round(percentile(ms, 50)),
    maxMs: round(Math.max(...ms)),
    peakRssMB: round(Math.max(...samples.map((s) => s.peakMB))),
  };
}

async function notionCalls(): Promise<Result> {
  return withCleanup(async (defer) => {
    const { sandbox, admin } = await startBenchSandbox();
    defer(() => sandbox.stop());
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const pages = await startReaderPages();
    defer(() => pages.close());
    process.env.LINK_METADATA_ALLOW_LOOPBACK = "1";
    const db = bench.handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    await chooseContentMode({ db, workspace }, "saves");
    const worker = startServerWorker(bench);
    defer(() => worker.stop());
    const writer = startContentWriter(db, { pollMs: 50, allowLoopback: true });
    defer(() => writer.stop());
    await createBookmark({ db, workspace: { ...workspace, contentMode: "saves" } }, { url: `${pages.url}/long`, title: "The long read", description: "", tags: [] });
    await drainOutbox(db);
    const before = (await admin.requests()).length;
    const started = performance.now();
    for (;;) {
      const [row] = resultRows<{ status: string }>(await db.execute(sql`select status from bookmark_contents`));
      if (row && !["queued", "writing"].includes(row.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const calls = (await admin.requests()).slice(before).filter((r) => r.path.startsWith("/v1/blocks"));
    const appends = calls.filter((r) => r.method === "PATCH").length;
    const blocks = calls.filter((r) => r.method === "PATCH").reduce((n, r) => n + ((r.body as { children?: unknown[] })?.children?.length ?? 0), 0);
    const goal = Math.ceil(blocks / 100) + 1;
    return {
      name: "reader: Notion calls to write a 200 KB article",
      blocks,
      appends,
      reads: calls.length - appends,
      calls: calls.length,
      goal: `${goal} (ceil(blocks/100) + 1) ${calls.length <= goal ? "✅" : "❌"}`,
      seconds: round(seconds, 1),
    };
  });
}

async function search(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const workspace = await emptyWorkspace(db);
    log(`reader: seeding ${ROWS} bookmarks with article text`);
    await seedMirror(db, [workspace.id], ROWS);
    // About 1.5 KB of text each; "quokka" in one body in a thousand, "lattice" in every fifth.
    await db.execute(sql`
      insert into bookmark_contents (bookmark_id, workspace_id, status, meta, text)
      select b.id, b.workspace_id, 'done', jsonb_build_object('title', b.title, 'url', b.url),
        repeat('storage engines trade write amplification against read amplification and space ', 18)
          || case when row_number() over () % 1000 = 0 then ' a quokka appears here' else '' end
          || case when row_number() over () % 5 = 0 then ' the lattice of ideas' else '' end
      from bookmarks b where b.workspace_id = ${workspace.id}
    `);
    await db.execute(sql`
      update bookmarks b set content_search = setweight(to_tsvector('simple', c.meta->>'title'), 'A') || setweight(to_tsvector('simple', c.text), 'B')
      from bookmark_contents c where c.bookmark_id = b.id
    `);
    await bench.handle.query("vacuum analyze");
    const backend = ` [${bench.backend}]`;
    const results: Result[] = [];
    const views: Array<{ label: string; q: string }> = [
      { label: "a word in one body in a thousand (quokka)", q: "quokka" },
      { label: "a word in every fifth body (lattice)", q: "lattice" },
      { label: "a title word and a body word (compilers lattice)", q: "compilers lattice" },
    ];
    for (const view of views) {
      let answered = 0;
      const timings = await timeRuns(100, 10, async () => {
        const page = await listMirror(db, workspace.id, listQuerySchema.parse({ q: view.q }));
        answered = page.items.length;
        await contentSnippets(db, workspace.id, page.items.map((b) => b.id), view.q);
      });
      const p95 = percentile(timings, 95);
      results.push({
        name: `reader: search over ${ROWS.toLocaleString("en")} bookmarks with bodies${backend}: ${view.label}, with snippets`,
        p50Ms: round(percentile(timings, 50), 2),
        p95Ms: round(p95, 2),
        answered,
        target: `p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? "✅" : "❌"}`,
      });
    }
    return results;
  });
}

export async function benchReader(): Promise<Result[]> {
  return [await extraction(), await notionCalls(), ...(await search())];
}
