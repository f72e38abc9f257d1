import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger, type LogFn } from "pino";
import { logLevel } from "@/lib/env";
import { isSafeRequestId, REQUEST_ID_HEADER } from "@/lib/security/request-id";

/**
 * What every line logged in a piece of work carries: `requestId` while serving a request,
 * `component` for work of the server's own (startup, the outbox worker, the import runner).
 */
export type LogContext = { requestId?: string; component?: string; workspaceId?: string };

const context = new AsyncLocalStorage<LogContext>();

const REDACTED = "[redacted]";

// Keys whose values are credentials wherever they appear: headers, OAuth bodies, our own fields.
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|password)$|(token|secret|apikey|api_key|credentials?)$/i;
// `code` is an OAuth authorization code (a UUID at Notion) or an error code worth keeping
// (`object_not_found`, `ECONNRESET`): only the latter shape passes.
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

// Credentials that may hide inside free text: Notion access/refresh tokens (real, legacy and the
// sandbox's), Shelf's own API tokens, HTTP auth schemes, and OAuth values in a query string.
const SECRET_TEXT: [RegExp, string][] = [
  [/\b(?:ntn|nrt|secret)_[A-Za-z0-9_-]{6,}/g, REDACTED],
  // Long enough not to catch names such as a "shelf_test" database.
  [/\bshelf_[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/([?&](?:code|state|token|access_token|refresh_token|client_secret)=)[^&\s"']+/gi, `$1${REDACTED}`],
];

export function scrubText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

const MAX_DEPTH = 8;

/** A value logged as is although it looks like a credential; see reveal(). */
class Revealed {
  constructor(readonly text: string) {}
  toJSON() {
    return this.text;
  }
}

/**
 * Opts one value out of scrubbing, for the rare secret that must reach the operator through the
 * log (the webhook verification token, docs/security.md). Grep for it in review.
 */
export function reveal(text: string): unknown {
  return new Revealed(text);
}

/**
 * A copy of a value to log with credentials replaced. Callers must not log secrets in the first
 * place; this is the net under them (an error whose message quotes a token, a header object).
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Revealed) return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return scrub(pino.stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const secret =
      !(item instanceof Revealed) && (SECRET_KEY.test(key) || (key === "code" && !(typeof item === "string" && ERROR_CODE.test(item))));
    out[key] = secret ? REDACTED : scrub(item, depth + 1);
  }
  return out;
}

/** A JSON-lines logger (stdout unless given a destination) that scrubs and carries the current LogContext. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? logLevel(process.env.LOG_LEVEL),
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...context.getStore() }),
      // formatters.log has already serialized (and scrubbed) errors at every key.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => scrub(bindings) as Record<string, unknown>,
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        // The message is not part of the object `formatters.log` sees.
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => (typeof arg === "string" ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<LogFn>);
        },
      },
    },
    options.destination,
  );
}

/**
 * The server's logger. Lines carry the context of the work they are logged in (withLogContext);
 * code that may run while a page renders, outside any context, uses requestLogger() instead.
 */
export const log: Logger = createLogger();

/** Runs `work` with `bindings` added to every line it logs, including in what it starts and leaves running. */
export function withLogContext<T>(bindings: LogContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...bindings }, work);
}

/** The request id proxy.ts gave the request being served, or undefined outside a request. */
async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    const id = (await headers()).get(REQUEST_ID_HEADER);
    return id && isSafeRequestId(id) ? id : undefined;
  } catch {
    // headers() throws outside a request: startup, the worker, tests.
    return undefined;
  }
}

/**
 * The logger for code that serves requests but may run outside withLogContext (a page's render):
 * it binds the request id from the request headers when the context has none.
 */
export async function requestLogger(): Promise<Logger> {
  const store = context.getStore();
  if (store?.requestId || store?.component) return log;
  const requestId = await currentRequestId();
  return requestId ? log.child({ requestId }) : log;
}

/** Runs `work` (a route handler's or server action's) with the request id bound to every line it logs. */
export async function inRequestContext<T>(work: () => Promise<T>): Promise<T> {
  const requestId = await currentRequestId();
  return withLogContext(requestId ? { requestId } : {}, work);
}
