// Runs in a worker thread (see read-file.ts): reads an uploaded file and
// classifies its rows away from the event loop that serves every request.
import { parentPort } from "node:worker_threads";
import { BookmarkFileError, readBookmarkFile, type FileFormat } from "@/lib/bookmark-files";
import { classifyRows } from "./classify";
import type { PreviewRequest, PreviewMessage } from "./read-file";

// Rows go back in slices: each message is deserialised as its own task on the
// main thread, so other requests run between them.
const SLICE = 500;

function post(message: PreviewMessage) {
  parentPort?.postMessage(message);
}

parentPort?.once("message", (request: PreviewRequest) => {
  try {
    const reading = readBookmarkFile(new Uint8Array(request.bytes), request.fileName, request.format as FileFormat | undefined);
    const rows = classifyRows(reading, { folderTags: request.folderTags, existing: new Set(request.existing) });
    for (let start = 0; start < rows.length; start += SLICE) {
      post({ kind: "rows", rows: rows.slice(start, start + SLICE) });
    }
    post({
      kind: "done",
      format: reading.format,
      encoding: reading.encoding,
      alternatives: reading.alternatives,
      bookmarks: reading.bookmarks.length,
    });
  } catch (error) {
    if (error instanceof BookmarkFileError) {
      post({ kind: "refused", message: error.message });
    } else {
      post({ kind: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
});
