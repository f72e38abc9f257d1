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

test("session cookies are HttpOnly and SameSite=Lax", async ({ page }) => {
  await signIn(page, "grace", "labs");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
