/**
 * `npm run test:live`: the Notion contract suite (notion-sandbox/contract) against Notion itself.
 *
 * Needs NOTION_LIVE_TOKEN (an internal integration's secret) and NOTION_LIVE_PAGE_ID (a page
 * shared with it); without them it says what to set and exits 0 as skipped. NOTION_LIVE_BASE_URL
 * points it elsewhere (a sandbox), to try the live path without Notion. Files run one at a time
 * with long timeouts: Notion allows about 3 requests a second and the SDK waits out its 429s.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { LIVE_TARGET_FLAG, liveSettings } from "../notion-sandbox/contract/live-settings";

export const CONTRACT_DIR = "notion-sandbox/contract";

export function skipMessage(missing: string[]): string {
  return `Notion contract tests skipped: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set.

To run them against api.notion.com:
  1. Create an internal integration at https://www.notion.so/profile/integrations
     (capabilities: read, update and insert content) and copy its secret (ntn_…).
  2. In Notion, open a page for the tests, ••• → Connections → add the integration.
  3. Copy the page's link (Share → Copy link); its id is the 32 characters at the end
     (the whole link works too).
  4. NOTION_LIVE_TOKEN=ntn_… NOTION_LIVE_PAGE_ID=<page id> npm run test:live

NOTION_LIVE_BASE_URL (optional) replaces https://api.notion.com, e.g. with a sandbox.
The suite creates databases named "Shelf contract test: …" under the page and trashes them when done.`;
}

function vitestArgs(): string[] {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
  return [cli, "run", CONTRACT_DIR, "--no-file-parallelism", "--testTimeout=300000", "--hookTimeout=600000"];
}

async function main(): Promise<number> {
  const settings = liveSettings(process.env);
  if ("missing" in settings) {
    console.log(skipMessage(settings.missing));
    return 0;
  }
  // The token stays in the environment: never on a command line or in the output.
  console.log(`Notion contract tests against ${settings.baseUrl}, under page ${settings.pageId}`);
  const child = spawn(process.execPath, vitestArgs(), {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, [LIVE_TARGET_FLAG]: "live" },
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Run only as a script, not when a test imports the functions above.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
