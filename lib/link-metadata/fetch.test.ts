// One file (over 250 lines): every case of the guarded fetch runs against the same local servers
// and resolver stubs; split by case they would be started once per file.
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeHtml, FETCH_DEFAULTS, fetchPage, type FetchFailure, type Resolver } from "./fetch";
import { page, startTestServer, streamBody, type TestServer } from "@/test/http-servers";

const MB = 1024 * 1024;
const loopback = { allowLoopback: true };

/** The reason fetchPage gave up, or "fetched". */
async function outcome(promise: Promise<unknown>): Promise<FetchFailure | "fetched"> {
  try {
    await promise;
    return "fetched";
  } catch (error) {
    return (error as { reason?: FetchFailure }).reason ?? (error as Error).message as FetchFailure;
  }
}

/** A resolver answering from a table, counting its calls; unknown names fail like NXDOMAIN. */
function fakeDns(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

let server: TestServer;
const hung: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const path = request.url ?? "/";
    const html = (body: string, headers: Record<string, string> = {}) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
      response.end(body);
    };
    const redirect = (location: string, status = 302) => {
      response.writeHead(status, { location });
      response.end();
    };
    if (path === "/page") return html(page("A page", "About it"));
    if (path === "/moved") return redirect("/page", 301);
    if (path === "/to-private") return redirect("http://10.0.0.1/admin");
    if (path === "/to-metadata") return redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
    if (path === "/to-ipv6-metadata") return redirect("http://[fd00:ec2::254]/latest/meta-data/");
    if (path === "/to-intranet") return redirect("http://intranet.corp/");
    if (path === "/to-file") return redirect("file:///etc/passwd");
    if (path.startsWith("/loop/")) return redirect(`/loop/${Number(path.slice(6)) + 1}`);
    if (path === "/json") {
      response.writeHead(200, { "content-type": "application/json" });
      return response.end("{}");
    }
    if (path === "/zstd") {
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "zstd" });
      return response.end("not really");
    }
    if (path === "/missing") {
      response.writeHead(404, { "content-type": "text/html" });
      return response.end(page("Not found"));
    }
    if (path === "/huge") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html><head><title>Huge</title>");
      return streamBody(response, Buffer.alloc(64 * 1024, " "), 50 * MB);
    }
    if (path === "/gzip-bomb") {
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      return response.end(zlib.gzipSync(Buffer.concat([Buffer.from("<html><head><title>Bomb</title>"), Buffer.alloc(50 * MB, " ")])));
    }
    if (path === "/never") return void hung.push(() => response.destroy());
    if (path === "/stall-after-head") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write(page("Head first").replace("<body><p>Body</p></body></html>", "<body>"));
      return void hung.push(() => response.destroy());
    }
    if (path === "/stall-mid-head") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html><head><title>Slow");
      return void hung.push(() => response.destroy());
    }
    if (path === "/drip") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html><head>");
      const timer = setInterval(() => response.write(" "), 50);
      response.on("close", () => clearInterval(timer));
      return;
    }
    response.writeHead(500);
    response.end();
  });
});

afterAll(async () => {
  for (const release of hung) release();
  await server?.close();
});

describe("fetchPage", () => {
  it("fetches an HTML page and follows redirects, saying where it ended", async () => {
    const fetched = await fetchPage(`${server.url}/moved`, loopback);
    expect(fetched).toMatchObject({ url: `${server.url}/page`, truncated: false });
    expect(fetched.html).toContain('content="A page"');
    const request = server.requests.at(-1)!;
    expect(request.headers["user-agent"]).toMatch(/Shelf/);
    expect(request.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it.each([
    ["127.0.0.1", "http://127.0.0.1/"],
    ["[::1]", "http://[::1]/"],
    ["10.0.0.1", "http://10.0.0.1/"],
    ["169.254.169.254", "http://169.254.169.254/latest/meta-data/"],
    ["fd00:ec2::254", "http://[fd00:ec2::254]/"],
    ["0.0.0.0", "http://0.0.0.0/"],
    ["an IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/"],
    ["a decimal loopback", "http://2130706433/"],
    ["a hex private address", "https://0x0a.0.0.1/"],
    ["localhost", "http://localhost/"],
  ])("refuses %s before connecting", async (_, url) => {
    const dns = fakeDns({ localhost: ["127.0.0.1", "::1"] });
    expect(await outcome(fetchPage(url, { resolve: dns }))).toBe("blocked-address");
  });

  it("refuses loopback unless allowed, and allowing it allows nothing else", async () => {
    expect(await outcome(fetchPage(`${server.url}/page`))).toBe("blocked-address");
    expect(await outcome(fetchPage("http://10.0.0.1/", loopback))).toBe("blocked-address");
  });

  it("refuses a name resolving to a private address, or to any private address among public ones", async () => {
    const dns = fakeDns({ "intranet.corp": ["10.1.2.3"], "mixed.example": ["93.184.215.14", "192.168.0.10"], "v6.example": ["fe80::1"] });
    expect(await outcome(fetchPage("http://intranet.corp/", { resolve: dns }))).toBe("blocked-address");
    expect(await outcome(fetchPage("https://mixed.example/", { resolve: dns }))).toBe("blocked-address");
    expect(await outcome(fetchPage("https://v6.example/", { resolve: dns }))).toBe("blocked-address");
    expect(await outcome(fetchPage("https://nowhere.example/", { resolve: dns }))).toBe("dns");
  });

  it.each([
    ["a private address", "/to-private", "blocked-address"],
    ["the cloud metadata address", "/to-metadata", "blocked-address"],
    ["the IPv6 cloud metadata address", "/to-ipv6-metadata", "blocked-address"],
    ["a name resolving to a private address", "/to-intranet", "blocked-address"],
    ["a file: URL", "/to-file", "unsupported-url"],
  ])("refuses a redirect to %s", async (_, path, reason) => {
    const dns = fakeDns({ "intranet.corp": ["10.9.9.9"] });
    const before = server.requests.length;
    expect(await outcome(fetchPage(`${server.url}${path}`, { ...loopback, resolve: dns }))).toBe(reason);
    // Only the first hop reached a server.
    expect(server.requests.length - before).toBe(1);
  });

  it("connects to the address it checked, keeping the name for Host (no second lookup to rebind)", async () => {
    const dns = fakeDns({ "pinned.example": ["127.0.0.1"] });
    const fetched = await fetchPage(`http://pinned.example:${server.port}/page`, { ...loopback, resolve: dns });
    expect(fetched.html).toContain("A page");
    expect(server.requests.at(-1)!.headers.host).toBe(`pinned.example:${server.port}`);
    expect(dns.calls).toEqual(["pinned.example"]);
  });

  it("offers every checked address to the connection, so one that fails is not the end", async () => {
    // ::1 has no server (or no IPv6 at all); Node falls back to 127.0.0.1 among the pinned answers.
    const dns = fakeDns({ "dual.example": ["::1", "127.0.0.1"] });
    expect((await fetchPage(`http://dual.example:${server.port}/page`, { ...loopback, resolve: dns })).html).toContain("A page");
  });

  it("resolves again on every redirect", async () => {
    const dns = fakeDns({ "hop.example": ["127.0.0.1"] });
    await fetchPage(`http://hop.example:${server.port}/moved`, { ...loopback, resolve: dns });
    expect(dns.calls).toEqual(["hop.example", "hop.example"]);
  });

  it(`stops after ${FETCH_DEFAULTS.maxRedirects} redirects`, async () => {
    expect(await outcome(fetchPage(`${server.url}/loop/0`, loopback))).toBe("too-many-redirects");
    expect(await outcome(fetchPage(`${server.url}/loop/0`, { ...loopback, maxRedirects: 0 }))).toBe("too-many-redirects");
  });

  it("takes only HTML with a success status", async () => {
    expect(await outcome(fetchPage(`${server.url}/json`, loopback))).toBe("not-html");
    expect(await outcome(fetchPage(`${server.url}/zstd`, loopback))).toBe("not-html");
    expect(await outcome(fetchPage(`${server.url}/missing`, loopback))).toBe("http-status");
    expect(await outcome(fetchPage("ftp://example.com/", loopback))).toBe("unsupported-url");
  });

  it("cuts a 50 MB body off at the cap and stops downloading", async () => {
    const before = server.bytesSent();
    const fetched = await fetchPage(`${server.url}/huge`, loopback);
    expect(fetched.truncated).toBe(true);
    expect(fetched.html.length).toBe(FETCH_DEFAULTS.maxBytes);
    expect(fetched.html).toContain("<title>Huge</title>");
    // What the socket buffers took before the hang-up, far from 50 MB.
    await expect.poll(() => server.bytesSent() - before < 8 * MB).toBe(true);
  });

  it("caps what a gzip bomb decompresses to", async () => {
    const fetched = await fetchPage(`${server.url}/gzip-bomb`, { ...loopback, maxBytes: 64 * 1024 });
    expect(fetched).toMatchObject({ truncated: true });
    expect(fetched.html.length).toBe(64 * 1024);
    expect(fetched.html).toContain("<title>Bomb</title>");
  });

  it("gives up on a server that never answers, at the deadline", async () => {
    const started = Date.now();
    expect(await outcome(fetchPage(`${server.url}/never`, { ...loopback, timeoutMs: 400, idleTimeoutMs: 10_000 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives up on a server that goes quiet in the middle of the head", async () => {
    const started = Date.now();
    expect(await outcome(fetchPage(`${server.url}/stall-mid-head`, { ...loopback, timeoutMs: 10_000, idleTimeoutMs: 300 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives up on a server that drips bytes forever, at the deadline", async () => {
    const started = Date.now();
    expect(await outcome(fetchPage(`${server.url}/drip`, { ...loopback, timeoutMs: 500, idleTimeoutMs: 300 }))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops reading at the end of <head>, without waiting for the body", async () => {
    const started = Date.now();
    const fetched = await fetchPage(`${server.url}/stall-after-head`, { ...loopback, timeoutMs: 10_000, idleTimeoutMs: 10_000 });
    expect(fetched.html).toContain('content="Head first"');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("fetchPage decoding", () => {
  let encoded: TestServer;
  const body = page("Café — 日本", "Ünïcödé");

  beforeAll(async () => {
    encoded = await startTestServer((request, response) => {
      const [encoding = "identity"] = (request.url ?? "/").slice(1).split("?");
      const compress: Record<string, (b: Buffer) => Buffer> = {
        gzip: zlib.gzipSync,
        deflate: zlib.deflateSync,
        br: zlib.brotliCompressSync,
        identity: (b) => b,
      };
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...(encoding === "identity" ? {} : { "content-encoding": encoding }) });
      response.end(compress[encoding]!(Buffer.from(body)));
    });
  });

  afterAll(async () => {
    await encoded?.close();
  });

  it.each(["identity", "gzip", "deflate", "br"])("reads %s bodies", async (encoding) => {
    const { html } = await fetchPage(`${encoded.url}/${encoding}`, loopback);
    expect(html).toContain(body.slice(0, body.indexOf("</head>")));
  });

  it("decodes the charset of the header, else of a <meta>, else a BOM's, else UTF-8", () => {
    const latin1 = Buffer.from([0x3c, 0x74, 0x3e, 0x43, 0x61, 0x66, 0xe9]); // "<t>Café" in windows-1252
    expect(decodeHtml(latin1, "text/html; charset=ISO-8859-1")).toBe("<t>Café");
    expect(decodeHtml(Buffer.concat([Buffer.from('<meta charset="windows-1252">'), latin1]))).toContain("Café");
    expect(decodeHtml(Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'), Buffer.from([0x93, 0xfa, 0x96, 0x7b])]))).toContain("日本");
    expect(decodeHtml(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("Ünï")]), "text/html; charset=windows-1252")).toBe("Ünï");
    expect(decodeHtml(Buffer.from("Ünï"), "text/html; charset=no-such-charset")).toBe("Ünï");
  });
});
