// Benchmark (d): the production server (`next start`) under 50 concurrent connections for 30 s on
// the dashboard of a signed-in person whose workspace mirrors 5,000 bookmarks, Notion at 300 ms.
// Also the full page render over HTTP, one request at a time. The ceiling: a bare Next.js page of
// 50 rows of the same shape (bench/baseline-app, built in this run) under the same load right
// after; Shelf is reported as a ratio of it. Then both again as 2 processes on one port.
// Targets: 0 errors, views/s ≥ 1.0× the bare page's, p99 ≤ 300 ms.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
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
const BASELINE_DIR = path.join(process.cwd(), "bench", "baseline-app");

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

/** Samples the server's process tree: the largest summed RSS seen, and each process's peak (VmHWM). */
function watchMemory(root: number) {
  const peak = { treeRssKb: 0, processHwmKb: new Map<number, number>() };
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(root)) {
      const { rss, hwm } = memoryKb(pid);
      sum += rss;
      if (hwm > 0) peak.processHwmKb.set(pid, Math.max(peak.processHwmKb.get(pid) ?? 0, hwm));
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
    /** Peak RSS of each process in MB, the largest first (a cluster's primary is the small one). */
    perProcessMB: () => [...peak.processHwmKb.values()].sort((a, b) => b - a).map((kb) => Math.round(kb / 1024)).join(" / "),
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

async function waitUntilUp(url: string, server: ChildProcess, output: () => string): Promise<void> {
  for (const deadline = Date.now() + START_TIMEOUT_MS; ; await sleep(250)) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${output()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`next start did not answer within ${START_TIMEOUT_MS} ms:\n${output()}`);
  }
}

type App = { label: string; dir: string; readyPath: string; env: Record<string, string | undefined> };

/**
 * `next start` for `app` in `processes` processes on one port: one plain process, or the cluster of
 * `npm run start:cluster` (scripts/start-cluster.mjs). Stopped by `defer`.
 */
async function serve(app: App, processes: number, defer: (cleanup: () => Promise<unknown> | void) => void) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nextBin = require.resolve("next/dist/bin/next");
  const entry = processes === 1 ? [nextBin, "start"] : [path.join(process.cwd(), "scripts", "start-cluster.mjs")];
  let output = "";
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, ...entry, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: app.dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...app.env, NODE_ENV: "production", NEXTAUTH_URL: base, WEB_CONCURRENCY: String(processes) },
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  const stopped = { done: false };
  const stop = async () => {
    if (stopped.done) return;
    stopped.done = true;
    memory.stop();
    await stopServer(server);
  };
  defer(stop);
  const memory = watchMemory(server.pid!);
  await waitUntilUp(`${base}${app.readyPath}`, server, () => output);
  // Each process of a cluster answers its first requests slowly; warm them all up before measuring.
  for (let i = 0; i < 4 * processes; i++) await getOnNewConnection(`${base}${app.readyPath}`, {});
  return { base, memory, stop };
}

/** A GET on a connection of its own (fetch keeps one alive), so a cluster's primary hands each to the next process. */
function getOnNewConnection(url: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        response.resume();
        response.on("end", () => resolve());
      })
      .on("error", reject);
  });
}

type LoadRun = Awaited<ReturnType<typeof autocannon>>;

/** 50 connections for 30 s, each alternating the first page and the tag filter. */
function loadOf(base: string, paths: [string, string], headers: Record<string, string>): Promise<LoadRun> {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
    requests: paths.map((p) => ({ method: "GET", path: p })),
  });
}

function loadRow(name: string, run: LoadRun, memory: ReturnType<typeof watchMemory>): Result {
  return {
    name,
    viewsPerSecond: round(run.requests.average, 1),
    requests: run.requests.total,
    p50Ms: run.latency.p50,
    p99Ms: run.latency.p99,
    maxMs: run.latency.max,
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    peakTreeRssMB: round(memory.peak.treeRssKb / 1024, 0),
    peakRssPerProcessMB: memory.perProcessMB(),
    loadAvg1m: round(os.loadavg()[0]!, 2),
  };
}

/** Bytes of the page's HTML and of its React Server Components payload (what a client navigation fetches). */
async function pageKB(url: string, headers: Record<string, string>): Promise<{ htmlKB: number; rscKB: number }> {
  const html = await fetch(url, { headers, redirect: "manual" });
  if (html.status !== 200) throw new Error(`GET ${url} answered ${html.status}`);
  // Next.js sends an RSC request without its cache-busting parameter to the URL with one.
  const rsc = await fetch(url, { headers: { ...headers, rsc: "1" } });
  if (!rsc.headers.get("content-type")?.startsWith("text/x-component")) throw new Error(`GET ${url} (RSC) answered ${rsc.status} ${rsc.headers.get("content-type")}`);
  const [htmlText, rscText] = [await html.text(), await rsc.text()];
  // BENCH_SAVE_PAGE=dir keeps both, to see where the bytes go.
  const saveDir = process.env.BENCH_SAVE_PAGE;
  if (saveDir) {
    fs.mkdirSync(saveDir, { recursive: true });
    const name = new URL(url).pathname === "/" ? "baseline" : "shelf";
    fs.writeFileSync(path.join(saveDir, `${name}.html`), htmlText);
    fs.writeFileSync(path.join(saveDir, `${name}.rsc`), rscText);
  }
  const kb = (text: string) => round(Buffer.byteLength(text) / 1024, 0);
  return { htmlKB: kb(htmlText), rscKB: kb(rscText) };
}

/** Builds the baseline app every run, so it always matches the installed Next.js. */
function buildBaseline(nextBin: string): void {
  log("load: building the bare Next.js baseline (bench/baseline-app)");
  execFileSync(process.execPath, [nextBin, "build"], { cwd: BASELINE_DIR, stdio: ["ignore", process.stderr, process.stderr] });
}

export async function benchLoad(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const nextBin = require.resolve("next/dist/bin/next");
    const build = ensureBuild(nextBin);
    buildBaseline(nextBin);
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

    const shelf: App = {
      label: "Shelf",
      dir: process.cwd(),
      readyPath: "/api/health",
      env: {
        DATABASE_URL: backend === "postgres" ? bench.url : "",
        PGLITE_DIR: path.join(dataDir, "pglite"),
        NOTION_API_BASE: sandbox.url,
        NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
        NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
        // The tokens in the database were sealed with this process's key (set by startAppSandbox).
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
        TOKEN_ENCRYPTION_KEY: process.env.TOKEN_ENCRYPTION_KEY,
        SYNC_MAX_AGE_SECONDS: String(SYNC_MAX_AGE_SECONDS),
      },
    };
    const baseline: App = { label: "bare Next.js page", dir: BASELINE_DIR, readyPath: "/", env: {} };
    const cookie = `next-auth.session-token=${sessionToken}`;
    const shelfHeaders = { cookie };
    const urls = {
      "first page": `/w/${workspace.id}/bookmarks`,
      "tag filter (ai)": `/w/${workspace.id}/bookmarks?tags=ai`,
      "text search (compilers)": `/w/${workspace.id}/bookmarks?q=compilers`,
      "page 20": `/w/${workspace.id}/bookmarks?cursor=${encodeURIComponent(page20.cursor ?? "")}`,
    };
    const shelfLoadPaths: [string, string] = [urls["first page"], urls["tag filter (ai)"]];
    const baselineLoadPaths: [string, string] = ["/", "/?tags=ai"];

    const results: Result[] = [];
    let notionCalls = 0;

    // Shelf, one process: each view one request at a time, its page size, the load, and the floor.
    {
      const server = await serve(shelf, 1, defer);
      log(`load: next start (${build}) on ${backend} at ${server.base}`);
      const get = async (url: string) => {
        const response = await fetch(`${server.base}${url}`, { headers: shelfHeaders, redirect: "manual" });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
        return body;
      };
      // The newest seeded bookmark is #5000: the page shows the mirror, signed in.
      if (!(await get(urls["first page"])).includes(`#${ROWS}`)) throw new Error("the dashboard did not show the mirrored bookmarks");
      // Page 20 of 50 per page starts 950 rows below the newest.
      if (!(await get(urls["page 20"])).includes(`#${ROWS - 950}`)) throw new Error("the page-20 link did not show page 20");
      await admin.clearRequests();
      for (const [label, url] of Object.entries(urls)) {
        const timings = await timeRuns(RENDER_RUNS, 5, () => get(url));
        results.push({
          name: `render over HTTP [${backend}]: ${label} (one request at a time)`,
          p50Ms: round(percentile(timings, 50), 1),
          p95Ms: round(percentile(timings, 95), 1),
          runs: RENDER_RUNS,
          ...(label === "first page" ? await pageKB(`${server.base}${url}`, shelfHeaders) : {}),
        });
      }
      notionCalls += (await admin.requests()).length;
      log(`load: Shelf, 1 process, ${CONNECTIONS} connections for ${DURATION_S} s`);
      await admin.clearRequests();
      const run = await loadOf(server.base, shelfLoadPaths, shelfHeaders);
      notionCalls += (await admin.requests()).length;
      // For scale: the same server answering its cheapest route (one `select 1`).
      const floor = await autocannon({ url: `${server.base}/api/health`, connections: CONNECTIONS, duration: FLOOR_DURATION_S });
      await server.stop();
      results.push(loadRow(`load [${backend}]: Shelf, 1 process`, run, server.memory));
      results.push({
        name: `load [${backend}]: /api/health (floor), 1 process, ${FLOOR_DURATION_S} s`,
        viewsPerSecond: round(floor.requests.average, 1),
        p50Ms: floor.latency.p50,
        p99Ms: floor.latency.p99,
        non2xx: floor.non2xx,
        errors: floor.errors,
      });
    }

    // The ceiling right after, under the same load, then both again with two processes on one port.
    const runBaseline = async (processes: number) => {
      const server = await serve(baseline, processes, defer);
      const size = processes === 1 ? await pageKB(`${server.base}/`, {}) : {};
      log(`load: bare Next.js page, ${processes} process(es)`);
      const run = await loadOf(server.base, baselineLoadPaths, {});
      await server.stop();
      return { ...loadRow(`load: bare Next.js page (ceiling), ${processes} process${processes > 1 ? "es" : ""}`, run, server.memory), ...size };
    };
    const runShelf = async (processes: number) => {
      const server = await serve(shelf, processes, defer);
      // Warm every process on the views themselves, as the 1-process run's render timings did (the
      // bare page's ready path is its page): a cold process under 50 connections times out instead.
      for (let i = 0; i < 4 * processes; i++) await getOnNewConnection(`${server.base}${shelfLoadPaths[i % 2]}`, shelfHeaders);
      log(`load: Shelf, ${processes} processes`);
      await admin.clearRequests();
      const run = await loadOf(server.base, shelfLoadPaths, shelfHeaders);
      notionCalls += (await admin.requests()).length;
      await server.stop();
      return loadRow(`load [${backend}]: Shelf, ${processes} processes`, run, server.memory);
    };
    const ratio = (processes: number, shelfRow: Result, baseRow: Result): Result => ({
      name: `load: Shelf ÷ bare page, ${processes} process${processes > 1 ? "es" : ""}`,
      viewsPerSecondRatio: round(Number(shelfRow.viewsPerSecond) / Number(baseRow.viewsPerSecond), 2),
      p99Ratio: round(Number(shelfRow.p99Ms) / Number(baseRow.p99Ms), 2),
      target: "views/s ratio ≥ 1.0",
    });
    const base1 = await runBaseline(1);
    results.push(base1, ratio(1, results.find((r) => r.name === `load [${backend}]: Shelf, 1 process`)!, base1));
    // PGlite belongs to one process, so two Shelf processes need Postgres.
    if (backend === "postgres") {
      const shelf2 = await runShelf(2);
      const base2 = await runBaseline(2);
      results.push(shelf2, base2, ratio(2, shelf2, base2));
    }
    results.push({ name: "load: Notion calls during all of the above", notionCalls, connections: CONNECTIONS, seconds: DURATION_S, cores: os.cpus().length });
    return results;
  });
}
