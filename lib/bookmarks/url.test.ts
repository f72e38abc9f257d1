import { describe, expect, it } from "vitest";
import { displayHost, fallbackTitle, normalizeUrl, parseHttpUrl } from "./url";

describe("parseHttpUrl", () => {
  it.each([
    ["https://example.com", "https://example.com/"],
    ["http://example.com/a?b=1#c", "http://example.com/a?b=1#c"],
    ["  https://example.com/x  ", "https://example.com/x"],
    ["HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"],
    ["example.com/x", "https://example.com/x"],
    ["www.example.com", "https://www.example.com/"],
    ["example.com:8080/x", "https://example.com:8080/x"],
    ["localhost:3000", "https://localhost:3000/"],
    ["http://localhost:3000/dev", "http://localhost:3000/dev"],
    ["http://intranet/wiki", "http://intranet/wiki"],
    ["192.168.1.10/admin", "https://192.168.1.10/admin"],
    ["[::1]:8080", "https://[::1]:8080/"],
    ["https://example.com:443/", "https://example.com/"],
    ["http://example.com:80/", "http://example.com/"],
    ["https://bücher.de/straße", "https://xn--bcher-kva.de/stra%C3%9Fe"],
    ["https://例え.jp", "https://xn--r8jz45g.jp/"],
    ["https://user:pw@example.com", "https://user:pw@example.com/"],
  ])("accepts %j", (raw, href) => {
    expect(parseHttpUrl(raw)?.href).toBe(href);
  });

  it.each([
    ["empty", ""],
    ["whitespace only", "   \t "],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: with port-like body", "javascript:1"],
    ["JavaScript: mixed case", "JaVaScRiPt:alert(document.cookie)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["file:", "file:///etc/passwd"],
    ["mailto:", "mailto:someone@example.com"],
    ["ftp:", "ftp://example.com/file"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["space inside", "https://example.com/a b"],
    ["space in host", "https://exa mple.com"],
    ["newline inside", "https://example.com/a\nb"],
    ["tab inside", "https://exam\tple.com"],
    ["NUL", "https://example.com/\u0000"],
    ["DEL", "https://example.com/\u007f"],
    ["C1 control", "https://example.com/\u0085"],
    ["no host", "https://"],
    ["bare word", "example"],
    ["relative path", "/just/a/path"],
    ["protocol-relative", "//example.com/x"],
    ["backslash path", "\\\\example.com"],
    ["query only", "?q=1"],
  ])("refuses %s", (_label, raw) => {
    expect(parseHttpUrl(raw)).toBeNull();
  });
});

describe("normalizeUrl", () => {
  it.each([
    ["lowercases scheme and host", "HTTPS://Example.COM/Path", "https://example.com/Path"],
    ["drops default https port", "https://example.com:443/a", "https://example.com/a"],
    ["drops default http port", "http://example.com:80/a", "http://example.com/a"],
    ["keeps other ports", "https://example.com:8443/a", "https://example.com:8443/a"],
    ["drops fragment", "https://example.com/a#section", "https://example.com/a"],
    ["keeps hash routes", "https://app.example.com/#/inbox", "https://app.example.com/#/inbox"],
    ["keeps hash-bang routes", "https://example.com/#!/page", "https://example.com/#!/page"],
    [
      "drops tracking params",
      "https://example.com/a?utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=5&igshid=6&id=7",
      "https://example.com/a?id=7",
    ],
    ["drops the query when only tracking params", "https://example.com/a?utm_campaign=z", "https://example.com/a"],
    ["sorts params", "https://example.com/?b=2&a=1&c=3", "https://example.com/?a=1&b=2&c=3"],
    ["keeps order of repeated keys", "https://example.com/?t=2&a=1&t=1", "https://example.com/?a=1&t=2&t=1"],
    ["drops trailing slash", "https://example.com/a/b/", "https://example.com/a/b"],
    ["keeps root slash", "https://example.com/", "https://example.com/"],
    ["drops www.", "https://www.example.com/a", "https://example.com/a"],
    ["keeps www.com", "https://www.com/a", "https://www.com/a"],
    ["punycodes IDN hosts", "https://www.bücher.de/", "https://xn--bcher-kva.de/"],
    ["assumes https without scheme", "example.com/a/", "https://example.com/a"],
    ["leaves unparseable input trimmed", "  not a url  ", "not a url"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it("treats variants of one page as duplicates", () => {
    const variants = [
      "https://www.example.com/article/?utm_source=news&b=2&a=1#comments",
      "HTTPS://EXAMPLE.COM:443/article?a=1&b=2",
      "example.com/article?a=1&fbclid=abc&b=2",
    ];
    expect(new Set(variants.map(normalizeUrl)).size).toBe(1);
  });

  it("keeps http and https apart", () => {
    expect(normalizeUrl("http://example.com/")).not.toBe(normalizeUrl("https://example.com/"));
  });
});

describe("displayHost", () => {
  it.each([
    ["https://www.example.com/a", "example.com"],
    ["https://blog.example.com/", "blog.example.com"],
    ["http://localhost:3000/", "localhost:3000"],
    ["https://example.com:443/", "example.com"],
    ["https://bücher.de", "xn--bcher-kva.de"],
    ["https://evil.example@attacker.test/", "attacker.test"],
    ["javascript:alert(1)", ""],
  ])("%j → %j", (url, host) => {
    expect(displayHost(url)).toBe(host);
  });
});

describe("fallbackTitle", () => {
  it.each([
    ["https://www.example.com/", "example.com"],
    ["https://example.com/docs/intro/", "example.com/docs/intro"],
    ["https://example.com/a%20b/caf%C3%A9", "example.com/a b/café"],
    ["https://example.com/search?q=x#top", "example.com/search"],
    ["https://example.com/bad%E0%A4%A", "example.com/bad%E0%A4%A"],
    ["https://example.com/line%0Abreak", "example.com/line%0Abreak"],
  ])("%j → %j", (url, title) => {
    expect(fallbackTitle(url)).toBe(title);
  });

  it("truncates long paths to 100 characters with an ellipsis", () => {
    const title = fallbackTitle(`https://example.com/${"a".repeat(300)}`);
    expect(Array.from(title)).toHaveLength(100);
    expect(title.endsWith("…")).toBe(true);
    expect(title.startsWith("example.com/aaa")).toBe(true);
  });

  it("never splits an astral character", () => {
    const title = fallbackTitle(`https://example.com/${"😀".repeat(200)}`);
    expect(title).toBe(`example.com/${"😀".repeat(87)}…`);
  });
});
