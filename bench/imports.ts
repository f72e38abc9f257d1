// Benchmark (f): reading import files. For each major format, a 50,000-bookmark file read in a
// child process of its own (time, and peak memory above the process's baseline). Then the event
// loop's delay (p99 of perf_hooks.monitorEventLoopDelay) while a 50,000-row preview is read and
// classified: in the worker thread the app uses, and in the main thread as the baseline.
// Target: p99 ≤ 50 ms with the worker.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { promisify } from "node:util";
import createPlist from "bplist-creator";
import { compressSync } from "lz4-napi";
import { readBookmarkFile, toCsv, toNetscapeHtml, type ExportBookmark } from "@/lib/bookmark-files";
import { classifyRows } from "@/lib/imports/classify";
import { readFileInWorker } from "@/lib/imports/read-file";
import { log, round, type Result } from "./setup";

const ROWS = 50_000;
// bplist-creator takes time quadratic in the objects (about 2 s for 4,000 bookmarks): the Safari
// file is written by Python's plistlib where python3 is installed, else a fifth as large.
const HAS_PYTHON = spawnSync("python3", ["--version"]).status === 0;
const PLIST_ROWS = HAS_PYTHON ? ROWS : 10_000;
const PYTHON_BPLIST = "import json, plistlib, sys; sys.stdout.buffer.write(plistlib.dumps(json.load(sys.stdin), fmt=plistlib.FMT_BINARY))";
const run = promisify(execFile);

const sample = (n: number): ExportBookmark => ({
  url: `https://site${n % 997}.example/articles/${n}?ref=bench`,
  title: `Article ${n} about ${["compilers", "gardening", "typography", "databases"][n % 4]}`,
  description: n % 3 === 0 ? `A note on article ${n}, with a few words of description.` : "",
  tags: n % 2 === 0 ? ["reading", `topic-${n % 20}`] : [],
  createdTime: new Date(1_600_000_000_000 + n * 60_000).toISOString(),
});

type BenchFile = { name: string; label: string; rows: number; bytes: () => Uint8Array };

/** Files of each major format as their tools write them, each built when its turn comes. */
function files(bookmarks: ExportBookmark[]): BenchFile[] {
  const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const instapaper = () => [
    "URL,Title,Selection,Folder,Timestamp,Tags",
    ...bookmarks.map((b) =>
      [b.url, b.title, b.description, "Unread", String(Date.parse(b.createdTime) / 1000), JSON.stringify(b.tags)].map(csvCell).join(","),
    ),
  ].join("\n");
  const pinboard = () => JSON.stringify(
    bookmarks.map((b) => ({ href: b.url, description: b.title, extended: b.description, time: b.createdTime, shared: "no", toread: "no", tags: b.tags.join(" ") })),
  );
  const firefox = {
    type: "text/x-moz-place-container",
    root: "placesRoot",
    children: [
      {
        type: "text/x-moz-place-container",
        root: "toolbarFolder",
        title: "toolbar",
        children: bookmarks.map((b) => ({ type: "text/x-moz-place", uri: b.url, title: b.title, tags: b.tags.join(","), dateAdded: Date.parse(b.createdTime) * 1000 })),
      },
    ],
  };
  const safariTree = () => ({
    WebBookmarkType: "WebBookmarkTypeList",
    Children: [
      {
        WebBookmarkType: "WebBookmarkTypeList",
        Title: "BookmarksBar",
        Children: bookmarks.slice(0, PLIST_ROWS).map((b) => ({ WebBookmarkType: "WebBookmarkTypeLeaf", URLString: b.url, URIDictionary: { title: b.title } })),
      },
    ],
  });
  const safari = () =>
    HAS_PYTHON
      ? execFileSync("python3", ["-c", PYTHON_BPLIST], { input: JSON.stringify(safariTree()), maxBuffer: 2 ** 28 })
      : createPlist(safariTree());
  return [
    { name: "bookmarks.html", label: "Netscape HTML", rows: ROWS, bytes: () => Buffer.from(toNetscapeHtml(bookmarks)) },
    { name: "shelf.csv", label: "CSV", rows: ROWS, bytes: () => Buffer.from(toCsv(bookmarks)) },
    { name: "instapaper.csv", label: "Instapaper CSV", rows: ROWS, bytes: () => Buffer.from(instapaper()) },
    { name: "pinboard.json", label: "Pinboard JSON", rows: ROWS, bytes: () => Buffer.from(pinboard()) },
    {
      name: "backup.jsonlz4",
      label: "Firefox jsonlz4",
      rows: ROWS,
      bytes: () => Buffer.concat([Buffer.from("mozLz40\u0000", "latin1"), compressSync(Buffer.from(JSON.stringify(firefox)))]),
    },
    { name: "Bookmarks.plist", label: "Safari plist", rows: PLIST_ROWS, bytes: safari },
  ];
}

async function parseRows(dir: string, bookmarks: ExportBookmark[]): Promise<Result[]> {
  const rows: Result[] = [];
  for (const file of files(bookmarks)) {
    const at = path.join(dir, file.name);
    const bytes = file.bytes();
    fs.writeFileSync(at, bytes);
    const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(__dirname, "parse-one.ts"), at, file.name], {
      cwd: path.join(__dirname, ".."),
      maxBuffer: 1 << 20,
    });
    const measured = JSON.parse(stdout.trim().split("\n").at(-1)!) as { ms: number; bookmarks: number; format: string; rssBeforeMB: number; peakMB: number };
    if (measured.bookmarks !== file.rows) throw new Error(`${file.label}: read ${measured.bookmarks} of ${file.rows} bookmarks`);
    rows.push({
      name: `read ${file.rows.toLocaleString("en")}-bookmark ${file.label}`,
      fileMB: round(bytes.length / 2 ** 20, 1),
      ms: round(measured.ms),
      peakMemoryMB: round(measured.peakMB - measured.rssBeforeMB),
    });
    log(`${file.label}: ${round(measured.ms)} ms`);
  }
  return rows;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * p99 and max of the event loop's delay while `work` runs, in ms. The pauses around it let the
 * monitor's timer fire, so a block at the very end is recorded too.
 */
async function loopDelay(work: () => Promise<unknown>): Promise<{ p99: number; max: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await pause();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  await pause();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, ms };
}

async function loopRows(bookmarks: ExportBookmark[]): Promise<Result[]> {
  const csv = new Uint8Array(Buffer.from(toCsv(bookmarks)));
  const copy = () => csv.slice().buffer;
  // Warm both paths once, so neither pays for loading modules.
  await readFileInWorker({ bytes: copy(), fileName: "warm.csv", folderTags: false, existing: [] });
  const inWorker = await loopDelay(() => readFileInWorker({ bytes: copy(), fileName: "b.csv", folderTags: false, existing: [] }));
  // The machine's own noise: the same wait with nothing to do, right after.
  const idle = await loopDelay(() => new Promise((resolve) => setTimeout(resolve, inWorker.ms)));
  const inMain = await loopDelay(async () => {
    await pause();
    const reading = readBookmarkFile(new Uint8Array(copy()), "b.csv");
    classifyRows(reading, { folderTags: false, existing: new Set() });
  });
  return [
    { name: "50,000-row CSV preview, worker thread (app)", p99DelayMs: round(inWorker.p99), maxDelayMs: round(inWorker.max), ms: round(inWorker.ms), goalP99Ms: 50 },
    { name: "event loop idle as long (the machine's noise)", p99DelayMs: round(idle.p99), maxDelayMs: round(idle.max), ms: round(idle.ms) },
    { name: "50,000-row CSV preview, main thread (baseline)", p99DelayMs: round(inMain.p99), maxDelayMs: round(inMain.max), ms: round(inMain.ms) },
    { name: "worker vs main thread p99 delay", ratio: round(inMain.p99 / Math.max(inWorker.p99, 0.001), 1), loadAvg1m: round(os.loadavg()[0]!, 2) },
  ];
}

export async function benchImports(): Promise<Result[]> {
  const bookmarks = Array.from({ length: ROWS }, (_, n) => sample(n));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-bench-imports-"));
  try {
    return [...(await parseRows(dir, bookmarks)), ...(await loopRows(bookmarks))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
