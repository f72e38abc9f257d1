// Child process of bench/imports.ts: reads one generated file the way an upload is read, so its
// peak memory (maxRSS) is the reading's alone. Prints one JSON line.
import fs from "node:fs";
import { readBookmarkFile } from "@/lib/bookmark-files";

const [file, name] = process.argv.slice(2) as [string, string];
const bytes = fs.readFileSync(file);
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const result = readBookmarkFile(bytes, name);
const ms = performance.now() - t0;
const peakMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, bookmarks: result.bookmarks.length, format: result.format, rssBeforeMB, peakMB }));
