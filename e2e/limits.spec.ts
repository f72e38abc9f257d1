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
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"] ?? "text/plain" },
      data: request.postData() ?? "",
    });
  let body = "";
  // Windows are fixed minutes: twice the limit plus one is sure to overflow one of at most two windows.
  for (let i = 0; i <= 2 * ACTION_LIMIT && !body.includes("rate_limited"); i++) body = await (await replay()).text();
  expect(body).toContain("rate_limited");
  expect(body).toMatch(/faster than Shelf allows\. Please wait \d+ seconds/);
});
