import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    environment: "node",
    testTimeout: 30_000,
    // Vitest's default on 2 cores is one worker; most tests wait on the sandbox and the databases,
    // so two keep both cores busy (decision 037).
    maxWorkers: 2,
    // The server logs every Notion call; tests that look at lines use a logger of their own.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    hookTimeout: 60_000,
    // server-only throws outside React Server Components; tests import server modules directly.
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts") },
  },
});
