import { clientAddress, type HeaderSource } from "@/lib/security/client-address";

/** What an event keeps about the client: enough to spot a stranger, too little to fingerprint anyone. */
export type ClientInfo = { ipPrefix: string | null; client: string };

/** The address is read as the rate limits read it (TRUSTED_PROXY_HOPS), so both name the same client. */
export function clientInfo(headers: HeaderSource, hops?: number): ClientInfo {
  return { ipPrefix: addressPrefix(clientAddress(headers, hops)), client: describeUserAgent(headers.get("user-agent")) };
}

/** An IPv4 address as its /24 ("203.0.113.x"), an IPv6 one as its /48; null for anything else. */
export function addressPrefix(address: string): string | null {
  const bare = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d+)?$/i.exec(bare);
  if (v4) {
    const octets = v4.slice(1, 5).map(Number);
    return octets.every((o) => o <= 255) ? `${octets.slice(0, 3).join(".")}.x` : null;
  }
  const groups = ipv6Groups(bare);
  return groups ? `${groups.slice(0, 3).join(":")}::/48` : null;
}

/** The eight groups of an IPv6 address, "::" expanded and leading zeros dropped; null if it is not one. */
function ipv6Groups(address: string): string[] | null {
  const withoutZone = address.split("%")[0] ?? "";
  const halves = withoutZone.split("::");
  if (halves.length > 2) return null;
  const split = (half: string | undefined) => (half ? half.split(":") : []);
  const head = split(halves[0]);
  const tail = split(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16).toString(16));
}

// First match wins: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/(?:Headless)?Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];

// First match wins: Android says "Linux", iPhones and iPads say "Mac OS X".
const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone|iPod/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Macintosh|Mac OS X/, "macOS"],
  [/Linux|X11/, "Linux"],
];

/** A user agent in words: "Chrome on macOS", "Safari on iPhone", or "Unknown browser". */
export function describeUserAgent(userAgent: string | null): string {
  // Real user agents are short; a huge header is not worth scanning.
  const ua = (userAgent ?? "").slice(0, 512);
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  if (!browser) return "Unknown browser";
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

/**
 * An API caller in words: a browser as above, otherwise the first product of its user agent
 * ("curl", "Raycast"), so scripts are told apart without keeping the whole header.
 */
export function describeApiClient(userAgent: string | null): string {
  const browser = describeUserAgent(userAgent);
  if (browser !== "Unknown browser") return browser;
  const product = /^\s*([A-Za-z][A-Za-z0-9._-]{0,39})(?:\/|\s|$)/.exec(userAgent ?? "")?.[1];
  return product ?? "Unknown client";
}
