// Fixed ports keep the sandbox's registered redirect URI and NEXTAUTH_URL in step with the app.
export const E2E_APP_PORT = 3100;
export const E2E_SANDBOX_PORT = 4111;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
