// Benchmark (d): the production server (`next start`) under 50 concurrent connections for 30 s on
// the dashboard of a signed-in person whose workspace mirrors 5,000 bookmarks, Notion at 300 ms.
// Also the full page render over HTTP, one request at a time. Targets: 0 errors, p99 ≤ 300 ms.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "@/db/client";
import { sessions } from "@/db/schema";
import { listMirror } from "@/lib/bookmarks/queries";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID } from "@/notion-sandbox";
import {
  freePort,
  log,
  mirroredWorkspace,
  NOTION_LATENCY_MS,
  openBenchDatabase,
  percentile,
  preferredBackend,
  round,
  sleep,
  startBenchSandbox,
  SYNC_MAX_AGE_SECONDS,
  timeRuns,
  withCleanup,
  type BenchDatabase,
  type Result,
} from "./setup";

const ROWS = 5_000;
const CONNECTIONS = 50;
const DURATION_S = 30;
const RENDER_RUNS = 30;
const START_TIMEOUT_MS = 90_000;
const FLOOR_DURATION_S = 5;

/** Builds the app once when there is no production build (`.next/BUILD_ID`); reuses it otherwise. */
function ensureBuild(nextBin: string): string {
  if (fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return "reused .next";
  log("load: no production build, running next build");
  execFileSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", process.stderr, process.stderr] });
  return "built now";
}

/** Pids of `root` and every process below it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree: number[] = [];
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function memoryKb(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    return { rss: field("VmRSS"), hwm: field("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Samples the server's process tree: the largest summed RSS seen, and the largest VmHWM of one process. */
function watchMemory(root: number) {
  const peak = { treeRssKb: 0, processHwmKb: 0 };
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(root)) {
      const { rss, hwm } = memoryKb(pid);
      sum += rss;
      peak.processHwmKb = Math.max(peak.processHwmKb, hwm);
    }
    peak.treeRssKb = Math.max(peak.treeRssKb, sum);
  };
  const timer = setInterval(sample, 200);
  return {
    peak,
    stop: () => {
      clearInterval(timer);
      sample();
    },
  };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  // The server was started as its own process group: end that group, by its id.
  process.kill(-server.pid!, "SIGTERM");
  const timeout = sleep(15_000).then(() => "timeout" as const);
  if ((await Promise.race([exited, timeout])) === "timeout") {
    process.kill(-server.pid!, "SIGKILL");
    await exited;
  }
}

async function waitUntilUp(base: string, server: ChildProcess, output: () => string): Promise<void> {
  for (const deadline = Date.now() + START_TIMEOUT_MS; ; await sleep(250)) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${output()}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`next start did not answer within ${START_TIMEOUT_MS} ms:\n${output()}`);
  }
}

export async function benchLoad(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const nextBin = require.resolve("next/dist/bin/next");
    const build = ensureBuild(nextBin);
    const { sandbox, admin } = await startBenchSandbox();
    defer(() => sandbox.stop());

    // The server and this process share the database: Postgres (what production uses) when one
    // answers, else PGlite in a directory, closed here before the server opens it (one process only).
    const backend = await preferredBackend();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-bench-"));
    defer(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    let bench: BenchDatabase;
    if (backend === "postgres") {
      bench = await openBenchDatabase("postgres");
      defer(() => bench.dispose());
    } else {
      const handle = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
      await handle.migrate();
      bench = { handle, backend, dispose: () => handle.close() };
      defer(() => handle.close().catch(() => {}));
    }

    log(`load: seeding ${ROWS} bookmarks and syncing them into ${backend}`);
    const workspace = await mirroredWorkspace(bench, admin, { person: "ada", workspace: "notebook" }, ROWS);
    // Signed in without a browser: a database session, as next-auth's adapter stores it.
    const sessionToken = crypto.randomBytes(32).toString("hex");
    await bench.handle.db.insert(sessions).values({ sessionToken, userId: workspace.userId, expires: new Date(Date.now() + 86_400_000) });
    let page20 = listQuerySchema.parse({});
    for (let page = 1; page < 20; page++) page20 = { ...page20, cursor: (await listMirror(bench.handle.db, workspace.id, page20)).nextCursor ?? undefined };
    if (backend === "pglite") await bench.handle.close();
    await admin.setLatency({ fixedMs: NOTION_LATENCY_MS });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = "";
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    const server = spawn(process.execPath, [...nodeArgs, nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: backend === "postgres" ? bench.url : "",
        PGLITE_DIR: path.join(dataDir, "pglite"),
        NOTION_API_BASE: sandbox.url,
        NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
        NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
        NEXTAUTH_URL: base,
        // The tokens in the database were sealed with this process's key (set by startAppSandbox).
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY,
        SYNC_MAX_AGE_SECONDS: String(SYNC_MAX_AGE_SECONDS),
      },
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    server.stdout!.on("data", keep);
    server.stderr!.on("data", keep);
    defer(() => stopServer(server));
    const memory = watchMemory(server.pid!);
    defer(() => memory.stop());
    await waitUntilUp(base, server, () => output);
    log(`load: next start (${build}) on ${backend} at ${base}`);

    const cookie = `next-auth.session-token=${sessionToken}`;
    const urls = {
      "first page": `/w/${workspace.id}/bookmarks`,
      "tag filter (ai)": `/w/${workspace.id}/bookmarks?tags=ai`,
      "text search (compilers)": `/w/${workspace.id}/bookmarks?q=compilers`,
      "page 20": `/w/${workspace.id}/bookmarks?cursor=${encodeURIComponent(page20.cursor ?? "")}`,
    };
    const get = async (url: string) => {
      const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      return body;
    };
    // The newest seeded bookmark is #5000: the page shows the mirror, signed in.
    const firstPage = await get(urls["first page"]);
    // What a client-side navigation or the dashboard's polling refresh downloads: the RSC payload alone.
    const firstPageRsc = await fetch(`${base}${urls["first page"]}`, { headers: { cookie, rsc: "1" }, redirect: "manual" }).then((r) => r.arrayBuffer());
    if (!firstPage.includes(`#${ROWS}`)) throw new Error("the dashboard did not show the mirrored bookmarks");
    // Page 20 of 50 per page starts 950 rows below the newest.
    if (!(await get(urls["page 20"])).includes(`#${ROWS - 950}`)) throw new Error("the page-20 link did not show page 20");

    const results: Result[] = [];
    await admin.clearRequests();
    for (const [label, url] of Object.entries(urls)) {
      const timings = await timeRuns(RENDER_RUNS, 5, () => get(url));
      results.push({
        name: `render over HTTP [${backend}]: ${label} (one request at a time)`,
        p50Ms: round(percentile(timings, 50), 1),
        p95Ms: round(percentile(timings, 95), 1),
        runs: RENDER_RUNS,
        ...(label === "first page"
          ? { htmlKB: round(Buffer.byteLength(firstPage) / 1024, 0), rscKB: round(firstPageRsc.byteLength / 1024, 0) }
          : {}),
      });
    }
    const renderCalls = (await admin.requests()).length;

    log(`load: ${CONNECTIONS} connections for ${DURATION_S} s`);
    await admin.clearRequests();
    const run = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { cookie },
      // Each connection alternates between the first page and a tag filter.
      requests: [
        { method: "GET", path: urls["first page"] },
        { method: "GET", path: urls["tag filter (ai)"] },
      ],
    });
    const loadCalls = (await admin.requests()).length;
    // For scale: the same server answering its cheapest route (one `select 1`).
    const floor = await autocannon({ url: `${base}/api/health`, connections: CONNECTIONS, duration: FLOOR_DURATION_S });
    memory.stop();
    results.push({
      name: `load [${backend}]: ${CONNECTIONS} connections × ${DURATION_S} s, first page + tag filter (next start, ${os.cpus().length} cores)`,
      requestsPerSecond: round(run.requests.average, 1),
      requests: run.requests.total,
      p50Ms: run.latency.p50,
      p99Ms: run.latency.p99,
      maxMs: run.latency.max,
      non2xx: run.non2xx,
      errors: run.errors,
      timeouts: run.timeouts,
      peakTreeRssMB: round(memory.peak.treeRssKb / 1024, 0),
      peakProcessHwmMB: round(memory.peak.processHwmKb / 1024, 0),
      notionCalls: renderCalls + loadCalls,
      loadAvg1m: round(os.loadavg()[0]!, 2),
    });
    results.push({
      name: `load [${backend}]: /api/health for scale, ${CONNECTIONS} connections × ${FLOOR_DURATION_S} s`,
      requestsPerSecond: round(floor.requests.average, 1),
      p50Ms: floor.latency.p50,
      p99Ms: floor.latency.p99,
      non2xx: floor.non2xx,
      errors: floor.errors,
    });
    return results;
  });
}
