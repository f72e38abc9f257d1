/** `npm run sandbox`: the sandbox on its own, configured by environment variables (see README). */
import path from "node:path";
import { startSandbox } from "./index";

async function main() {
  const redirectUris = process.env.SANDBOX_REDIRECT_URIS?.split(",").map((uri) => uri.trim()).filter(Boolean);
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 4010),
    dataFile: process.env.SANDBOX_DATA_FILE ?? path.join(process.cwd(), ".data", "notion-sandbox.json"),
    redirectUris: redirectUris?.length ? redirectUris : undefined,
    clientSecret: process.env.SANDBOX_CLIENT_SECRET,
    rateLimit: process.env.SANDBOX_RATE_LIMIT === "off" ? false : undefined,
  });
  console.log(`Notion sandbox listening on ${sandbox.url}`);
  const shutdown = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
