import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { appEnv, appReady, spawnApp } from "./app-server";
import { E2E_APP_PORT, E2E_APP_URL, E2E_SANDBOX_URL } from "./env";
import { expect, signIn, test } from "./fixtures";

// e2e/serve.ts sets RATE_LIMIT_SIGN_INS=100 (per address, 10 min) and RATE_LIMIT_ACTIONS=60 (per person, minute).
const SIGN_IN_LIMIT = 100;
const ACTION_LIMIT = 60;

test("hammering sign-in from one address gets 429 with Retry-After and a message; other addresses are unaffected", async ({ page }) => {
  // Extra page headers do not reach page.request, so the address is set on both.
  const address = { "x-forwarded-for": "203.0.113.7" };
  await page.setExtraHTTPHeaders(address);
  let last: Awaited<ReturnType<typeof page.request.post>> | undefined;
  // Fixed windows: up to twice the limit plus one, so a window boundary mid-loop cannot hide the limit.
  for (let i = 0; i <= 2 * SIGN_IN_LIMIT && last?.status() !== 429; i++) {
    last = await page.request.post("/api/auth/signin/notion", { headers: address, form: { json: "true" }, maxRedirects: 0 });
  }
  expect(last!.status()).toBe(429);
  expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await last!.json()) as { message: string }).message).toMatch(/faster than Shelf allows/);

  // The person at that address, pressing the button, reads why.
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Notion" }).click();
  await page.waitForURL("**/signin?error=TooManyAttempts");
  await expect(page.getByTestId("signin-error")).toContainText("Too many sign-in attempts");

  await page.setExtraHTTPHeaders({});
  await signIn(page, "grace", "labs");
});

test("hammering a server action past the person's limit gets a slow-down answer", async ({ page }) => {
  test.setTimeout(150_000);
  // Alan: no spec after this one acts as him, and his budget is spent for the next minute.
  await signIn(page, "alan", "labs");
  const action = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Refresh from Notion" }).click();
  const request = await action;
  const replay = () =>
    page.request.post(request.url(), {
      // The browser's Origin too: proxy.ts refuses a page POST without it.
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"] ?? "text/plain", origin: E2E_APP_URL },
      data: request.postData() ?? "",
    });
  let body = "";
  // Windows are fixed minutes: twice the limit plus one is sure to overflow one of at most two windows.
  for (let i = 0; i <= 2 * ACTION_LIMIT && !body.includes("rate_limited"); i++) body = await (await replay()).text();
  expect(body).toContain("rate_limited");
  expect(body).toMatch(/faster than Shelf allows\. Please wait \d+ seconds/);
});

test("behind one trusted proxy, addresses a client writes into X-Forwarded-For do not evade the sign-in limit; another real client is unaffected", async ({ request }) => {
  // e2e/serve.ts sets TRUSTED_PROXY_HOPS=1: the proxy appends the real client, 203.0.113.8, on the right.
  let last: Awaited<ReturnType<typeof request.post>> | undefined;
  for (let i = 0; i <= 2 * SIGN_IN_LIMIT && last?.status() !== 429; i++) {
    const forwarded = `198.18.${i % 250}.${i % 7}, 203.0.113.8`;
    last = await request.post("/api/auth/signin/notion", { headers: { "x-forwarded-for": forwarded }, form: { json: "true" }, maxRedirects: 0 });
  }
  expect(last!.status()).toBe(429);
  const other = await request.post("/api/auth/signin/notion", { headers: { "x-forwarded-for": "203.0.113.8, 203.0.113.9" }, form: { json: "true" }, maxRedirects: 0 });
  expect(other.status()).not.toBe(429);
});

test.describe("with TRUSTED_PROXY_HOPS unset", () => {
  // A second server of the same build, as `npm start` runs it with no proxy setting, and a small limit.
  const port = E2E_APP_PORT + 1;
  const url = `http://127.0.0.1:${port}`;
  const LIMIT = 5;
  let app: ReturnType<typeof spawnApp> | undefined;
  let dataDir = "";

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shelf-e2e-hops-"));
    app = spawnApp(port, { ...appEnv({ port, sandboxUrl: E2E_SANDBOX_URL, dataDir }), RATE_LIMIT_SIGN_INS: String(LIMIT), LOG_LEVEL: "warn" });
    app.stdout.resume();
    app.stderr.resume();
    await appReady(url);
  });
  test.afterAll(() => {
    app?.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A sign-in POST from the given local address (any 127/8 address reaches the server), with its own X-Forwarded-For. */
  const signInFrom = (localAddress: string, forwarded: string) =>
    new Promise<number>((resolve, reject) => {
      const body = "json=true";
      const request = http.request(`${url}/api/auth/signin/notion`, {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": body.length, "x-forwarded-for": forwarded },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(body);
    });

  test("rotating X-Forwarded-For does not evade the sign-in limit: the socket's address is the client", async () => {
    let status = 0;
    for (let i = 0; i <= 2 * LIMIT && status !== 429; i++) status = await signInFrom("127.0.0.7", `198.51.100.${i}`);
    expect(status).toBe(429);
    // Another client (another socket address) still gets through, whatever it claims.
    expect(await signInFrom("127.0.0.8", "198.51.100.1")).not.toBe(429);
  });
});
