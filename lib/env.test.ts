import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, logLevel, parseEnv } from "./env";

const key = () => crypto.randomBytes(32).toString("base64");
const production = () => ({
  NODE_ENV: "production" as const,
  NEXTAUTH_URL: "https://shelf.example.com",
  NEXTAUTH_SECRET: key(),
  TOKEN_ENCRYPTION_KEY: key(),
  NOTION_CLIENT_ID: "client",
  NOTION_CLIENT_SECRET: "secret",
});

function problems(source: NodeJS.ProcessEnv): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("accepts a complete production configuration", () => {
    const env = parseEnv(production());
    expect(env).toMatchObject({ nodeEnv: "production", notionIsSandbox: false, notionRequestsPerSecond: 2.5 });
    expect(env.notion.apiBase).toBe("https://api.notion.com");
  });

  it.each(["NEXTAUTH_SECRET", "TOKEN_ENCRYPTION_KEY", "NEXTAUTH_URL", "NOTION_CLIENT_ID", "NOTION_CLIENT_SECRET"])(
    "names %s when production lacks it",
    (name) => {
      const source: NodeJS.ProcessEnv = { ...production(), [name]: "" };
      expect(problems(source).join("\n")).toMatch(new RegExp(`^${name} is not set: .+`, "m"));
    },
  );

  it.each([
    ["TOKEN_ENCRYPTION_KEY", "short", /32 bytes/],
    ["NEXTAUTH_SECRET", "short", /at least 32 characters/],
    ["DATABASE_URL", "mysql://x", /postgres:\/\//],
    ["NOTION_REQUESTS_PER_SECOND", "fast", /requests per second/],
    ["LOG_LEVEL", "loud", /one of fatal, error, warn, info, debug, trace, silent/],
  ])("says what is wrong with %s=%s", (name, value, message) => {
    expect(problems({ ...production(), [name]: value }).join("\n")).toMatch(message);
  });

  it("trusts no proxy by default, takes a whole number of hops, and names a bad one", () => {
    expect(parseEnv(production()).trustedProxyHops).toBe(0);
    expect(parseEnv({ ...production(), TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
    expect(problems({ ...production(), TRUSTED_PROXY_HOPS: "one" })).toEqual([
      "TRUSTED_PROXY_HOPS must be the number of proxies in front of Shelf that append to X-Forwarded-For, e.g. 1",
    ]);
    expect(problems({ ...production(), TRUSTED_PROXY_HOPS: "1.5" })).toEqual(["TRUSTED_PROXY_HOPS must be a whole number of proxies, e.g. 1"]);
    expect(problems({ ...production(), TRUSTED_PROXY_HOPS: "-1" })).toEqual(["TRUSTED_PROXY_HOPS must be 0 (no proxy) or more"]);
  });

  it("marks a Notion other than api.notion.com as the sandbox", () => {
    expect(parseEnv({ ...production(), NOTION_API_BASE: "http://127.0.0.1:4010/" }).notionIsSandbox).toBe(true);
  });

  it("fetches link metadata by default, never from loopback unless explicitly allowed", () => {
    expect(parseEnv(production()).linkMetadata).toEqual({ enabled: true, allowLoopback: false, timeoutMs: 5000 });
    expect(parseEnv({ ...production(), NODE_ENV: "test" }).linkMetadata.enabled).toBe(false);
    expect(parseEnv({ ...production(), NODE_ENV: "test", LINK_METADATA: "on" }).linkMetadata.enabled).toBe(true);
    expect(parseEnv({ ...production(), LINK_METADATA: "off", LINK_METADATA_ALLOW_LOOPBACK: "1", LINK_METADATA_TIMEOUT_SECONDS: "2" }).linkMetadata).toEqual({
      enabled: false,
      allowLoopback: true,
      timeoutMs: 2000,
    });
    expect(problems({ ...production(), LINK_METADATA_ALLOW_LOOPBACK: "yes" }).join("\n")).toMatch(/LINK_METADATA_ALLOW_LOOPBACK must be 0 or 1/);
    expect(problems({ ...production(), LINK_METADATA_TIMEOUT_SECONDS: "60" }).join("\n")).toMatch(/LINK_METADATA_TIMEOUT_SECONDS/);
  });

  it("leaves the cron drain off without CRON_SECRET and refuses a short one", () => {
    expect(parseEnv(production()).cronSecret).toBeUndefined();
    expect(parseEnv({ ...production(), CRON_SECRET: " a-long-enough-secret " }).cronSecret).toBe("a-long-enough-secret");
    expect(problems({ ...production(), CRON_SECRET: "short" })).toEqual(["CRON_SECRET must be at least 16 characters (openssl rand -base64 32)"]);
  });

  it("keeps previous encryption keys for decryption after the current one", () => {
    const [current, old] = [key(), key()];
    expect(parseEnv({ ...production(), TOKEN_ENCRYPTION_KEY: current, TOKEN_ENCRYPTION_KEYS_PREVIOUS: old }).tokenEncryptionKeys).toEqual([current, old]);
  });
});

describe("logLevel", () => {
  it("is info by default, takes pino's levels and silent, and falls back to info on a bad value", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel(" ")).toBe("info");
    expect(logLevel("debug")).toBe("debug");
    expect(logLevel("silent")).toBe("silent");
    expect(logLevel("loud")).toBe("info");
  });
});
