import { TOO_BIG_MESSAGE } from "../lib/bookmark-files/limits";
import { E2E_APP_URL } from "./env";
import { expect, signIn, test } from "./fixtures";

const EXPECTED = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

test("every kind of page and route sends the security headers, with a fresh nonce", async ({ page }) => {
  const workspaceId = await signIn(page, "grace", "labs");
  const nonces = new Set<string>();
  for (const path of ["/", "/signin", `/w/${workspaceId}/bookmarks`, `/w/${workspaceId}/settings`, "/api/health"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers, path).toMatchObject(EXPECTED);
    expect(headers["permissions-policy"], path).toContain("camera=()");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(5);
});

test("every response names its request id: a safe incoming one is kept, anything else is replaced", async ({ request }) => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  for (const path of ["/", "/api/health"]) {
    const fresh = await request.get(path);
    expect(fresh.headers()["x-request-id"], path).toMatch(uuid);
    const kept = await request.get(path, { headers: { "x-request-id": "edge-7f3a9c2e_01" } });
    expect(kept.headers()["x-request-id"], path).toBe("edge-7f3a9c2e_01");
  }
  for (const unsafe of ["short", "with space 123", "a".repeat(65), 'quote"d-123456', "k=v;k2=v2-1234"]) {
    const replaced = await request.get("/", { headers: { "x-request-id": unsafe } });
    expect(replaced.headers()["x-request-id"], unsafe).toMatch(uuid);
  }
});

test("session cookies are HttpOnly and SameSite=Lax", async ({ page }) => {
  await signIn(page, "grace", "labs");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("what proxy.ts skips carries the security headers too: /favicon.ico, static files, a missing static file", async ({ page, request }) => {
  await page.goto("/signin");
  const chunk = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const answers: Array<[string, number]> = [
    ["/favicon.ico", 200],
    [chunk!, 200],
    ["/_next/static/no-such-file.js", 404],
  ];
  for (const [path, status] of answers) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    expect(headers, path).toMatchObject(EXPECTED);
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  expect((await request.get("/favicon.ico")).headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  // A 404 page goes through proxy.ts: its CSP has a nonce.
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expect(missing.headers()).toMatchObject(EXPECTED);
  expect(missing.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);
});

test("the manifest's icons and the apple-touch-icon are served as PNGs", async ({ page, request }) => {
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as { icons: Array<{ src: string; type: string }> };
  const pngs = manifest.icons.filter((i) => i.type === "image/png").map((i) => i.src);
  await page.goto("/");
  const apple = await page.locator("link[rel='apple-touch-icon']").getAttribute("href");
  expect(pngs).toHaveLength(4);
  for (const src of [...pngs, apple!]) {
    const response = await request.get(src);
    expect(response.status(), src).toBe(200);
    expect(response.headers()["content-type"], src).toBe("image/png");
  }
});

test.describe("page POSTs (server actions) that did not come from Shelf's pages", () => {
  const action = { "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" };

  for (const [what, origin] of [["no Origin", undefined], ["a foreign Origin", "https://evil.example"]] as const) {
    test(`are refused with 403 and words: ${what}`, async ({ request }) => {
      const response = await request.post("/", { headers: { ...action, ...(origin ? { origin } : {}) }, data: "[]" });
      expect(response.status()).toBe(403);
      expect(response.headers()).toMatchObject(EXPECTED);
      expect(await response.json()).toEqual({ ok: false, code: "forbidden_origin", error: expect.stringContaining("did not come from Shelf's own pages") });
    });
  }

  test("an over-limit (50 MB) upload gets the friendly too-large answer from the server, not a 500", async ({ request }) => {
    const response = await request.post("/", {
      headers: { ...action, origin: E2E_APP_URL, "content-type": "multipart/form-data; boundary=x" },
      data: Buffer.alloc(50 * 1024 * 1024, "a"),
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ ok: false, code: "too_large", error: TOO_BIG_MESSAGE });
  });
});
