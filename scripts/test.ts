// `npm test`: the static checks, then Vitest and the Playwright suite side by side. Most of both
// is waiting on sandboxed Notion, Postgres and the browser, so on a 2-core machine running them
// together takes little more than the longer of the two (decision 037). Both always run to the
// end; the exit code fails if either did.
import { execFileSync } from "node:child_process";
import { runPrefixed } from "./lib/run-prefixed";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
for (const check of ["typecheck", "lint", "check:cycles"]) execFileSync(npm, ["run", check], { stdio: "inherit" });

const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);
const suites = [
  { name: "unit", args: ["run", "test:unit"] },
  { name: "e2e", args: ["run", "test:e2e"] },
];
void Promise.all(
  suites.map(async ({ name, args }) => {
    const code = await runPrefixed(npm, args, { prefix: `[${name}] ` });
    console.log(`::: ${name} ${code === 0 ? "passed" : `failed (exit ${code})`} after ${seconds()} s`);
    return code;
  }),
).then((codes) => process.exit(codes.every((code) => code === 0) ? 0 : 1));
