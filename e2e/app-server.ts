import { spawn, type ChildProcessByStdio } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import type { Readable } from "node:stream";
import path from "node:path";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, startSandbox, type RunningSandbox } from "../notion-sandbox";
import { E2E_APP_PORT, E2E_HEALTH_TOKEN, E2E_SANDBOX_PORT, E2E_SECRETS } from "./env";

/** The environment of a production Shelf on a throw-away embedded database, talking to the sandbox. */
export function appEnv(options: { port: number; sandboxUrl: string; dataDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "",
    PGLITE_DIR: path.join(options.dataDir, "pglite"),
    NOTION_API_BASE: options.sandboxUrl,
    NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
    NOTION_CLIENT_SECRET: DEFAULT_SANDBOX_CLIENT_SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
    NEXTAUTH_SECRET: E2E_SECRETS.nextAuthSecret,
    TOKEN_ENCRYPTION_KEY: E2E_SECRETS.tokenEncryptionKey,
    E2E_DATA_DIR: options.dataDir,
    LOG_LEVEL: "info",
    HEALTH_DETAILS_TOKEN: E2E_HEALTH_TOKEN,
    // Saved links are example addresses: fetching them would make runs depend on the internet.
    // The fetcher has tests of its own (lib/link-metadata, lib/bookmarks/page-metadata*.test.ts).
    LINK_METADATA: "off",
  };
}

/** The built app served as `npm start` serves it (server.mjs), on 127.0.0.1:`port`. */
export function spawnApp(port: number, env: NodeJS.ProcessEnv): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [path.join(process.cwd(), "server.mjs"), "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["inherit", "pipe", "pipe"],
    env,
  });
}

/** Resolves once the app answers its liveness check. */
export async function appReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = await fetch(`${url}/api/health/live`).then((r) => r.ok, () => false);
    if (live) return;
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A second production server of the build with its own sandbox and throw-away database, for specs
 * that read pages from local test servers: link metadata on and 127.0.0.1 allowed (the shared
 * server refuses both; its specs save example addresses). `offset` keeps its ports apart from the
 * shared server's and from other such specs'. Its log goes to test-results/<name>-app.log.
 */
export function pageReadingApp(name: string, offset: number) {
  const port = E2E_APP_PORT + offset;
  const url = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  let app: ReturnType<typeof spawnApp> | undefined;
  let sandbox: RunningSandbox | undefined;
  let dataDir = "";
  return {
    url,
    log,
    get sandbox(): RunningSandbox {
      if (!sandbox) throw new Error(`${name}: the app has not started`);
      return sandbox;
    },
    async start() {
      sandbox = await startSandbox({ port: E2E_SANDBOX_PORT + offset, redirectUris: [`${url}/api/auth/callback/notion`], rateLimit: false });
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `shelf-e2e-${name}-`));
      app = spawnApp(port, {
        ...appEnv({ port, sandboxUrl: sandbox.url, dataDir }),
        // As e2e/serve.ts: the first fill of a new connection finishes within seconds.
        SYNC_MAX_AGE_SECONDS: "3",
        LINK_METADATA: "on",
        // The test servers are on 127.0.0.1; private addresses stay refused.
        LINK_METADATA_ALLOW_LOOPBACK: "1",
      });
      app.stdout.on("data", (chunk: Buffer) => log.push(chunk.toString()));
      app.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
      await appReady(url);
    },
    async stop() {
      app?.kill("SIGTERM");
      fs.mkdirSync("test-results", { recursive: true });
      fs.writeFileSync(`test-results/${name}-app.log`, log.join(""));
      await sandbox?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
