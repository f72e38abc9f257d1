/**
 * Fault injection: make the next N requests (or a fraction of them), optionally only on some
 * paths, fail the ways Notion and its edge fail: an error status, a hang past the client's
 * timeout, or a reset connection.
 */
import { NotionError } from "./errors";

export const FAULT_KINDS = [409, 429, 500, 502, 503, 504, 529, "hang", "reset", "lost_response", "held_response"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** Several kinds: each firing picks one at random (a mix of failures at one overall rate). */
  fault: FaultKind | FaultKind[];
  /** How many matching requests fail; default 1, or unlimited when only `fraction` is given. */
  count?: number;
  /** Probability (0..1) that a matching request fails. */
  fraction?: number;
  /** A path prefix (`/v1/pages`) or a pattern with `*` for one or more characters (`/v1/data_sources/*\/query`). */
  path?: string;
  method?: string;
  /** Matching requests let through before the rule starts firing: a fault in the middle of a sequence. */
  after?: number;
  /** Retry-After for 429 and 529; default 1 second. */
  retryAfterSeconds?: number;
  /** How long "hang" holds the request before dropping it (and "held_response" its answer before sending it); default 120 s. */
  hangMs?: number;
}

interface ActiveRule {
  rule: FaultRule;
  id: number;
  remaining: number;
  /** Matching requests still to let through (`after`). */
  skip: number;
  matches: (path: string) => boolean;
}

/**
 * `lost_response` carries the request out, then drops the connection before answering: the
 * client cannot tell whether its write happened (the case idempotent retries exist for).
 * `held_response` carries the request out and holds the answer until a test releases it (or
 * `hangMs` passes): the window between Notion acting and the client hearing of it, which tests
 * fill with a sync, a webhook or a SIGKILL.
 */
export type FaultAction =
  | { kind: "error"; error: NotionError }
  | { kind: "hang"; ms: number }
  | { kind: "reset" }
  | { kind: "lost_response" }
  | { kind: "held_response"; ms: number };

function pathMatcher(path: string | undefined): (candidate: string) => boolean {
  if (!path) return () => true;
  if (!path.includes("*")) return (candidate) => candidate.startsWith(path);
  const pattern = new RegExp(`^${path.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".+")}$`);
  return (candidate) => pattern.test(candidate);
}

function errorFor(fault: Exclude<FaultKind, "hang" | "reset" | "lost_response" | "held_response">, retryAfterSeconds: number): NotionError {
  const retryAfter = { "retry-after": String(retryAfterSeconds) };
  switch (fault) {
    case 409:
      return new NotionError(409, "conflict_error", "Conflict occurred while saving. Please try again.");
    case 429:
      return new NotionError(429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", retryAfter, {
        rate_limit_reason: "public_api_request_rate_limit",
      });
    case 500:
      return new NotionError(500, "internal_server_error", "Unexpected error occurred.");
    case 502:
      return new NotionError(502, "bad_gateway", "Bad Gateway");
    case 503:
      return new NotionError(503, "service_unavailable", "Notion is unavailable, please try again later.");
    case 504:
      return new NotionError(504, "gateway_timeout", "Gateway Timeout");
    case 529:
      return new NotionError(529, "service_overload", "Notion is temporarily overloaded, please try again later.", retryAfter);
  }
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  private held: Array<() => void> = [];

  add(rule: FaultRule): number {
    const kinds = [rule.fault].flat();
    if (kinds.length === 0 || !kinds.every((kind) => FAULT_KINDS.includes(kind))) {
      throw new Error(`fault must be one of ${FAULT_KINDS.join(", ")}, or a list of them`);
    }
    const remaining = rule.count ?? (rule.fraction !== undefined ? Number.POSITIVE_INFINITY : 1);
    const id = this.nextId++;
    this.rules.push({ rule, id, remaining, skip: rule.after ?? 0, matches: pathMatcher(rule.path) });
    return id;
  }

  /** Clearing also lets every held answer go, so no test leaves a client waiting. */
  clear(): void {
    this.rules = [];
    this.release();
  }

  /** Answers that are done in the store and not yet sent. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Waits until the test releases this answer, or `ms` passes. */
  hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.held = this.held.filter((r) => r !== go);
        resolve();
      }, ms);
      timer.unref();
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      this.held.push(go);
    });
  }

  /** Sends every held answer; returns how many there were. */
  release(): number {
    const held = this.held;
    this.held = [];
    for (const go of held) go();
    return held.length;
  }

  list(): Array<FaultRule & { id: number; remaining: number | null }> {
    return this.rules.map(({ rule, id, remaining }) => ({ ...rule, id, remaining: Number.isFinite(remaining) ? remaining : null }));
  }

  /** The fault for this request: the first matching rule that fires (each rolls on its own); spends one of its count. */
  take(method: string, path: string): FaultAction | undefined {
    let active: ActiveRule | undefined;
    for (const r of this.rules) {
      if ((r.rule.method && r.rule.method.toUpperCase() !== method) || !r.matches(path)) continue;
      // A rule still letting requests through counts this one, whichever rule fires.
      if (r.skip > 0) r.skip -= 1;
      else if (!active && (r.rule.fraction === undefined || Math.random() < r.rule.fraction)) active = r;
    }
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    const { hangMs, retryAfterSeconds } = active.rule;
    const kinds = [active.rule.fault].flat();
    const fault = kinds[Math.floor(Math.random() * kinds.length)]!;
    if (fault === "hang") return { kind: "hang", ms: hangMs ?? 120_000 };
    if (fault === "held_response") return { kind: "held_response", ms: hangMs ?? 120_000 };
    if (fault === "reset" || fault === "lost_response") return { kind: fault };
    return { kind: "error", error: errorFor(fault, retryAfterSeconds ?? 1) };
  }
}
