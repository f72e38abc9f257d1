// `npm run test:e2e`: one production build, then the Playwright suite split into shards that run
// side by side, each with its own app server, sandbox and database (E2E_PORT_OFFSET apart), so no
// spec can see another shard's data or faults. Within a shard specs run one at a time, as before.
// With arguments (spec files, --grep …) it runs one plain Playwright over them instead.
import { execFileSync } from "node:child_process";
import { runPrefixed } from "./lib/run-prefixed";

const SHARD_PORT_STEP = 500;
const args = process.argv.slice(2);
const shards = args.length > 0 ? 1 : Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
const baseOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);

if (process.env.E2E_SKIP_BUILD !== "1") {
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
}

const playwright = require.resolve("@playwright/test/cli");

function runShard(index: number): Promise<number> {
  const shardArgs = shards > 1 ? [`--shard=${index}/${shards}`] : [];
  return runPrefixed(process.execPath, [playwright, "test", ...shardArgs, ...args], {
    env: {
      ...process.env,
      E2E_SKIP_BUILD: "1",
      E2E_PORT_OFFSET: String(baseOffset + (index - 1) * SHARD_PORT_STEP),
      E2E_OUTPUT_DIR: shards > 1 ? `test-results/shard-${index}` : "test-results",
    },
    prefix: shards > 1 ? `[${index}/${shards}] ` : "",
  });
}

void Promise.all(Array.from({ length: shards }, (_, n) => runShard(n + 1))).then((codes) => {
  const failed = codes.flatMap((code, n) => (code === 0 ? [] : [n + 1]));
  if (shards > 1) console.log(failed.length === 0 ? `all ${shards} shards passed` : `shard(s) ${failed.join(", ")} of ${shards} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
});
