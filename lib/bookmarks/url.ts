// URL helpers shared by the server and client components, so only WHATWG URL
// (no node:url) is used here.

// C0 controls, DEL and C1 controls. The URL parser silently drops tabs and
// newlines, so a URL containing them is refused rather than quietly rewritten.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const WHITESPACE = /\s/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// "example.com:8080/x" also matches SCHEME ("example.com:"), so digits right
// after the colon mean host:port, not a scheme.
const PORT_AFTER_COLON = /^\d+(?:[/?#]|$)/;

const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "mc_cid",
  "mc_eid",
  "ref_src",
  "igshid",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
]);

const FALLBACK_TITLE_MAX = 100;

/**
 * Parses what a person typed or pasted into an http(s) URL, or returns null.
 *
 * Input without a scheme ("example.com/x") is read as https:// when it looks
 * like a host: address bars hide the scheme, so pasted or typed addresses often
 * lack it, and https is what nearly every site serves today. Anything with
 * another scheme (javascript:, data:, file:, mailto:, …) is refused because we
 * later render these as links.
 */
export function parseHttpUrl(raw: string): URL | null {
  const input = raw.trim();
  if (input === "" || WHITESPACE.test(input) || CONTROL_CHARACTERS.test(input)) {
    return null;
  }

  const scheme = SCHEME.exec(input);
  const hasScheme = scheme !== null && !PORT_AFTER_COLON.test(input.slice(scheme[0].length));
  if (hasScheme) {
    const name = scheme[1]?.toLowerCase();
    return name === "http" || name === "https" ? tryParse(input) : null;
  }

  // Without this, "/path" or "\\path" would parse as a host named "path".
  if (/^[/\\?#]/.test(input)) return null;
  const url = tryParse(`https://${input}`);
  return url && looksLikeHost(url.hostname) ? url : null;
}

/**
 * A comparison key for duplicate detection; never shown or stored as the
 * bookmark's address.
 *
 * Besides what the URL parser already does (lowercase scheme and host, drop
 * the default port, punycode IDN hosts) it drops tracking parameters, sorts
 * the query, drops a trailing slash and a leading "www." (the same site in
 * practice, and people type it both ways). Fragments are dropped except
 * "#/…" and "#!…", which single-page apps use as routes to different pages.
 */
export function normalizeUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  if (!parsed) return url.trim();

  parsed.hostname = withoutWww(parsed.hostname);
  if (!/^#[/!]/.test(parsed.hash)) parsed.hash = "";

  const kept = [...parsed.searchParams]
    .filter(([key]) => !isTrackingParam(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();

  parsed.pathname = parsed.pathname.replace(/\/+$/, "") || "/";
  return parsed.href;
}

/**
 * Host for display, e.g. "example.com" for https://www.example.com/a.
 * IDN hosts stay in punycode: that is what browsers fall back to for
 * look-alike domains, and decoding needs node:url, which the client lacks.
 */
export function displayHost(url: string): string {
  const parsed = parseHttpUrl(url);
  return parsed ? withoutWww(parsed.host) : "";
}

/** A readable title for a bookmark saved without one: host plus path. */
export function fallbackTitle(url: string): string {
  const parsed = parseHttpUrl(url);
  if (!parsed) return truncate(url.trim(), FALLBACK_TITLE_MAX);
  const path = safeDecode(parsed.pathname).replace(/\/+$/, "");
  // Trimmed: a decoded "%20" at the end would not survive the title's own trim.
  return truncate(withoutWww(parsed.host) + path, FALLBACK_TITLE_MAX).trim();
}

function tryParse(input: string): URL | null {
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

function looksLikeHost(hostname: string): boolean {
  return hostname === "localhost" || hostname.startsWith("[") || /^[^.]+(\.[^.]+)+$/.test(hostname);
}

function withoutWww(host: string): string {
  // Keep "www.com": stripping would leave a bare top-level domain.
  // Repeated, so normalizing twice gives what normalizing once did ("www.www.a.com").
  let bare = host;
  while (/^www\.[^.]+\./i.test(bare)) bare = bare.slice(4);
  return bare;
}

function isTrackingParam(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_PARAMS.has(lower);
}

function safeDecode(path: string): string {
  try {
    const decoded = decodeURIComponent(path);
    // An encoded control character (%00, %0A) would make the title invalid.
    return CONTROL_CHARACTERS.test(decoded) || /[\u2028\u2029]/.test(decoded) ? path : decoded;
  } catch {
    return path;
  }
}

function truncate(text: string, max: number): string {
  // Count code points so an emoji or astral character is never cut in half.
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
