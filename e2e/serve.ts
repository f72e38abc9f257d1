// Playwright's web server: the Notion sandbox plus the production build of Shelf (next build +
// next start) on a throw-away embedded database, wired together the way a deployment would be.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, startSandbox } from "../notion-sandbox";
import { devExtensionId } from "../extension/build";
import { E2E_APP_LOG, E2E_APP_PORT, E2E_APP_URL, E2E_SANDBOX_PORT, E2E_SECRETS } from "./env";

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
  const app = spawn(process.execPath, [nextBin, "start", "--port", String(E2E_APP_PORT), "--hostname", "127.0.0.1"], {
    stdio: ["inherit", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      PGLITE_DIR: path.join(dataDir, "pglite"),
      NOTION_API_BASE: sandbox.url,
      NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
      NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
      NEXTAUTH_URL: E2E_APP_URL,
      NEXTAUTH_SECRET: E2E_SECRETS.nextAuthSecret,
      TOKEN_ENCRYPTION_KEY: E2E_SECRETS.tokenEncryptionKey,
      E2E_DATA_DIR: dataDir,
      // Views sync in the background after 3 s, so rows the tests add "in Notion" show up quickly.
      SYNC_MAX_AGE_SECONDS: "3",
      // The whole run signs in from 127.0.0.1; e2e/limits.spec.ts hammers from other addresses.
      RATE_LIMIT_SIGN_INS: "100",
      RATE_LIMIT_ACTIONS: "60",
      LOG_LEVEL: "info",
      // Saved links are example addresses: fetching them would make runs depend on the internet.
      // The fetcher has tests of its own (lib/link-metadata, lib/bookmarks/page-metadata*.test.ts).
      LINK_METADATA: "off",
      // The unpacked extension of e2e/extension.spec.ts (its id is pinned by the development key).
      API_CORS_ORIGINS: `chrome-extension://${devExtensionId()}`,
    },
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
    console.error(`next start exited with ${code}`);
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
