import { describe, expect, it } from "vitest";
import { TOO_BIG_MESSAGE } from "@/lib/bookmark-files/limits";
import { ACTION_BODY_LIMIT_BYTES, guardActionRequest } from "./action-guard";

const post = (path: string, headers: Record<string, string>) =>
  new Request(`http://shelf.example.com${path}`, { method: "POST", headers: { host: "shelf.example.com", "next-action": "abc", ...headers } });

async function answer(response: Response | null) {
  return response && { status: response.status, body: (await response.json()) as { error: string; code: string } };
}

describe("guardActionRequest", () => {
  it("lets a server action from Shelf's own pages through", () => {
    expect(guardActionRequest(post("/w/1/bookmarks", { origin: "http://shelf.example.com" }))).toBeNull();
    // Behind a proxy that names the public host in X-Forwarded-Host, as Next compares it.
    expect(guardActionRequest(post("/w/1/bookmarks", { host: "10.0.0.5:3000", "x-forwarded-host": "shelf.example.com", origin: "https://shelf.example.com" }))).toBeNull();
    // Or a proxy that passes neither on: NEXTAUTH_URL is Shelf's public origin.
    expect(guardActionRequest(post("/w/1/bookmarks", { host: "10.0.0.5:3000", origin: "https://shelf.example.com" }), "https://shelf.example.com")).toBeNull();
  });

  it.each([
    ["no Origin", {}],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Origin null", { origin: "null" }],
    ["a malformed Origin", { origin: "not a url" }],
    ["a look-alike host", { origin: "http://shelf.example.com.evil.example" }],
  ])("refuses a page POST with %s: 403 in words", async (_, headers) => {
    expect(await answer(guardActionRequest(post("/w/1/bookmarks", headers), "https://shelf.example.com"))).toEqual({
      status: 403,
      body: { ok: false, code: "forbidden_origin", error: expect.stringContaining("did not come from Shelf's own pages") },
    });
  });

  it("answers a body larger than an upload may be with the upload's own message", async () => {
    const headers = { origin: "http://shelf.example.com", "content-length": String(50 * 1024 * 1024) };
    expect(await answer(guardActionRequest(post("/w/1/import", headers)))).toEqual({ status: 413, body: { ok: false, code: "too_large", error: TOO_BIG_MESSAGE } });
    expect(guardActionRequest(post("/w/1/import", { ...headers, "content-length": String(ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
  });

  it("leaves reads and /api/ routes alone (next-auth's CSRF token, the webhook's signature)", () => {
    expect(guardActionRequest(new Request("http://shelf.example.com/w/1/bookmarks"))).toBeNull();
    expect(guardActionRequest(post("/api/auth/signin/notion", {}))).toBeNull();
    expect(guardActionRequest(post("/api/notion/webhook", { origin: "https://evil.example" }))).toBeNull();
  });
});
