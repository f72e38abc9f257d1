import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { houseRules } from "./eslint/house-rules.mjs";

const TESTS = ["**/*.test.ts", "test/**", "e2e/**", "bench/**", "scripts/**"];
const SANDBOX = ["notion-sandbox/**"];
/** Repositories: the only files besides db/ that build SQL (docs/architecture.md, "Rules of the house"). */
const REPOSITORIES = ["lib/*/queries.ts", "lib/*/queries/*.ts"];

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", "bench/baseline-app/.next/**", "bench/baseline-app/next-env.d.ts", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  { plugins: { shelf: houseRules } },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    // bench/sandbox-query.ts measures the sandbox itself through the official client, as the
    // sandbox's own contract tests do.
    ignores: ["lib/notion/**", ...SANDBOX, "bench/sandbox-query.ts"],
    rules: { "shelf/notion-client-only-in-lib-notion": "error" },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    // Benchmarks seed and measure tables directly, as tests do.
    ignores: ["db/**", ...REPOSITORIES, "**/*.test.ts", "bench/**", "drizzle.config.ts"],
    rules: { "shelf/sql-only-in-repositories": "error" },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    ignores: [...TESTS, ...SANDBOX, "playwright.config.ts", "vitest.config.mts"],
    rules: { "shelf/no-sandbox-in-app": "error" },
  },
  { files: ["app/**/*.tsx", "app/**/*.ts", "components/**", "lib/**"], rules: { "shelf/client-server-boundary": "error" } },
  { files: ["app/**/*.tsx", "app/**/*.ts", "components/**", "lib/**"], ignores: ["**/*.test.ts"], rules: { "shelf/long-file-needs-reason": "error" } },
];

export default config;
