import { Worker } from "node:worker_threads";
import { BookmarkFileError, type FileFormat } from "@/lib/bookmark-files";
import type { ClassifiedRow } from "./classify";

export type PreviewRequest = { bytes: ArrayBuffer; fileName: string; format?: string; folderTags: boolean; existing: string[] };
export type PreviewMessage =
  | { kind: "rows"; rows: ClassifiedRow[] }
  | { kind: "done"; format: FileFormat; encoding: string; alternatives: FileFormat[]; bookmarks: number }
  | { kind: "refused"; message: string }
  | { kind: "failed"; message: string };

export type FilePreview = { rows: ClassifiedRow[]; format: FileFormat; encoding: string; alternatives: FileFormat[]; bookmarks: number };

// A file that takes longer than this (a crafted plist whose objects refer to
// each other, say) is refused instead of holding a thread; real 20 MB files
// take a few seconds on a busy machine.
const TIME_LIMIT_MS = 60_000;
// A worker that runs out of this memory ends with an error; the server keeps running.
const MEMORY_LIMIT_MB = 1024;

/**
 * The production build bundles the worker as JavaScript: Turbopack recognises
 * `new Worker(new URL(…), …)` written out in full, so it stays that way.
 * Tests, benchmarks and scripts run this module's TypeScript source, whose
 * worker can only load through tsx's loaders, registered in a small bootstrap.
 */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: MEMORY_LIMIT_MB };
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./preview-worker.ts", import.meta.url), { resourceLimits });
  }
  const source = import.meta.url.replace(/read-file\.ts$/, "preview-worker.ts");
  const bootstrap = `require("tsx/cjs/api").register();
import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/**
 * Reads and classifies an uploaded file in a worker thread, because parsing
 * and validating 50,000 rows takes the best part of a second that would
 * otherwise block every other request. Throws BookmarkFileError for a file
 * that can't be read, as the parsers do.
 */
export function readFileInWorker(request: PreviewRequest): Promise<FilePreview> {
  const worker = startWorker();
  const rows: ClassifiedRow[] = [];
  return new Promise<FilePreview>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new BookmarkFileError("This file took too long to read. Export it again, or split it, and try once more."));
      void worker.terminate();
    }, TIME_LIMIT_MS);
    const end = (settle: () => void) => {
      clearTimeout(timer);
      settle();
      void worker.terminate();
    };
    worker.on("message", (message: PreviewMessage) => {
      if (message.kind === "rows") {
        for (const row of message.rows) rows.push(row);
      } else if (message.kind === "done") {
        end(() => resolve({ rows, format: message.format, encoding: message.encoding, alternatives: message.alternatives, bookmarks: message.bookmarks }));
      } else if (message.kind === "refused") {
        end(() => reject(new BookmarkFileError(message.message)));
      } else {
        end(() => reject(new Error(`Reading the file failed in its worker: ${message.message}`)));
      }
    });
    worker.on("error", (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      end(() => reject(outOfMemory ? new BookmarkFileError("This file needs more memory to read than Shelf allows. Split it and import the parts one after another.") : error));
    });
    worker.on("exit", (code) => {
      end(() => reject(new Error(`The file reader stopped (exit code ${code}) before it finished.`)));
    });
    worker.postMessage(request, [request.bytes]);
  });
}
