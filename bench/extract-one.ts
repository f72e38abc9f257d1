// Child process of bench/reader.ts: extracts one article the way the content writer does, so its
// peak memory (maxRSS) is the extraction's alone. Prints one JSON line.
import { extractArticle } from "@/lib/reader/extract";
import { articleBlocks, chunkBlocks } from "@/lib/notion/blocks";
import { longArticle } from "@/test/reader-pages";

const html = longArticle(Number(process.argv[2]));
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const outcome = extractArticle(html, "https://bench.example/long");
const blocks = outcome.ok ? articleBlocks(outcome.article, new Date()) : [];
const chunks = chunkBlocks(blocks);
const ms = performance.now() - t0;
const peakMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, htmlKB: html.length / 1024, blocks: blocks.length, chunks: chunks.length, rssBeforeMB, peakMB }));
