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
