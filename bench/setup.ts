// Shared set-up of the benchmarks: one Notion sandbox address for the whole run (lib/env reads its
// configuration once per process, so every benchmark restarts the sandbox on the same port instead
// of taking a new one), throw-away databases, a worker like the server's, and small statistics.
import net from "node:net";
import { openDatabase } from "@/db/client";
import { openScratchDatabase, type ScratchDatabase } from "@/db/scratch";
import type { Workspace } from "@/db/schema";
import { syncWorkspace } from "@/lib/bookmarks/sync";
import { serverWorker, type Worker } from "@/lib/bookmarks/worker";
import { SandboxAdmin, startSandbox, type RunningSandbox } from "@/notion-sandbox";
import { findWorkspace } from "@/lib/workspaces/queries";
import { readyWorkspace, startAppSandbox, TEST_REDIRECT_URI } from "@/test/sandbox-workspace";

export type Result = { name: string; [metric: string]: string | number };

/**
 * Shelf's own per-workspace budget (NOTION_REQUESTS_PER_SECOND) for every in-process benchmark. The
 * real defaults are Notion ~3/s and Shelf 2.5/s; the sustained-writes run keeps that margin
 * (sandbox = Shelf + 0.5/s) at a rate that lets 1,000 creates finish in under a minute.
 */
export const SHELF_REQUESTS_PER_SECOND = 24;
export const SANDBOX_RATE_LIMIT = { requestsPerSecond: SHELF_REQUESTS_PER_SECOND + 0.5, burst: 5 };
/** Notion's latency in the read and save benchmarks. */
export const NOTION_LATENCY_MS = 300;
/** Long enough that no view in a benchmark ever starts a background sync. */
export const SYNC_MAX_AGE_SECONDS = 24 * 60 * 60;

let sandboxPort: number | undefined;

/**
 * A fresh sandbox (rate limit off, no latency) at the address lib/env was given. The first call
 * configures lib/env through the test helper; later ones restart on the same port.
 */
export async function startBenchSandbox(): Promise<{ sandbox: RunningSandbox; admin: SandboxAdmin }> {
  if (sandboxPort === undefined) {
    const started = await startAppSandbox({
      env: {
        NOTION_REQUESTS_PER_SECOND: String(SHELF_REQUESTS_PER_SECOND),
        NOTION_TIMEOUT_SECONDS: "30",
        SYNC_MAX_AGE_SECONDS: String(SYNC_MAX_AGE_SECONDS),
      },
    });
    sandboxPort = started.sandbox.port;
    return started;
  }
  const sandbox = await startSandbox({ port: sandboxPort, rateLimit: false, redirectUris: [TEST_REDIRECT_URI] });
  return { sandbox, admin: new SandboxAdmin(sandbox.url) };
}

// --- databases -----------------------------------------------------------------------------------

export type Backend = "postgres" | "pglite";
export type BenchDatabase = ScratchDatabase & { backend: Backend };

const DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";
let postgresProbe: Promise<string | null> | undefined;

/** TEST_DATABASE_URL, else a local Postgres at 127.0.0.1:5432 when it answers; null without one. */
export function postgresAdminUrl(): Promise<string | null> {
  postgresProbe ??= (async () => {
    const url = process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES;
    if (new URL(url).hostname !== "127.0.0.1" && new URL(url).hostname !== "localhost") return null;
    try {
      const handle = await openDatabase({ url });
      try {
        await Promise.race([handle.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000).unref())]);
        return url;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  })();
  return postgresProbe;
}

/** Postgres when one answers (what production uses), else PGlite. */
export async function preferredBackend(): Promise<Backend> {
  return (await postgresAdminUrl()) ? "postgres" : "pglite";
}

/** A fresh, migrated database: in-memory PGlite, or a new database on Postgres dropped afterwards. */
export async function openBenchDatabase(backend: Backend): Promise<BenchDatabase> {
  const adminUrl = backend === "postgres" ? ((await postgresAdminUrl()) ?? undefined) : undefined;
  if (backend === "postgres" && !adminUrl) throw new Error("no Postgres to benchmark on");
  return { ...(await openScratchDatabase(adminUrl, "shelf_bench")), backend };
}

// --- workspaces ----------------------------------------------------------------------------------

type ConnectOptions = Parameters<typeof readyWorkspace>[2];

/** A connected workspace whose Notion database holds `rows` seeded bookmarks, all mirrored. */
export async function mirroredWorkspace(bench: BenchDatabase, admin: SandboxAdmin, who: ConnectOptions, rows: number): Promise<Workspace> {
  const db = bench.handle.db;
  const { workspace } = await readyWorkspace(db, admin, who);
  if (rows > 0) {
    await admin.seedRows(workspace.dataSourceId!, rows);
    await syncWorkspace(db, workspace, { full: true });
  }
  return (await findWorkspace(db, workspace.id))!;
}

/**
 * The server's outbox worker (serverWorker, so createBookmark's kickWorker reaches it as in the app).
 * stop() also forgets it, so the next benchmark gets a worker on its own database.
 */
export function startServerWorker(bench: BenchDatabase): { worker: Worker; stop(): Promise<void> } {
  const worker = serverWorker(bench.handle.db);
  return {
    worker,
    stop: async () => {
      await worker.stop();
      (globalThis as unknown as { shelfWorker?: Worker }).shelfWorker = undefined;
    },
  };
}

// --- measuring -----------------------------------------------------------------------------------

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Times `fn` `runs` times after `warmup` untimed calls; milliseconds. */
export async function timeRuns(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    timings.push(performance.now() - started);
  }
  return timings;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` with everything it opened closed afterwards, in reverse order, whatever happens. */
export async function withCleanup<T>(fn: (defer: (cleanup: () => Promise<unknown> | void) => void) => Promise<T>): Promise<T> {
  const cleanups: Array<() => Promise<unknown> | void> = [];
  try {
    return await fn((cleanup) => cleanups.push(cleanup));
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("bench cleanup:", error instanceof Error ? error.message : error);
      }
    }
  }
}

export function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/**
 * The common start of the write benchmarks: a sandbox, a fresh database on the preferred backend
 * and Ada's Notebook connected with an empty mirrored Bookmarks database, all cleaned up by `defer`.
 */
export async function emptyBenchWorkspace(defer: (cleanup: () => Promise<unknown> | void) => void) {
  const { sandbox, admin } = await startBenchSandbox();
  defer(() => sandbox.stop());
  const bench = await openBenchDatabase(await preferredBackend());
  defer(() => bench.dispose());
  const workspace = await mirroredWorkspace(bench, admin, { person: "ada", workspace: "notebook" }, 0);
  return { admin, bench, db: bench.handle.db, workspace };
}
