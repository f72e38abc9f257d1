// `npm run bench`: every benchmark in one run on this machine; prints a table and writes
// bench/results.json. Benchmarks measure; they do not pass or fail (targets are in the README).
// `npm run bench -- reads load` runs only the named ones (and writes their results only).
import "./defaults";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchBulkTag } from "./bulk-tag";
import { benchImports } from "./imports";
import { benchLoad } from "./load";
import { benchReader } from "./reader";
import { benchReads } from "./reads";
import { benchSandboxQuery } from "./sandbox-query";
import { benchSaves } from "./saves";
import { benchScale } from "./scale";
import { benchSearchTags } from "./search-tags";
import { round, SANDBOX_RATE_LIMIT, SHELF_REQUESTS_PER_SECOND, type Result } from "./setup";
import { benchSustainedWrites } from "./sustained-writes";
import { benchTagRename } from "./tag-rename";
import { benchTokenCheck } from "./token-check";

const benchmarks: Record<string, () => Promise<Result | Result[]>> = {
  "sandbox-query": benchSandboxQuery,
  reads: benchReads,
  saves: benchSaves,
  "sustained-writes": benchSustainedWrites,
  load: benchLoad,
  scale: benchScale,
  "token-check": benchTokenCheck,
  imports: benchImports,
  "tag-rename": benchTagRename,
  reader: benchReader,
  "search-tags": benchSearchTags,
  "bulk-tag": benchBulkTag,
};

/** At most two decimals, so the table stays readable. */
function tidy(row: Result): Result {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? round(v, 2) : v])) as Result;
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in benchmarks));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benchmarks).join(", ")}`);
  const selected = Object.entries(benchmarks).filter(([name]) => wanted.length === 0 || wanted.includes(name));

  const results: Result[] = [];
  const tables: Array<{ name: string; rows: Result[] }> = [];
  // Other work on the machine skews every number here: the load average is kept with the results.
  const runs: Record<string, { seconds: number; loadAvg1mBefore: number; loadAvg1mAfter: number }> = {};
  const started = Date.now();
  for (const [name, bench] of selected) {
    const t0 = Date.now();
    const loadBefore = os.loadavg()[0]!;
    // One benchmark failing (its own cleanup has run) must not hide the others' numbers.
    const rows = await bench().then(
      (r) => [r].flat().map(tidy),
      (error: unknown) => {
        console.error(`[bench] ${name} failed:`, error);
        process.exitCode = 1;
        return [{ name: `${name}: FAILED`, error: error instanceof Error ? error.message.slice(0, 200) : String(error) }];
      },
    );
    results.push(...rows);
    tables.push({ name, rows });
    runs[name] = { seconds: Math.round((Date.now() - t0) / 1000), loadAvg1mBefore: round(loadBefore), loadAvg1mAfter: round(os.loadavg()[0]!) };
    console.error(`[bench] ${name} took ${runs[name].seconds} s (load average ${runs[name].loadAvg1mBefore} → ${runs[name].loadAvg1mAfter})`);
  }
  const paced = pacedByOutbox(tables);
  if (paced) {
    results.push(paced);
    tables.push({ name: "bulk-tag ÷ sustained-writes", rows: [paced] });
  }
  for (const { name, rows } of tables) {
    console.log(`\n${name}`);
    console.table(rows);
  }
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`;
  const settings = {
    shelfNotionRequestsPerSecond: SHELF_REQUESTS_PER_SECOND,
    sandboxRateLimit: SANDBOX_RATE_LIMIT,
    note: "Real defaults: Notion ~3 requests/s per connection, Shelf NOTION_REQUESTS_PER_SECOND 2.5. The benchmarks scale both up by the same margin.",
  };
  if (runs["sustained-writes"]) {
    console.log(
      `Sustained writes used Shelf NOTION_REQUESTS_PER_SECOND=${SHELF_REQUESTS_PER_SECOND} against a sandbox limit of ` +
        `${SANDBOX_RATE_LIMIT.requestsPerSecond}/s (burst ${SANDBOX_RATE_LIMIT.burst}); the real defaults are Notion ~3/s and Shelf 2.5/s.`,
    );
  }
  console.log(`Measured ${new Date().toISOString()} on ${machine}, Node ${process.version}, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const file = path.join(__dirname, "results.json");
  fs.writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, node: process.version, runs, settings, results }, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

/**
 * bulk-tag's share of Shelf's budget against what the outbox alone reached in the same run
 * (sustained-writes: creates, same budget and latency). On a loaded machine both fall short of the
 * budget together; the ratio says how much the bulk runner's feeding costs on top.
 */
function pacedByOutbox(tables: Array<{ name: string; rows: Result[] }>): Result | null {
  const share = (name: string) => Number.parseFloat(String(tables.find((t) => t.name === name)?.rows[0]?.ofShelfLimit));
  const [bulk, outbox] = [share("bulk-tag"), share("sustained-writes")];
  if (!Number.isFinite(bulk) || !Number.isFinite(outbox) || outbox === 0) return null;
  return { name: "bulk-tag ÷ sustained-writes (same run)", bulkOfShelfLimit: `${bulk}%`, sustainedOfShelfLimit: `${outbox}%`, ratio: `${round((100 * bulk) / outbox, 1)}%` };
}

// Every benchmark stops what it started, so the process ends by itself after main().
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
