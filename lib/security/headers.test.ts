import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { PROXY_SKIPPED_PATHS, securityHeaders, staticSecurityHeaders } from "./headers";

// Next reads the matcher statically, so it can't import PROXY_SKIPPED_PATHS: this keeps the two in step.
const matcher = new RegExp(`^${config.matcher[0]!.source}$`);

describe("what proxy.ts skips", () => {
  it("is exactly what next.config.ts gives headers to", () => {
    const samples: Record<string, string> = {
      "/_next/static/:path*": "/_next/static/chunks/app.js",
      "/_next/image": "/_next/image",
      "/favicon.ico": "/favicon.ico",
    };
    expect(Object.keys(samples)).toEqual(PROXY_SKIPPED_PATHS);
    for (const path of Object.values(samples)) expect(matcher.test(path), path).toBe(false);
    for (const path of ["/", "/signin", "/no-such-page", "/icon-192.png", "/manifest.webmanifest", "/api/health"]) expect(matcher.test(path), path).toBe(true);
  });

  it("gets the same protections as a page, with a CSP that runs no script", () => {
    const statics = Object.fromEntries(staticSecurityHeaders({ production: true }).map((h) => [h.key, h.value]));
    const page = securityHeaders("nonce", { development: false, production: true });
    expect(Object.keys(statics).sort()).toEqual(Object.keys(page).sort());
    expect(statics).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Strict-Transport-Security": page["Strict-Transport-Security"] });
    expect(statics["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(statics["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
