// Fixed ports keep the sandbox's registered redirect URI and NEXTAUTH_URL in step with the app.
// E2E_PORT_OFFSET moves both, so two checkouts can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_APP_PORT = 3100 + offset;
export const E2E_SANDBOX_PORT = 4111 + offset;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
