// One file (over 250 lines): the SSRF guard is one chain (resolve, check every address, pin the
// connection to it, re-check on each redirect, cap time and size, decode) that a reviewer must
// read together; split, the checks would sit apart from the connection they protect.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { classifyAddress, mayConnect } from "./address";

/**
 * Fetches a web page for its metadata without letting a bookmark's URL reach inside Shelf's
 * network (SSRF): only http(s); every address a name resolves to must be public, checked before
 * connecting and again on every redirect; the connection goes to the address that was checked, so
 * a second DNS answer can't swap it (rebinding); time, size and redirects are limited.
 * docs/decisions/018-link-metadata-ssrf-guard.md explains the rules.
 */

export type ResolvedAddress = { address: string; family: number };
/** Every address a host name resolves to. Injectable so tests can make a name resolve anywhere. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchPageOptions = {
  /** Tests serve pages from 127.0.0.1; nothing else is ever allowed (LINK_METADATA_ALLOW_LOOPBACK). */
  allowLoopback?: boolean;
  resolve?: Resolver;
  /** The whole fetch, redirects and body included. */
  timeoutMs?: number;
  /** How long the server may stay silent. */
  idleTimeoutMs?: number;
  /** Decoded bytes read at most; the rest is never downloaded. */
  maxBytes?: number;
  maxRedirects?: number;
  /** "head" (metadata) stops at the end of <head>; "body" (the reader, lib/reader) reads the whole page. */
  readUntil?: "head" | "body";
};

export type FetchedPage = {
  /** Where the page was found, after redirects. */
  url: string;
  html: string;
  /** The body was longer than maxBytes and was cut there. */
  truncated: boolean;
};

export type FetchFailure =
  | "unsupported-url"
  | "blocked-address"
  | "dns"
  | "too-many-redirects"
  | "timeout"
  | "http-status"
  | "not-html"
  | "too-large"
  | "network";

export class LinkFetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = "LinkFetchError";
  }
}

export const FETCH_DEFAULTS = {
  timeoutMs: 5_000,
  idleTimeoutMs: 3_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  readUntil: "head" as "head" | "body",
};

const USER_AGENT = "Mozilla/5.0 (compatible; ShelfBot/1.0; link previews for saved bookmarks)";

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// The metadata is in <head>; reading stops where the body begins.
const END_OF_HEAD = /<\/head\s*>|<body[\s>]/i;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

function httpUrl(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new LinkFetchError("unsupported-url", "not a valid web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new LinkFetchError("unsupported-url", `${url.protocol} addresses are not fetched`);
  return url;
}

/** The addresses to connect to: resolves the host and refuses it if ANY answer is not public. */
async function vettedAddresses(url: URL, options: FetchPageOptions, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = bareHost(url);
  const family = net.isIP(host);
  let answers: ResolvedAddress[];
  if (family !== 0) {
    answers = [{ address: host, family }];
  } else {
    try {
      answers = await abortable((options.resolve ?? systemResolver)(host), signal);
    } catch (error) {
      if (error instanceof LinkFetchError) throw error;
      throw new LinkFetchError("dns", `${host} could not be resolved`);
    }
  }
  if (answers.length === 0) throw new LinkFetchError("dns", `${host} has no addresses`);
  const refused = answers.find((answer) => !mayConnect(answer.address, options));
  if (refused) {
    throw new LinkFetchError("blocked-address", `${host} resolves to ${refused.address}, a ${classifyAddress(refused.address)} address`);
  }
  return answers;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timedOut());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

const timedOut = () => new LinkFetchError("timeout", "the page took too long");

/**
 * One GET to the vetted addresses (all of them, so Node can still pick IPv4 or IPv6). The `lookup`
 * pin keeps the host name for Host and TLS (SNI, certificate) while DNS is not asked again.
 */
function get(url: URL, addresses: ResolvedAddress[], settings: typeof FETCH_DEFAULTS, accept: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  const pinned: net.LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: bareHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        headers: {
          "user-agent": USER_AGENT,
          accept,
          "accept-encoding": "gzip, deflate, br",
        },
        // A fresh connection per hop: a pooled socket could belong to another address.
        agent: false,
        lookup: pinned,
        signal,
        timeout: settings.idleTimeoutMs,
      },
      resolve,
    );
    request.on("timeout", () => request.destroy(new LinkFetchError("timeout", "the server stopped answering")));
    request.on("error", (error) => reject(signal.aborted ? timedOut() : error instanceof LinkFetchError ? error : new LinkFetchError("network", error.message)));
    request.end();
  });
}

function decompressed(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  // Truncated input is normal here (reading stops early), so flush what there is instead of failing.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip(lenient)
      : encoding === "deflate"
        ? zlib.createInflate(lenient)
        : encoding === "br"
          ? zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : encoding === "identity" || encoding === ""
            ? null
            : undefined;
  if (decoder === undefined) {
    response.destroy();
    throw new LinkFetchError("not-html", `the page is compressed as ${encoding}`);
  }
  if (decoder === null) return response;
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** Reads the body up to maxBytes decoded bytes or (readUntil "head") the end of <head>, whichever comes first. */
function readBody(response: http.IncomingMessage, maxBytes: number, untilHead: boolean, signal: AbortSignal): Promise<{ bytes: Buffer; truncated: boolean }> {
  const body = decompressed(response);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tail = "";
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      response.destroy();
      body.destroy();
      outcome();
    };
    const done = (truncated: boolean) => settle(() => resolve({ bytes: Buffer.concat(chunks, size), truncated }));
    const fail = (error: unknown) =>
      settle(() => reject(signal.aborted ? timedOut() : error instanceof LinkFetchError ? error : new LinkFetchError("network", String(error))));
    const onAbort = () => fail(timedOut());
    signal.addEventListener("abort", onAbort, { once: true });
    // The request's idle timeout destroys the socket; this names the reason before the close arrives.
    response.socket.once("timeout", () => fail(new LinkFetchError("timeout", "the server stopped answering")));

    body.on("data", (chunk: Buffer) => {
      const kept = chunk.subarray(0, maxBytes - size);
      chunks.push(kept);
      size += kept.length;
      if (size >= maxBytes) return done(true);
      if (!untilHead) return;
      // latin1 maps bytes one to one, so the tag is found whatever the page's charset (UTF-16 aside).
      const text = tail + kept.toString("latin1");
      if (END_OF_HEAD.test(text)) return done(false);
      tail = text.slice(-16);
    });
    body.on("end", () => done(false));
    body.on("error", fail);
    response.on("error", fail);
    response.on("close", () => {
      if (!response.complete) fail(new LinkFetchError("network", "the connection closed early"));
    });
  });
}

const charsetParam = (contentType: string) => /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];

/** Text of the page: BOM, then the Content-Type charset, then a <meta> in the first bytes, else UTF-8. */
export function decodeHtml(bytes: Buffer, contentType = ""): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf-8" : bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  const sniffed = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(bytes.subarray(0, 1024).toString("latin1"))?.[1];
  for (const label of [bom, charsetParam(contentType), sniffed]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: try the next source.
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/** The first 2xx answer under the SSRF rules, redirects followed (each checked like the first). */
async function fetchResponse(raw: string, options: FetchPageOptions, accept: string, signal: AbortSignal) {
  const settings = { ...FETCH_DEFAULTS, ...options };
  let url = httpUrl(raw);
  for (let redirects = 0; ; redirects++) {
    const addresses = await vettedAddresses(url, options, signal);
    const response = await get(url, addresses, settings, accept, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.destroy();
      if (redirects >= settings.maxRedirects) throw new LinkFetchError("too-many-redirects", `more than ${settings.maxRedirects} redirects`);
      url = httpUrl(location, url);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new LinkFetchError("http-status", `the server answered ${status}`);
    }
    const contentType = response.headers["content-type"] ?? "";
    return { url, response, contentType, type: contentType.split(";")[0]!.trim().toLowerCase(), settings };
  }
}

/**
 * GETs an http(s) page under the SSRF rules and limits, following at most maxRedirects redirects
 * (each checked like the first). Throws LinkFetchError saying why when there is no page to read.
 */
export async function fetchPage(raw: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs);
  const { url, response, contentType, type, settings } = await fetchResponse(raw, options, "text/html,application/xhtml+xml;q=0.9", signal);
  if (!HTML_TYPES.has(type)) {
    response.destroy();
    throw new LinkFetchError("not-html", `the page is ${type || "of no stated type"}, not HTML`);
  }
  const { bytes, truncated } = await readBody(response, settings.maxBytes, settings.readUntil === "head", signal);
  return { url: url.href, html: decodeHtml(bytes, contentType), truncated };
}

export type FetchedFile = { url: string; bytes: Buffer; contentType: string };

/**
 * GETs a file (a site's icon, a page's preview image) under the same rules, whole or not at all:
 * a body longer than maxBytes, or a Content-Length saying so, is "too-large" and no more of it is
 * read. The bytes are not trusted to be what the header says; lib/link-images sniffs them.
 */
export async function fetchFile(raw: string, options: FetchPageOptions & { maxBytes: number }): Promise<FetchedFile> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs);
  const { url, response, contentType } = await fetchResponse(raw, options, "image/webp,image/png,image/*;q=0.8", signal);
  const declared = Number(response.headers["content-length"]);
  if (declared > options.maxBytes) {
    response.destroy();
    throw new LinkFetchError("too-large", `the file is ${declared} bytes, over ${options.maxBytes}`);
  }
  // One byte over the cap is enough to know the file is too large.
  const { bytes, truncated } = await readBody(response, options.maxBytes + 1, false, signal);
  if (truncated) throw new LinkFetchError("too-large", `the file is over ${options.maxBytes} bytes`);
  return { url: url.href, bytes, contentType };
}
