import net from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAddress, mayConnect, type AddressKind } from "./address";

describe("classifyAddress", () => {
  it.each<[string, AddressKind]>([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["[::1]", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "cloud-metadata"],
    ["100.100.100.200", "cloud-metadata"],
    ["fd00:ec2::254", "cloud-metadata"],
    ["[fd00:ec2::254]", "cloud-metadata"],
    ["169.254.0.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.0.192", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
    ["fec0::1", "reserved"],
    ["100::1", "reserved"],
    ["64:ff9b:1::1", "reserved"],
    ["fc00::1", "private"],
    ["fdff:ffff::1", "private"],
    // IPv4 inside IPv6: mapped, compatible, translated, NAT64 and 6to4 are judged by the IPv4 part.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:10.0.0.1]", "private"],
    ["::ffff:169.254.169.254", "cloud-metadata"],
    ["::10.0.0.1", "private"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:0:192.168.0.1", "private"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "cloud-metadata"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:a00:1::1", "private"],
    ["2002:808:808::1", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["223.255.255.255", "public"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:81d::200e", "public"],
    ["2001:4860:4860::8888", "public"],
    ["1.2.3", "invalid"],
    ["256.0.0.1", "invalid"],
    ["01.2.3.4x", "invalid"],
    ["localhost", "invalid"],
    ["1::2::3", "invalid"],
    ["", "invalid"],
  ])("%s is %s", (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });
});

describe("mayConnect", () => {
  it("allows public addresses, and loopback only when asked", () => {
    expect(mayConnect("93.184.215.14")).toBe(true);
    expect(mayConnect("127.0.0.1")).toBe(false);
    expect(mayConnect("::1")).toBe(false);
    expect(mayConnect("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(mayConnect("::ffff:127.0.0.1", { allowLoopback: true })).toBe(true);
    // Allowing loopback allows nothing else.
    for (const ip of ["10.0.0.1", "169.254.169.254", "fd00:ec2::254", "0.0.0.0", "::", "fe80::1"]) {
      expect(mayConnect(ip, { allowLoopback: true }), ip).toBe(false);
    }
  });
});

// --- properties: every address of every blocked range is refused, in every spelling -------------

const BLOCKED_IPV4: Array<[string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const toNumber = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const toDotted = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
const hex = (n: number) => n.toString(16);

const inRange4 = ([base, bits]: [string, number]) =>
  fc.integer({ min: 0, max: 2 ** (32 - bits) - 1 }).map((offset) => toDotted(toNumber(base) + offset));
const blockedIPv4 = fc.oneof(...BLOCKED_IPV4.map(inRange4));

/** The same IPv4 address written the ways IPv6 can carry it. */
const ipv6Forms = (ip: string) => {
  const n = toNumber(ip);
  const [high, low] = [hex(Math.floor(n / 65536)), hex(n % 65536)];
  // "::0.0.0.1" is ::1 itself, so the compatible form is left out for 0.0.0.0/8.
  const compatible = n >= 2 ** 24 ? [`::${ip}`] : [];
  return [`::ffff:${ip}`, `::ffff:${high}:${low}`, `[::ffff:${ip}]`, ...compatible, `::ffff:0:${ip}`, `64:ff9b::${ip}`, `64:ff9b::${high}:${low}`, `2002:${high}:${low}::1`];
};

/** A random address in an IPv6 prefix, written fully expanded or compressed, in either case. */
const inRange6 = (prefix: number[], bits: number) =>
  fc.tuple(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean()).map(([random, upper, compress]) => {
    const groups = random.map((value, i) => {
      const keep = Math.max(0, Math.min(16, bits - i * 16));
      const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
      return ((prefix[i] ?? 0) & mask) | (value & ~mask & 0xffff);
    });
    let text = groups.map(hex).join(":");
    if (compress) text = text.replace(/(^|:)0(:0)+(:|$)/, "::");
    return upper ? text.toUpperCase() : text;
  });

const blockedIPv6 = fc.oneof(
  inRange6([0xfc00], 7),
  inRange6([0xfe80], 10),
  inRange6([0xff00], 8),
  inRange6([0x2001, 0xdb8], 32),
  inRange6([0xfec0], 10),
  inRange6([0x2001], 23),
  inRange6([0x0100], 64),
);

describe("blocked ranges (properties)", () => {
  it("refuses every IPv4 address of a blocked range", () => {
    fc.assert(fc.property(blockedIPv4, (ip) => !mayConnect(ip) && !mayConnect(ip, { allowLoopback: !ip.startsWith("127.") })));
  });

  it("allows every IPv4 address outside the blocked ranges", () => {
    const inBlocked = (n: number) => BLOCKED_IPV4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(toNumber(base) / 2 ** (32 - bits)));
    const outside = fc.integer({ min: 0, max: 2 ** 32 - 1 }).filter((n) => !inBlocked(n));
    fc.assert(fc.property(outside, (n) => classifyAddress(toDotted(n)) === "public"), { numRuns: 2000 });
  });

  it("refuses a blocked IPv4 address in every IPv6 form", () => {
    fc.assert(
      fc.property(blockedIPv4, (ip) => {
        for (const form of ipv6Forms(ip)) expect(mayConnect(form), form).toBe(false);
      }),
    );
  });

  it("refuses every address of a blocked IPv6 range, however it is written", () => {
    fc.assert(
      fc.property(blockedIPv6, (ip) => !mayConnect(ip) && !mayConnect(`[${ip}]`, { allowLoopback: true })),
    );
  });

  it("judges an IPv4 address the same in all its IPv6 forms", () => {
    const anyIPv4 = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map(toDotted);
    fc.assert(
      fc.property(anyIPv4, (ip) => {
        for (const form of ipv6Forms(ip)) expect(classifyAddress(form), form).toBe(classifyAddress(ip));
      }),
    );
  });

  it("never throws, and calls anything Node does not read as an address invalid", () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-fA-F:.%]{0,45}$/));
    fc.assert(
      fc.property(text, (candidate) => {
        const kind = classifyAddress(candidate);
        return kind === "invalid" || net.isIP(candidate.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "")) !== 0;
      }),
    );
  });
});
