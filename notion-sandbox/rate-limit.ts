/**
 * Notion's per-connection rate limit: about three requests per second on average, with bursts.
 * A token bucket per bot: `burst` requests at once, refilled at `requestsPerSecond`.
 */

export interface RateLimitConfig {
  requestsPerSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { requestsPerSecond: 3, burst: 10 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private config: RateLimitConfig | false) {}

  get current(): RateLimitConfig | false {
    return this.config;
  }

  configure(config: RateLimitConfig | false): void {
    this.config = config;
    this.buckets.clear();
  }

  /** Spends one request for `key`; returns 0 when allowed, else the whole seconds to wait (Retry-After). */
  take(key: string, nowMs: number = Date.now()): number {
    if (!this.config) return 0;
    const { requestsPerSecond, burst } = this.config;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: nowMs };
    bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * requestsPerSecond);
    bucket.updatedAt = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / requestsPerSecond));
  }
}
