import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const NOTION_API_DEFAULT_BASE = "https://api.notion.com";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const logLevelSchema = optionalText.pipe(
  z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be one of fatal, error, warn, info, debug, trace, silent").default("info"),
);

/**
 * LOG_LEVEL on its own: the logger must work before (and while reporting that) the rest of the
 * configuration is valid. A bad value logs at "info" until parseEnv reports it.
 */
export function logLevel(value: string | undefined): z.output<typeof logLevelSchema> {
  const parsed = logLevelSchema.safeParse(value);
  return parsed.success ? parsed.data : "info";
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string, e.g. postgres://user:pass@host:5432/shelf")
      .optional(),
  ),
  NOTION_CLIENT_ID: optionalText,
  NOTION_CLIENT_SECRET: optionalText,
  NOTION_API_BASE: optionalText.pipe(z.url("must be a URL such as https://api.notion.com").optional()),
  NEXTAUTH_URL: optionalText.pipe(z.url("must be the exact origin people use, e.g. https://shelf.example.com").optional()),
  NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional()),
  TOKEN_ENCRYPTION_KEY: optionalText,
  TOKEN_ENCRYPTION_KEYS_PREVIOUS: optionalText,
  NOTION_REQUESTS_PER_SECOND: z.coerce.number("must be a number of requests per second, e.g. 2.5").positive().max(1000).default(2.5),
  NOTION_TIMEOUT_SECONDS: z.coerce.number("must be a number of seconds").positive().max(120).default(30),
  SYNC_MAX_AGE_SECONDS: z.coerce.number("must be a number of seconds").nonnegative().default(60),
  OUTBOX_WORKER: z.enum(["on", "off"], "must be on or off").default("on"),
  OUTBOX_LEASE_SECONDS: z.coerce.number("must be a number of seconds").positive().default(90),
  NOTION_WEBHOOK_SECRET: optionalText,
  CRON_SECRET: optionalText.pipe(z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)").optional()),
  RATE_LIMIT_SIGN_INS: z.coerce.number("must be a whole number").int().positive().default(20),
  RATE_LIMIT_ACTIONS: z.coerce.number("must be a whole number").int().positive().default(120),
  TRUSTED_PROXY_HOPS: z.coerce
    .number("must be the number of proxies in front of Shelf that append to X-Forwarded-For, e.g. 1")
    .int("must be a whole number of proxies, e.g. 1")
    .min(0, "must be 0 (no proxy) or more")
    .max(10, "must be at most 10")
    .default(0),
  HEALTH_DETAILS_TOKEN: optionalText.pipe(z.string().min(16, "must be at least 16 characters (openssl rand -base64 24)").optional()),
  RATE_LIMIT_API: z.coerce.number("must be a whole number").int().positive().default(120),
  API_CORS_ORIGINS: optionalText,
  LOG_LEVEL: logLevelSchema,
  LINK_METADATA: z.enum(["on", "off"], "must be on or off").optional(),
  LINK_METADATA_ALLOW_LOOPBACK: z.enum(["0", "1"], "must be 0 or 1").default("0"),
  LINK_METADATA_TIMEOUT_SECONDS: z.coerce.number("must be a number of seconds").positive().max(30).default(5),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  notion: { clientId: string; clientSecret: string; apiBase: string };
  /** True when Notion is not api.notion.com: the app shows a "Sandbox" badge. */
  notionIsSandbox: boolean;
  nextAuthUrl: string;
  nextAuthSecret: string;
  /** base64 32-byte keys; the first encrypts, all decrypt. */
  tokenEncryptionKeys: string[];
  /** Shelf's own budget per workspace, below Notion's ~3/s so interactive calls have room. */
  notionRequestsPerSecond: number;
  /** How long one Notion call may take before Shelf gives up on it. */
  notionTimeoutMs: number;
  /** A workspace page older than this starts a background sync when opened. */
  syncMaxAgeMs: number;
  outboxWorker: boolean;
  /** How long a delivery may take before another instance takes the write over. */
  outboxLeaseMs: number;
  /** The verification token of the Notion webhook subscription, when webhooks are set up. */
  webhookSecret: string | undefined;
  /** The bearer secret of /api/cron/drain; unset, the route answers 503. */
  cronSecret: string | undefined;
  /**
   * Sign-in attempts per client address per 10 minutes, server actions per person per minute, API
   * requests per token per minute.
   */
  rateLimits: { signIns: number; actions: number; api: number };
  /** Origins allowed to call /api/v1 from a browser (the extension's, e.g. chrome-extension://<id>). */
  apiCorsOrigins: string[];
  /**
   * Proxies in front of Shelf that append the client to X-Forwarded-For; 0 = none, the socket's
   * address is the client's (lib/security/client-address.ts, docs/decisions/022).
   */
  trustedProxyHops: number;
  /** Sent as a bearer token, it unlocks /api/health/ready's details (unset: nobody sees them). */
  healthDetailsToken: string | undefined;
  /**
   * Titles and descriptions left empty are filled from the page (lib/link-metadata). Loopback
   * addresses are fetched only with LINK_METADATA_ALLOW_LOOPBACK=1, for tests serving pages on
   * 127.0.0.1; never set it in a deployment (docs/decisions/018).
   */
  linkMetadata: { enabled: boolean; allowLoopback: boolean; timeoutMs: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Shelf's configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Dev secrets live in .data/ (git-ignored) so `npm run dev` needs no set-up and keeps sessions across restarts. */
const DEV_SECRETS_FILE = path.join(process.cwd(), ".data", "dev-secrets.json");

type DevSecrets = { NEXTAUTH_SECRET: string; TOKEN_ENCRYPTION_KEY: string };

function devSecrets(): DevSecrets {
  try {
    return JSON.parse(fs.readFileSync(DEV_SECRETS_FILE, "utf8")) as DevSecrets;
  } catch {
    const secrets: DevSecrets = {
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64"),
      TOKEN_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(path.dirname(DEV_SECRETS_FILE), { recursive: true });
    fs.writeFileSync(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

function isKey(value: string): boolean {
  return Buffer.from(value, "base64").length === 32;
}

/** Validates process.env (or the given source). Throws ConfigError naming every missing or bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === "production";
  const generated = production ? undefined : devSecrets();
  const problems: string[] = [];
  const require = (name: string, value: string | undefined, hint: string) => {
    if (!value) problems.push(`${name} is not set: ${hint}`);
    return value ?? "";
  };

  const nextAuthSecret = require(
    "NEXTAUTH_SECRET",
    raw.NEXTAUTH_SECRET ?? generated?.NEXTAUTH_SECRET,
    "set it to a random string of at least 32 characters (openssl rand -base64 32)",
  );
  const currentKey = require(
    "TOKEN_ENCRYPTION_KEY",
    raw.TOKEN_ENCRYPTION_KEY ?? generated?.TOKEN_ENCRYPTION_KEY,
    "set it to 32 random bytes in base64 (openssl rand -base64 32)",
  );
  const previousKeys = raw.TOKEN_ENCRYPTION_KEYS_PREVIOUS?.split(",").map((k) => k.trim()).filter(Boolean) ?? [];
  for (const [name, key] of [["TOKEN_ENCRYPTION_KEY", currentKey], ...previousKeys.map((k) => ["TOKEN_ENCRYPTION_KEYS_PREVIOUS", k])]) {
    if (key && !isKey(key)) problems.push(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  }
  const clientId = require(
    "NOTION_CLIENT_ID",
    raw.NOTION_CLIENT_ID,
    "set your Notion public connection's OAuth client ID (or run `npm run dev`, which uses the local Notion sandbox)",
  );
  const clientSecret = require(
    "NOTION_CLIENT_SECRET",
    raw.NOTION_CLIENT_SECRET,
    "set your Notion public connection's OAuth client secret",
  );
  const nextAuthUrl = production
    ? require("NEXTAUTH_URL", raw.NEXTAUTH_URL, "set it to the exact origin people use, e.g. https://shelf.example.com")
    : (raw.NEXTAUTH_URL ?? "http://localhost:3000");
  if (problems.length > 0) throw new ConfigError(problems);

  const apiBase = (raw.NOTION_API_BASE ?? NOTION_API_DEFAULT_BASE).replace(/\/+$/, "");
  return {
    nodeEnv: raw.NODE_ENV,
    databaseUrl: raw.DATABASE_URL,
    notion: { clientId, clientSecret, apiBase },
    notionIsSandbox: apiBase !== NOTION_API_DEFAULT_BASE,
    nextAuthUrl: nextAuthUrl.replace(/\/+$/, ""),
    nextAuthSecret,
    tokenEncryptionKeys: [currentKey, ...previousKeys],
    notionRequestsPerSecond: raw.NOTION_REQUESTS_PER_SECOND,
    notionTimeoutMs: raw.NOTION_TIMEOUT_SECONDS * 1000,
    syncMaxAgeMs: raw.SYNC_MAX_AGE_SECONDS * 1000,
    outboxWorker: raw.OUTBOX_WORKER === "on",
    outboxLeaseMs: raw.OUTBOX_LEASE_SECONDS * 1000,
    webhookSecret: raw.NOTION_WEBHOOK_SECRET,
    cronSecret: raw.CRON_SECRET,
    rateLimits: { signIns: raw.RATE_LIMIT_SIGN_INS, actions: raw.RATE_LIMIT_ACTIONS, api: raw.RATE_LIMIT_API },
    apiCorsOrigins: raw.API_CORS_ORIGINS?.split(",").map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean) ?? [],
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    healthDetailsToken: raw.HEALTH_DETAILS_TOKEN,
    linkMetadata: {
      // Off by default under test, so unit tests of unrelated code never reach out to the internet.
      enabled: (raw.LINK_METADATA ?? (raw.NODE_ENV === "test" ? "off" : "on")) === "on",
      allowLoopback: raw.LINK_METADATA_ALLOW_LOOPBACK === "1",
      timeoutMs: raw.LINK_METADATA_TIMEOUT_SECONDS * 1000,
    },
  };
}

let cached: Env | undefined;

/** The validated configuration; read lazily so `next build` needs no secrets. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
