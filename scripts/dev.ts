// `npm run dev`: Next.js in development mode. Without NOTION_CLIENT_ID it first starts the local
// Notion sandbox and points Shelf at it, so a fresh clone runs with no configuration at all.
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_SANDBOX_CLIENT_SECRET, SANDBOX_CLIENT_ID, startSandbox } from "../notion-sandbox";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  let stopSandbox: (() => Promise<void>) | undefined;

  if (!process.env.NOTION_CLIENT_ID) {
    const sandbox = await startSandbox({
      port: Number(process.env.SANDBOX_PORT ?? 4010),
      dataFile: process.env.SANDBOX_DATA_FILE ?? path.join(process.cwd(), ".data", "notion-sandbox.json"),
      clientSecret: process.env.SANDBOX_CLIENT_SECRET,
      redirectUris: [`http://localhost:${port}`, `http://127.0.0.1:${port}`].map((o) => `${o}/api/auth/callback/notion`),
    });
    stopSandbox = sandbox.stop;
    console.log(`Notion sandbox listening on ${sandbox.url} (no NOTION_CLIENT_ID set, so Shelf uses it)`);
    Object.assign(childEnv, {
      NOTION_API_BASE: sandbox.url,
      NOTION_CLIENT_ID: SANDBOX_CLIENT_ID,
      NOTION_CLIENT_SECRET: process.env.SANDBOX_CLIENT_SECRET ?? DEFAULT_SANDBOX_CLIENT_SECRET,
    });
  }
  childEnv.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", String(port)], {
    stdio: "inherit",
    env: childEnv,
  });
  const shutdown = () => next.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await stopSandbox?.();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
