// Playwright's web server: the Notion sandbox plus the production build of Shelf (next build +
// server.mjs, as `npm start` runs it) on a throw-away embedded database, wired together the way a deployment would be.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { startSandbox } from "../notion-sandbox";
import { appEnv, spawnApp } from "./app-server";
import { E2E_APP_LOG, E2E_APP_PORT, E2E_APP_URL, E2E_SANDBOX_PORT } from "./env";
import { devExtensionId } from "../extension/build";

// Every Notion call is an info line: the run's output shows warnings, errors and Next's own text.
const routine = (line: string) => /^\{.*"level":"(info|debug|trace)"/.test(line);

/** Writes an output of the app, whole line by whole line, to the log file the last spec scans, and echoes what matters. */
function tee(from: Readable, to: Writable, file: fs.WriteStream) {
  readline.createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => {
    file.write(`${line}\n`);
    if (!routine(line)) to.write(`${line}\n`);
  });
}

async function main() {
  const sandbox = await startSandbox({
    port: E2E_SANDBOX_PORT,
    redirectUris: [`${E2E_APP_URL}/api/auth/callback/notion`],
    // Tests that exercise rate limiting turn it on through the admin API.
    rateLimit: false,
  });
  const nextBin = require.resolve("next/dist/bin/next");
  if (process.env.E2E_SKIP_BUILD !== "1") execFileSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-e2e-"));
  const app = spawnApp(E2E_APP_PORT, {
    ...appEnv({ port: E2E_APP_PORT, sandboxUrl: sandbox.url, dataDir }),
    // Views sync in the background after 3 s, so rows the tests add "in Notion" show up quickly.
    SYNC_MAX_AGE_SECONDS: "3",
    // The whole run signs in from 127.0.0.1; e2e/limits.spec.ts hammers as other clients, which
    // the tests name in X-Forwarded-For as a proxy in front of Shelf would (one trusted hop).
    RATE_LIMIT_SIGN_INS: "100",
    RATE_LIMIT_ACTIONS: "60",
    // e2e/bulk.spec.ts changes 2,000 pages: at Notion's own ~3 a second that alone would take 13
    // minutes. The sandbox's limiter is off here anyway; bench/ measures the budget's use.
    NOTION_REQUESTS_PER_SECOND: "40",
    TRUSTED_PROXY_HOPS: "1",
    // The unpacked extension of e2e/extension.spec.ts (its id is pinned by the development key).
    API_CORS_ORIGINS: `chrome-extension://${devExtensionId()}`,
  });
  // A fresh file per run: the scan must only see this run's lines.
  const logFile = fs.createWriteStream(E2E_APP_LOG, { flags: "w" });
  tee(app.stdout, process.stdout, logFile);
  tee(app.stderr, process.stderr, logFile);
  const shutdown = async () => {
    app.kill("SIGTERM");
    await sandbox.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  app.on("exit", (code) => {
    console.error(`the app server exited with ${code}`);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
