// Benchmark: search that covers tags, on the mirror, at 5,000 bookmarks (issue 13). The query is a
// tag's prefix ("desig" for `design`, a fifth of the rows) and a rare word; each is timed through
// listMirror (the GIN index on the generated `search` column, tags included) and, as the baseline
// in the same run, as the same match written as a scan: ILIKE over title, URL, description and
// tags, what search would cost without the index. Target: mirror p95 ≤ 20 ms.
import { sql } from "drizzle-orm";
import { bookmarks } from "@/db/schema";
import { listMirror } from "@/lib/bookmarks/queries";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { emptyWorkspace, seedMirror } from "./scale";
import { log, openBenchDatabase, percentile, preferredBackend, round, timeRuns, withCleanup, type Result } from "./setup";

const ROWS = 5_000;
const RUNS = 100;
const WARMUP = 10;
const TARGET_P95_MS = 20;

export async function benchSearchTags(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const workspace = await emptyWorkspace(db);
    log(`search-tags: seeding ${ROWS} bookmarks`);
    await seedMirror(db, [workspace.id], ROWS);
    await db.execute(sql`analyze bookmarks`);

    const results: Result[] = [];
    for (const q of ["desig", "zebra"]) {
      let answered = 0;
      const mirror = await timeRuns(RUNS, WARMUP, async () => {
        answered = (await listMirror(db, workspace.id, listQuerySchema.parse({ q }))).items.length;
      });
      const pattern = `%${q}%`;
      const scan = await timeRuns(RUNS, WARMUP, () =>
        db.execute(sql`
          select id from ${bookmarks}
          where workspace_id = ${workspace.id} and not in_trash
            and (title ilike ${pattern} or url ilike ${pattern} or description ilike ${pattern} or array_to_string(tags, ' ') ilike ${pattern})
          order by saved_at desc, seq desc limit 51`),
      );
      const p95 = percentile(mirror, 95);
      results.push({
        name: `search-tags: "${q}" at ${ROWS.toLocaleString("en")} bookmarks [${bench.backend}]`,
        mirrorP50Ms: round(percentile(mirror, 50), 2),
        mirrorP95Ms: round(p95, 2),
        baselineScanP95Ms: round(percentile(scan, 95), 2),
        answered,
        target: `p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? "✅" : "❌"}`,
      });
    }
    return results;
  });
}
