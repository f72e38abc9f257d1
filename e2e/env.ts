import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

// Fixed ports keep the sandbox's registered redirect URI and NEXTAUTH_URL in step with the app.
// E2E_PORT_OFFSET moves both, so two checkouts can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_APP_PORT = 3100 + offset;
export const E2E_SANDBOX_PORT = 4111 + offset;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;

/** The app server's stdout and stderr, kept for e2e/zz-logs.spec.ts to read after the other specs. */
export const E2E_APP_LOG = path.join(os.tmpdir(), `shelf-e2e-app-${E2E_APP_PORT}.log`);

// The app's secrets, made once by the Playwright runner and inherited by the web server
// (e2e/serve.ts) and the test workers, so the log scan knows what must never appear.
const secret = (name: string) => (process.env[name] ??= crypto.randomBytes(32).toString("base64"));
export const E2E_SECRETS = {
  nextAuthSecret: secret("E2E_NEXTAUTH_SECRET"),
  tokenEncryptionKey: secret("E2E_TOKEN_ENCRYPTION_KEY"),
};

/** HEALTH_DETAILS_TOKEN of the e2e server: /api/health/ready shows its details to this bearer. */
export const E2E_HEALTH_TOKEN = "e2e-health-details-0123456789";
