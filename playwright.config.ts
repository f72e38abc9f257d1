import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./e2e/browser";
import { E2E_APP_URL } from "./e2e/env";

// One production build (next build + next start) against one sandbox serves each shard's run; see
// e2e/serve.ts and scripts/e2e.ts (npm run test:e2e: one build, shards side by side). Specs that
// only need the sandbox start their own.
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "tsx e2e/serve.ts",
    url: `${E2E_APP_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
