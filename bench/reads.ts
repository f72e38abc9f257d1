// Benchmark (a): dashboard reads of a 5,000-bookmark workspace with Notion answering in 300 ms,
// through the mirror (listBookmarks) and live from Notion (listBookmarksFromNotion, the baseline).
// Targets: mirror p95 ≤ 50 ms, ≥ 10× faster than live, 0 Notion calls per view once synced.
import type { Workspace } from "@/db/schema";
import { listQuerySchema, type ListQuery } from "@/lib/bookmarks/schema";
import { listBookmarks } from "@/lib/bookmarks/service";
import { listBookmarksFromNotion } from "@/lib/notion/bookmarks";
import { notionForWorkspace } from "@/lib/notion/client";
import type { SandboxAdmin } from "@/notion-sandbox";
import {
  mirroredWorkspace,
  NOTION_LATENCY_MS,
  openBenchDatabase,
  percentile,
  postgresAdminUrl,
  round,
  startBenchSandbox,
  timeRuns,
  withCleanup,
  log,
  type Backend,
  type BenchDatabase,
  type Result,
} from "./setup";

const ROWS = 5_000;
const PAGE = 20;
const MIRROR_RUNS = 200;
const MIRROR_WARMUP = 20;
const LIVE_RUNS = 20;
const LIVE_WARMUP = 2;
/** Each live page-20 run is 20 calls of 300 ms. */
const LIVE_CHAIN_RUNS = 5;

type View = { key: string; label: string; query: ListQuery };

const VIEWS: View[] = [
  { key: "first", label: "first page", query: listQuerySchema.parse({}) },
  { key: "tag", label: "tag filter (ai)", query: listQuerySchema.parse({ tags: "ai" }) },
  { key: "search", label: "text search (compilers)", query: listQuerySchema.parse({ q: "compilers" }) },
];

/** Notion calls the sandbox received while `fn` ran. */
async function notionCalls(admin: SandboxAdmin, fn: () => Promise<unknown>): Promise<number> {
  await admin.clearRequests();
  await fn();
  return (await admin.requests()).length;
}

type Measured = { p50: number; p95: number; runs: number; callsPerView: number; /** of one answer, to compare mirror and live */ titles: string[] };

async function measureMirror(bench: BenchDatabase, workspace: Workspace, admin: SandboxAdmin): Promise<Map<string, Measured>> {
  const ctx = { db: bench.handle.db, workspace };
  const out = new Map<string, Measured>();
  const views = [...VIEWS];
  // Page 20's cursor, by following the mirror's cursors (not timed).
  let query = listQuerySchema.parse({});
  for (let page = 1; page < PAGE; page++) {
    const { nextCursor } = await listBookmarks(ctx, query);
    if (!nextCursor) throw new Error(`the mirror has no page ${page + 1}`);
    query = { ...query, cursor: nextCursor };
  }
  views.push({ key: "page20", label: `page ${PAGE}`, query });
  for (const view of views) {
    let timings: number[] = [];
    let titles: string[] = [];
    const calls = await notionCalls(admin, async () => {
      timings = await timeRuns(MIRROR_RUNS, MIRROR_WARMUP, async () => {
        const list = await listBookmarks(ctx, view.query);
        if (list.items.length === 0) throw new Error(`mirror view ${view.key} is empty`);
        titles = list.items.map((b) => b.title);
      });
    });
    const callsPerView = calls / (MIRROR_RUNS + MIRROR_WARMUP);
    out.set(view.key, { p50: percentile(timings, 50), p95: percentile(timings, 95), runs: MIRROR_RUNS, callsPerView, titles });
  }
  return out;
}

async function measureLive(bench: BenchDatabase, workspace: Workspace, admin: SandboxAdmin): Promise<Map<string, Measured>> {
  const notion = notionForWorkspace(bench.handle.db, workspace);
  const source = { databaseId: workspace.databaseId!, dataSourceId: workspace.dataSourceId!, propertyMap: workspace.propertyMap! };
  const out = new Map<string, Measured>();
  for (const view of VIEWS) {
    let timings: number[] = [];
    let titles: string[] = [];
    const calls = await notionCalls(admin, async () => {
      timings = await timeRuns(LIVE_RUNS, LIVE_WARMUP, async () => {
        const page = await listBookmarksFromNotion(notion, source, view.query);
        if (page.items.length === 0) throw new Error(`live view ${view.key} is empty`);
        titles = page.items.map((b) => b.title);
      });
    });
    const callsPerView = calls / (LIVE_RUNS + LIVE_WARMUP);
    out.set(view.key, { p50: percentile(timings, 50), p95: percentile(timings, 95), runs: LIVE_RUNS, callsPerView, titles });
  }
  // A live dashboard has no cursor of its own for page 20: it must walk Notion's from page 1.
  let timings: number[] = [];
  let titles: string[] = [];
  const calls = await notionCalls(admin, async () => {
    timings = await timeRuns(LIVE_CHAIN_RUNS, 0, async () => {
      let query = listQuerySchema.parse({});
      for (let page = 1; page < PAGE; page++) {
        const { nextCursor } = await listBookmarksFromNotion(notion, source, query);
        if (!nextCursor) throw new Error(`Notion has no page ${page + 1}`);
        query = { ...query, cursor: nextCursor };
      }
      const last = await listBookmarksFromNotion(notion, source, query);
      if (last.items.length === 0) throw new Error("live page 20 is empty");
      titles = last.items.map((b) => b.title);
    });
  });
  out.set("page20", { p50: percentile(timings, 50), p95: percentile(timings, 95), runs: LIVE_CHAIN_RUNS, callsPerView: calls / LIVE_CHAIN_RUNS, titles });
  return out;
}

export async function benchReads(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const { sandbox, admin } = await startBenchSandbox();
    defer(() => sandbox.stop());
    // The mirror on both databases Shelf runs on (PGlite: `npm run dev`; Postgres: production).
    const backends: Backend[] = (await postgresAdminUrl()) ? ["pglite", "postgres"] : ["pglite"];
    const people = [
      { person: "ada", workspace: "notebook" },
      { person: "grace", workspace: "labs" },
    ] as const;
    const prepared: Array<{ bench: BenchDatabase; workspace: Workspace }> = [];
    for (const [i, backend] of backends.entries()) {
      const bench = await openBenchDatabase(backend);
      defer(() => bench.dispose());
      log(`reads: seeding ${ROWS} bookmarks and syncing them into ${backend}`);
      prepared.push({ bench, workspace: await mirroredWorkspace(bench, admin, people[i]!, ROWS) });
    }
    // Notion is slow from here on; the mirrors are already filled.
    await admin.setLatency({ fixedMs: NOTION_LATENCY_MS });

    const mirror = new Map<Backend, Map<string, Measured>>();
    for (const { bench, workspace } of prepared) {
      log(`reads: mirror on ${bench.backend}`);
      mirror.set(bench.backend, await measureMirror(bench, workspace, admin));
    }
    log("reads: live from Notion (300 ms per call; page 20 walks 20 calls)");
    const live = await measureLive(prepared[0]!.bench, prepared[0]!.workspace, admin);

    const labels = new Map([...VIEWS.map((v) => [v.key, v.label] as const), ["page20", `page ${PAGE}`]]);
    const results: Result[] = [];
    for (const [key, label] of labels) {
      const baseline = live.get(key)!;
      for (const [backend, views] of mirror) {
        const m = views.get(key)!;
        results.push({
          name: `reads: mirror [${backend}] ${label}`,
          p50Ms: round(m.p50, 2),
          p95Ms: round(m.p95, 2),
          runs: m.runs,
          notionCallsPerView: round(m.callsPerView, 2),
          speedupP95: `${round(baseline.p95 / m.p95, 0)}x`,
          sameItemsAsLive: m.titles.join("\n") === baseline.titles.join("\n") ? "yes" : "NO",
        });
      }
      results.push({
        name: `reads: live ${label}${key === "page20" ? " (walks 20 Notion pages from page 1)" : ""}`,
        p50Ms: round(baseline.p50, 1),
        p95Ms: round(baseline.p95, 1),
        runs: baseline.runs,
        notionCallsPerView: round(baseline.callsPerView, 2),
      });
    }
    return results;
  });
}
