// Benchmark (e): scale of data in the mirror. Workspaces of 1,000, 10,000 and 100,000 bookmarks in
// the same tables (the growth table), then the 100,000 one again with 1,000 other workspaces of
// 1,000 bookmarks each beside it. Per view (first page, tag filter, a common and a rare search
// word, a page half-way down, duplicates and their count): mirror p50 / p95 over 100 runs.
// Rows are written straight into the mirror (the sync's own cost is benchmarked elsewhere); 1 % of
// them repeat the URL before them, so duplicates have groups to find. Target: p95 ≤ 20 ms each.
// Also the 100,000 exported as a stream: time, size and the rise of this process's memory.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users, workspaces, type Workspace } from "@/db/schema";
import { duplicateCount, listDuplicates } from "@/lib/bookmarks/duplicates";
import { listMirror, PAGE_SIZE } from "@/lib/bookmarks/queries";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { exportWorkspace } from "@/lib/imports/export";
import { log, openBenchDatabase, percentile, preferredBackend, round, timeRuns, withCleanup, type Result } from "./setup";

const SIZES = [1_000, 10_000, 100_000];
const OTHERS = 1_000;
const OTHER_ROWS = 1_000;
const RUNS = 100;
const WARMUP = 10;
const TARGET_P95_MS = 20;

let made = 0;

/** A workspace row of its own user, ready for a mirror (no Notion behind it: nothing here calls Notion). */
export async function emptyWorkspace(db: Database): Promise<Workspace> {
  const n = made++;
  const [user] = await db.insert(users).values({ notionUserId: `bench-user-${n}`, name: `Bench ${n}` }).returning();
  const [workspace] = await db
    .insert(workspaces)
    .values({ userId: user!.id, botId: `bench-bot-${n}`, notionWorkspaceId: `bench-ws-${n}`, name: `Bench ${n}`, ownerNotionUserId: `bench-user-${n}`, status: "active" })
    .returning();
  return workspace!;
}

/**
 * `rows` bookmarks for each workspace, one statement: five topics (one a row, so tag and common
 * word each match a fifth), "zebra" in one description of a thousand, every hundredth URL a repeat.
 */
export async function seedMirror(db: Database, workspaceIds: string[], rows: number): Promise<void> {
  await db.execute(sql`
    insert into bookmarks (id, workspace_id, notion_page_id, title, url, normalized_url, description, tags, created_time, last_edited_time, saved_at)
    select gen_random_uuid()::text, w.id, 'page-' || w.id || '-' || i,
      topic || ' notes #' || i,
      'https://example.com/' || topic || '/' || u,
      'example.com/' || topic || '/' || u,
      case when i % 1000 = 0 then 'a zebra among the ' || topic else 'about ' || topic end,
      array[topic, 'tag-' || (i % 50)],
      timestamptz '2025-01-01' + i * interval '1 minute',
      timestamptz '2025-01-01' + i * interval '1 minute',
      timestamptz '2025-01-01' + i * interval '1 minute'
    from unnest(${sql.param(workspaceIds)}::text[]) as w(id),
      generate_series(1, ${rows}) as i,
      lateral (select (array['ai', 'compilers', 'databases', 'design', 'networks'])[1 + i % 5] as topic,
                      case when i % 100 = 0 then i - 5 else i end as u) t
  `);
}

type View = { label: string; run: () => Promise<number> };

async function views(db: Database, workspace: Workspace, rows: number): Promise<View[]> {
  const ctx = { db, workspace };
  const list = (q: Record<string, string>) => async () => (await listMirror(db, workspace.id, listQuerySchema.parse(q))).items.length;
  // Half-way down the library, reached by following the cursors (not timed).
  const half = Math.floor(rows / PAGE_SIZE / 2);
  let deep = listQuerySchema.parse({});
  for (let page = 1; page < half; page++) deep = { ...deep, cursor: (await listMirror(db, workspace.id, deep)).nextCursor ?? undefined };
  return [
    { label: "first page", run: list({}) },
    { label: "tag filter (ai)", run: list({ tags: "ai" }) },
    { label: "search, common word (compilers)", run: list({ q: "compilers" }) },
    { label: "search, rare word (zebra)", run: list({ q: "zebra" }) },
    { label: `page ${half} (half-way)`, run: async () => (await listMirror(db, workspace.id, deep)).items.length },
    { label: "duplicates: first 100 groups", run: async () => (await listDuplicates(ctx)).length },
    { label: "duplicates: count", run: async () => duplicateCount(ctx) },
  ];
}

async function measure(db: Database, workspace: Workspace, rows: number, setting: string): Promise<Result[]> {
  const results: Result[] = [];
  for (const view of await views(db, workspace, rows)) {
    let answered = 0;
    const timings = await timeRuns(RUNS, WARMUP, async () => {
      answered = await view.run();
    });
    const p95 = percentile(timings, 95);
    results.push({
      name: `scale: ${rows.toLocaleString("en")} bookmarks${setting}: ${view.label}`,
      p50Ms: round(percentile(timings, 50), 2),
      p95Ms: round(p95, 2),
      answered,
      target: `p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? "✅" : "❌"}`,
    });
  }
  return results;
}

/**
 * The largest workspace exported as CSV and as Netscape HTML with tags as folders, read as the
 * browser would (chunk by chunk, nothing kept): time, size, and how far this process's memory rose.
 */
async function measureExport(db: Database, workspace: Workspace, rows: number, backend: string): Promise<Result[]> {
  const results: Result[] = [];
  for (const query of [{ format: "csv", tagsAsFolders: false }, { format: "netscape", tagsAsFolders: true }] as const) {
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of exportWorkspace(db, workspace, query).body) {
      bytes += chunk.byteLength;
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }
    results.push({
      name: `scale: export of ${rows.toLocaleString("en")} bookmarks${backend}, streamed: ${query.format}${query.tagsAsFolders ? " (tags as folders)" : ""}`,
      seconds: round((performance.now() - started) / 1000, 2),
      fileMB: round(bytes / 2 ** 20, 1),
      rssRiseMB: round((peakRss - before.rss) / 2 ** 20, 1),
      heapRiseMB: round((peakHeap - before.heapUsed) / 2 ** 20, 1),
    });
  }
  return results;
}

export async function benchScale(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const backend = ` [${bench.backend}]`;

    const sized: Array<{ rows: number; workspace: Workspace }> = [];
    for (const rows of SIZES) {
      const workspace = await emptyWorkspace(db);
      log(`scale: seeding a workspace of ${rows} bookmarks`);
      await seedMirror(db, [workspace.id], rows);
      sized.push({ rows, workspace });
    }
    // Production tables are vacuumed and analyzed by autovacuum; here it would not have run yet.
    await bench.handle.query("vacuum analyze");
    const results: Result[] = [];
    for (const { rows, workspace } of sized) results.push(...(await measure(db, workspace, rows, backend)));
    results.push(...(await measureExport(db, sized.at(-1)!.workspace, sized.at(-1)!.rows, backend)));

    log(`scale: seeding ${OTHERS} other workspaces of ${OTHER_ROWS} bookmarks`);
    for (let start = 0; start < OTHERS; start += 100) {
      const ids: string[] = [];
      for (let i = 0; i < 100; i++) ids.push((await emptyWorkspace(db)).id);
      await seedMirror(db, ids, OTHER_ROWS);
    }
    await bench.handle.query("vacuum analyze");
    const largest = sized.at(-1)!;
    results.push(...(await measure(db, largest.workspace, largest.rows, `${backend}, beside ${OTHERS} workspaces of ${OTHER_ROWS}`)));
    return results;
  });
}
