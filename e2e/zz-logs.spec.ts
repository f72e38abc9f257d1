// Runs last (specs run alphabetically, one worker): reads everything the app logged during the run,
// which e2e/serve.ts copies to E2E_APP_LOG. Run alone, its own sign-in and page view give it lines.
import fs from "node:fs";
import { DEFAULT_SANDBOX_CLIENT_SECRET } from "../notion-sandbox";
import { E2E_APP_LOG, E2E_SECRETS } from "./env";
import { expect, signIn, test } from "./fixtures";

type Line = { msg?: string; requestId?: string; component?: string; [key: string]: unknown };

const jsonLines = (): Line[] =>
  fs
    .readFileSync(E2E_APP_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);

// The server's own work; everything else is logged while serving a request.
const BACKGROUND = ["startup", "outbox", "imports"];

test("the app's log ties Notion calls to requests and holds no secret", async ({ page }) => {
  const workspaceId = await signIn(page, "alan", "labs");
  const requestId = `e2e-logs-${Date.now()}`;

  await test.step("a page view that starts a sync logs its Notion calls under the page's request id", async () => {
    // Leave the dashboard so its polling stops syncing; a mirror older than SYNC_MAX_AGE_SECONDS
    // (3 s in e2e) makes the next view start a background sync.
    await page.goto("about:blank");
    await page.waitForTimeout(4000);
    const response = await page.request.get(`/w/${workspaceId}/bookmarks`, { headers: { "x-request-id": requestId } });
    expect(response.status()).toBe(200);
    expect(response.headers()["x-request-id"]).toBe(requestId);
    await expect
      .poll(() => jsonLines().filter((l) => l.requestId === requestId && l.msg === "notion call").length, { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  const text = fs.readFileSync(E2E_APP_LOG, "utf8");
  const lines = jsonLines();

  await test.step("no token, client secret or key appears anywhere in the output", () => {
    expect(text).not.toMatch(/ntn_sbx_|nrt_sbx_/);
    for (const [name, value] of Object.entries({ clientSecret: DEFAULT_SANDBOX_CLIENT_SECRET, ...E2E_SECRETS })) {
      expect(text.includes(value), `${name} appears in the app's log`).toBe(false);
    }
  });

  await test.step("every line logged while serving a request carries its request id", () => {
    const unattributed = lines.filter((l) => !l.requestId && !BACKGROUND.includes(l.component ?? ""));
    expect(unattributed).toEqual([]);
    for (const line of lines.filter((l) => l.requestId)) expect(line.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  await test.step("every Notion call that got an answer names Notion's request id and its duration", () => {
    const calls = lines.filter((l) => l.msg === "notion call");
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call, JSON.stringify(call)).toMatchObject({
        method: expect.any(String),
        path: expect.stringMatching(/^\/v1\//),
        status: expect.any(Number),
        durationMs: expect.any(Number),
        notionRequestId: expect.any(String),
      });
    }
    // The sign-in's code exchange is one of them.
    expect(calls.some((c) => c.path === "/v1/oauth/token")).toBe(true);
  });
});
