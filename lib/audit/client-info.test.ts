import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressPrefix, clientInfo, describeApiClient, describeUserAgent } from "./client-info";

const SECRET = "test-peer-secret";

const UA = {
  chromeMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  headlessLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  chromeIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  firefoxIpad: "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
};

describe("describeUserAgent", () => {
  it.each([
    [UA.chromeMac, "Chrome on macOS"],
    [UA.headlessLinux, "Chrome on Linux"],
    [UA.firefoxLinux, "Firefox on Linux"],
    [UA.safariIphone, "Safari on iPhone"],
    [UA.chromeIphone, "Chrome on iPhone"],
    [UA.safariMac, "Safari on macOS"],
    [UA.edgeWindows, "Edge on Windows"],
    [UA.chromeAndroid, "Chrome on Android"],
    [UA.firefoxIpad, "Firefox on iPad"],
  ])("%s → %s", (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });

  it("says Unknown browser for scripts, nothing, or junk", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("Unknown browser");
    expect(describeUserAgent(null)).toBe("Unknown browser");
    expect(describeUserAgent("")).toBe("Unknown browser");
    expect(describeUserAgent("x".repeat(100_000))).toBe("Unknown browser");
  });
});

describe("addressPrefix", () => {
  it.each([
    ["203.0.113.57", "203.0.113.x"],
    ["127.0.0.1", "127.0.0.x"],
    [" 198.51.100.7:4711", "198.51.100.x"],
    ["::ffff:192.0.2.44", "192.0.2.x"],
    ["2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::/48"],
    ["2001:0DB8:0000:0042:0000:8a2e:0370:7334", "2001:db8:0::/48"],
    ["[2001:db8:1:2::1]:443", "2001:db8:1::/48"],
    ["fe80::1%eth0", "fe80:0:0::/48"],
    ["::1", "0:0:0::/48"],
  ])("%s → %s", (address, expected) => {
    expect(addressPrefix(address)).toBe(expected);
  });

  it.each(["unknown", "", "256.1.1.1", "1.2.3", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "g::1", "<script>"])("%j → null", (address) => {
    expect(addressPrefix(address)).toBeNull();
  });
});

describe("clientInfo", () => {
  const peer = (address: string) => `${SECRET} ${address}`;
  beforeAll(() => {
    process.env.SHELF_PEER_SECRET = SECRET;
  });
  afterAll(() => {
    delete process.env.SHELF_PEER_SECRET;
  });

  it("takes the address the rate limits take (the socket's, by default) and the user agent", () => {
    const headers = new Headers({ "x-shelf-peer": peer("203.0.113.9"), "x-forwarded-for": "198.51.100.1", "user-agent": UA.firefoxLinux });
    expect(clientInfo(headers, 0)).toEqual({ ipPrefix: "203.0.113.x", client: "Firefox on Linux" });
    expect(clientInfo(new Headers({ "x-shelf-peer": peer("::ffff:127.0.0.1") }), 0)).toEqual({ ipPrefix: "127.0.0.x", client: "Unknown browser" });
  });

  it("behind a trusted proxy, takes its forwarded address", () => {
    const headers = new Headers({ "x-shelf-peer": peer("10.0.0.1"), "x-forwarded-for": "198.51.100.1, 2001:db8:aa:bb::1" });
    expect(clientInfo(headers, 1)).toEqual({ ipPrefix: "2001:db8:aa::/48", client: "Unknown browser" });
  });

  it("has no prefix at all when there is no trustworthy address", () => {
    expect(clientInfo(new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }), 0)).toEqual({ ipPrefix: null, client: "Unknown browser" });
  });
});

describe("describeApiClient", () => {
  it("names browsers as describeUserAgent does and scripts by their first product", () => {
    expect(describeApiClient("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36")).toBe("Chrome on macOS");
    expect(describeApiClient("curl/8.5.0")).toBe("curl");
    expect(describeApiClient("Raycast/1.80 (macOS)")).toBe("Raycast");
    expect(describeApiClient("")).toBe("Unknown client");
    expect(describeApiClient(null)).toBe("Unknown client");
    expect(describeApiClient("<script>/1")).toBe("Unknown client");
  });
});
