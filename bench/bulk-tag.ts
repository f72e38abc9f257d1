// Benchmark: one bulk job adds a tag to 2,000 mirrored bookmarks, through the bulk runner and the
// outbox, at the sustained-writes run's scaled budget (sandbox SHELF + 0.5/s with a burst of 5,
// Shelf NOTION_REQUESTS_PER_SECOND = SHELF, Notion's latency scaled as there). Reports the pages
// changed a second as a fraction of Shelf's budget (goal ≥ 90 %), the 429s, pages Notion was
// asked to change more than once (duplicates) and pages left without the tag (losses).
import { pageToBookmark } from "@/lib/notion/mapping";
import { startBulkRunner } from "@/lib/bulk/runner";
import { bulkJobView, startBulkJob } from "@/lib/bulk/service";
import {
  log,
  mirroredWorkspace,
  openBenchDatabase,
  preferredBackend,
  round,
  SANDBOX_RATE_LIMIT,
  SHELF_REQUESTS_PER_SECOND,
  sleep,
  startBenchSandbox,
  startServerWorker,
  withCleanup,
  type Result,
} from "./setup";

const ROWS = 2_000;
const TAG = "bench-bulk";
const TIMEOUT_MS = 600_000;
const SCALED_LATENCY_MS = Math.round((300 * 2.5) / SHELF_REQUESTS_PER_SECOND);

export async function benchBulkTag(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const { sandbox, admin } = await startBenchSandbox();
    defer(() => sandbox.stop());
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const workspace = await mirroredWorkspace(bench, admin, { person: "ada", workspace: "notebook" }, ROWS);
    await admin.setRateLimit(SANDBOX_RATE_LIMIT);
    await admin.setLatency({ fixedMs: SCALED_LATENCY_MS });
    await admin.clearRequests();
    const { worker, stop } = startServerWorker(bench);
    defer(stop);
    const runner = startBulkRunner(db, { onQueued: worker.kick });
    defer(() => runner.stop());
    log(`bulk-tag: ${ROWS} bookmarks on ${bench.backend}; sandbox ${SANDBOX_RATE_LIMIT.requestsPerSecond}/s, Shelf ${SHELF_REQUESTS_PER_SECOND}/s, Notion ${SCALED_LATENCY_MS} ms`);

    const ctx = { db, workspace, userId: workspace.userId };
    const started = performance.now();
    const job = await startBulkJob(ctx, { action: "add_tags", tags: [TAG], selection: { query: { q: "", tags: [] } } });
    let view = job;
    while (view.status === "running" || view.remaining > 0) {
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`bulk job not finished: ${JSON.stringify(view)}`);
      await sleep(100);
      view = await bulkJobView(ctx, job.id);
    }
    const elapsedS = (performance.now() - started) / 1000;

    const requests = await admin.requests();
    const patches = new Map<string, number>();
    for (const r of requests) if (r.method === "PATCH" && r.path.startsWith("/v1/pages/") && r.status === 200) patches.set(r.path, (patches.get(r.path) ?? 0) + 1);
    const pages = (await admin.visibleTo(workspace.botId, workspace.dataSourceId!)).pages.map((page) => pageToBookmark(page, workspace.propertyMap!));
    const rate = view.done / elapsedS;
    return [
      {
        name: `bulk-tag [${bench.backend}]: ${ROWS} bookmarks, Shelf ${SHELF_REQUESTS_PER_SECOND}/s vs sandbox ${SANDBOX_RATE_LIMIT.requestsPerSecond}/s (burst ${SANDBOX_RATE_LIMIT.burst}), Notion ${SCALED_LATENCY_MS} ms`,
        seconds: round(elapsedS, 1),
        pagesPerSecond: round(rate, 2),
        ofShelfLimit: `${round((100 * rate) / SHELF_REQUESTS_PER_SECOND, 1)}%`,
        notionRequests: requests.length,
        http429: requests.filter((r) => r.status === 429).length,
        done: view.done,
        failed: view.failed,
        duplicates: [...patches.values()].reduce((n, count) => n + count - 1, 0) + pages.filter((b) => b.tags.filter((t) => t === TAG).length > 1).length,
        lost: pages.filter((b) => !b.tags.includes(TAG)).length,
      },
    ];
  });
}
