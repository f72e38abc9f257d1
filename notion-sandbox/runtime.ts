/**
 * One running sandbox: its store plus everything tests can turn (faults, latency, rate limit,
 * clock), the request log and webhook subscriptions. The store is replaced wholesale on reset.
 */
import { FaultInjector } from "./faults";
import { loadSnapshot, Persistence } from "./persistence";
import { RateLimiter, type RateLimitConfig } from "./rate-limit";
import { RequestLog } from "./request-log";
import { buildSeed, shelfClient, type ClientOptions, type SeedOptions } from "./seed";
import { SandboxStore, type StoreSnapshot } from "./store";
import { WebhookDispatcher } from "./webhooks";

export interface Latency {
  fixedMs: number;
  jitterMs: number;
}

export interface RuntimeOptions {
  seed: SeedOptions | false;
  client: ClientOptions;
  rateLimit: RateLimitConfig | false;
  latencyMs: number;
  dataFile?: string;
}

export class SandboxRuntime {
  store: SandboxStore;
  latency: Latency;
  readonly faults = new FaultInjector();
  readonly rateLimiter: RateLimiter;
  readonly log = new RequestLog();
  /** Subscriptions are test setup like faults: not persisted, and gone after reset. */
  readonly webhooks = new WebhookDispatcher(() => this.now());
  private clockOffsetMs = 0;
  private readonly persistence: Persistence | undefined;

  constructor(private readonly options: RuntimeOptions) {
    const saved = options.dataFile ? loadSnapshot(options.dataFile) : undefined;
    this.store = this.storeFrom(saved ?? buildSeed(options.seed, options.client));
    this.latency = { fixedMs: options.latencyMs, jitterMs: 0 };
    this.rateLimiter = new RateLimiter(options.rateLimit);
    this.persistence = options.dataFile ? new Persistence(options.dataFile, () => this.store.snapshot()) : undefined;
  }

  /** The client's secret and redirect URIs always come from the options, even over a saved file. */
  private storeFrom(snapshot: StoreSnapshot): SandboxStore {
    const store = new SandboxStore(snapshot);
    const client = shelfClient(this.options.client);
    store.clients.set(client.clientId, client);
    return store;
  }

  /** Sandbox time: real time plus whatever tests advanced it by. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  reset(): void {
    this.store = this.storeFrom(buildSeed(this.options.seed, this.options.client));
    this.faults.clear();
    this.rateLimiter.configure(this.options.rateLimit);
    this.latency = { fixedMs: this.options.latencyMs, jitterMs: 0 };
    this.log.clear();
    this.webhooks.clear();
    this.clockOffsetMs = 0;
    this.markChanged();
  }

  markChanged(): void {
    this.persistence?.schedule();
  }

  async close(): Promise<void> {
    this.webhooks.clear();
    await this.persistence?.flush();
  }
}
