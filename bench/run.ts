// `npm run bench`: every benchmark in one run on this machine; prints a table and writes
// bench/results.json. Benchmarks measure; they do not pass or fail (targets are in the README).
import fs from "node:fs";
import path from "node:path";
import { benchSandboxQuery } from "./sandbox-query";

type Result = { name: string; [metric: string]: string | number };

const benchmarks: Array<() => Promise<Result | Result[]>> = [benchSandboxQuery];

async function main() {
  const results: Result[] = [];
  for (const bench of benchmarks) results.push(...[await bench()].flat());
  console.table(results);
  const file = path.join(__dirname, "results.json");
  fs.writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
