import net from "node:net";

/**
 * Where an IP address points, for the link-metadata fetcher's SSRF guard: only "public" may be
 * fetched ("loopback" too when tests allow it). Pure, so every rule is tested by table and by
 * property (address.test.ts).
 */
export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "cloud-metadata"
  | "multicast"
  | "reserved"
  | "invalid";

type Range4 = { base: number; bits: number; kind: AddressKind };

const v4 = (cidr: string, kind: AddressKind): Range4 => {
  const [address, bits] = cidr.split("/");
  return { base: parseIPv4(address!)!, bits: Number(bits), kind };
};

// Most specific first: the first match wins.
const IPV4_RANGES: Range4[] = [
  // The metadata services of AWS, GCP, Azure, OpenStack… (169.254.169.254) and of Alibaba (100.100.100.200).
  v4("169.254.169.254/32", "cloud-metadata"),
  v4("100.100.100.200/32", "cloud-metadata"),
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "shared"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  // IETF protocol assignments (incl. Oracle Cloud's 192.0.0.192 metadata), documentation, 6to4 relays, benchmarking.
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "reserved"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "reserved"),
  v4("198.51.100.0/24", "reserved"),
  v4("203.0.113.0/24", "reserved"),
  v4("224.0.0.0/4", "multicast"),
  // 240/4 includes the broadcast address 255.255.255.255.
  v4("240.0.0.0/4", "reserved"),
];

function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function classifyIPv4(value: number): AddressKind {
  for (const range of IPV4_RANGES) {
    const size = 2 ** (32 - range.bits);
    if (Math.floor(value / size) === Math.floor(range.base / size)) return range.kind;
  }
  return "public";
}

/** The eight 16-bit groups of an IPv6 address, or null. Accepts "::", a dotted IPv4 tail and a %zone. */
function parseIPv6(text: string): number[] | null {
  let address = text.replace(/%.*$/, "");
  if (!net.isIPv6(address)) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const value = parseIPv4(dotted[1]!);
    if (value === null) return null;
    address = `${address.slice(0, dotted.index)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const read = (half: string | undefined) => (half ? half.split(":").map((g) => parseInt(g, 16)) : []);
  const head = read(halves[0]);
  const tail = read(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  if ([...head, ...tail].some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

const inPrefix = (groups: number[], prefix: number[], bits: number) => {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((groups[i]! ^ (prefix[i] ?? 0)) & mask) !== 0) return false;
  }
  return true;
};

const embeddedIPv4 = (high: number, low: number) => high * 65536 + low;

function classifyIPv6(g: number[]): AddressKind {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return "unspecified";
  if (zeros(0, 7) && g[7] === 1) return "loopback";
  // Forms that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d),
  // translated (::ffff:0:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (zeros(0, 5) && g[5] === 0xffff) return classifyIPv4(embeddedIPv4(g[6]!, g[7]!));
  if (zeros(0, 6)) return classifyIPv4(embeddedIPv4(g[6]!, g[7]!));
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(embeddedIPv4(g[6]!, g[7]!));
  if (inPrefix(g, [0x64, 0xff9b], 96)) return classifyIPv4(embeddedIPv4(g[6]!, g[7]!));
  // 6to4 (2002:a.b.c.d::/48) reaches the IPv4 address in its prefix.
  if (g[0] === 0x2002) return classifyIPv4(embeddedIPv4(g[1]!, g[2]!));
  // AWS's IPv6 metadata service; the rest of fc00::/7 is private.
  if (g.join(":") === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(":")) return "cloud-metadata";
  if (inPrefix(g, [0xfc00], 7)) return "private";
  if (inPrefix(g, [0xfe80], 10)) return "link-local";
  if (inPrefix(g, [0xff00], 8)) return "multicast";
  // Everything else outside global unicast (2000::/3) is not on the internet: 64:ff9b:1::/48, 100::/64,
  // fec0::/10, the deprecated and unassigned space.
  if (!inPrefix(g, [0x2000], 3)) return "reserved";
  // IETF protocol assignments (incl. Teredo 2001::/32, whose IPv4 part is obfuscated) and documentation.
  if (inPrefix(g, [0x2001], 23) || inPrefix(g, [0x2001, 0x0db8], 32) || inPrefix(g, [0x3fff], 20)) return "reserved";
  return "public";
}

/** What kind of address `ip` is (IPv4 or IPv6, with or without brackets); "invalid" when it is not one. */
export function classifyAddress(ip: string): AddressKind {
  const text = ip.trim().replace(/^\[(.*)\]$/, "$1");
  const value4 = parseIPv4(text);
  if (value4 !== null) return classifyIPv4(value4);
  const groups = parseIPv6(text);
  return groups ? classifyIPv6(groups) : "invalid";
}

/** Whether the fetcher may connect to `ip`: public addresses, and loopback only when the setting allows it. */
export function mayConnect(ip: string, options: { allowLoopback?: boolean } = {}): boolean {
  const kind = classifyAddress(ip);
  return kind === "public" || (kind === "loopback" && options.allowLoopback === true);
}
