import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import path from "node:path";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID } from "../notion-sandbox";
import { E2E_HEALTH_TOKEN, E2E_SECRETS } from "./env";

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
