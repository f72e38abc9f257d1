/**
 * The Notion sandbox: an offline emulator of Notion's OAuth and REST API for development and
 * tests. See README.md. Importing this module does no work; `startSandbox` does.
 */
import type { AddressInfo } from "node:net";
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from "./rate-limit";
import { SandboxRuntime } from "./runtime";
import type { SeedOptions } from "./seed";
import { createSandboxServer } from "./server";

export { SandboxAdmin } from "./admin-client";
export type { ApproveOptions, PropertiesInput, SandboxState, VisibleContent } from "./admin-client";
export type { FaultKind, FaultRule } from "./faults";
export type { RateLimitConfig } from "./rate-limit";
export type { LoggedRequest } from "./request-log";
export type { Capability } from "./types";
export type { SandboxWebhookPayload, WebhookAttempt, WebhookEventType, WebhookSubscriptionInfo } from "./webhooks";
export {
  DEFAULT_REDIRECT_URIS,
  DEFAULT_SANDBOX_CLIENT_SECRET,
  SANDBOX_CLIENT_ID,
  SEED_CONTENT,
  SEED_PEOPLE,
  SEED_TEMPLATE,
  SEED_WORKSPACES,
} from "./seed";
export type { SeedOptions } from "./seed";

export interface SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  host?: string;
  /** false: no people, workspaces or content besides Shelf's client and template. */
  seed?: SeedOptions | false;
  /** Load state from this JSON file if it exists and keep it there on every change. */
  dataFile?: string;
  redirectUris?: string[];
  clientSecret?: string;
  /** Default: 3 requests/second per bot with bursts of 10. */
  rateLimit?: RateLimitConfig | false;
  /** Fixed latency added to every /v1 request. */
  latencyMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const runtime = new SandboxRuntime({
    seed: options.seed ?? {},
    client: { redirectUris: options.redirectUris, clientSecret: options.clientSecret },
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    latencyMs: options.latencyMs ?? 0,
    dataFile: options.dataFile,
  });
  const server = createSandboxServer(runtime);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    async stop() {
      // Hanging requests (fault "hang") and keep-alive sockets would otherwise keep close() waiting.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await runtime.close();
    },
  };
}
