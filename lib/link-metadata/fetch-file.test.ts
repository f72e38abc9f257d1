import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, streamBody, type TestServer } from "@/test/http-servers";
import { fetchFile, LinkFetchError } from "./fetch";

let server: TestServer;
const reason = (promise: Promise<unknown>) => promise.then(() => "fetched", (error: unknown) => (error instanceof LinkFetchError ? error.reason : String(error)));

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.url === "/small") {
      response.writeHead(200, { "content-type": "image/png" });
      return response.end(Buffer.alloc(1000, 1));
    }
    if (request.url === "/declared") {
      response.writeHead(200, { "content-type": "image/png", "content-length": String(10 * 1024 * 1024) });
      return streamBody(response, Buffer.alloc(64 * 1024), 10 * 1024 * 1024);
    }
    if (request.url === "/endless") {
      // No length stated: the cap must stop the reading itself.
      response.writeHead(200, { "content-type": "image/png" });
      return streamBody(response, Buffer.alloc(64 * 1024), 50 * 1024 * 1024);
    }
    if (request.url === "/to-metadata") {
      response.writeHead(302, { location: "http://169.254.169.254/icon.png" });
      return response.end();
    }
    response.writeHead(404);
    response.end();
  });
});

afterAll(() => server?.close());

describe("fetchFile", () => {
  it("reads a file whole when it fits the cap", async () => {
    const file = await fetchFile(`${server.url}/small`, { allowLoopback: true, maxBytes: 1000 });
    expect(file.bytes.length).toBe(1000);
    expect(await reason(fetchFile(`${server.url}/small`, { allowLoopback: true, maxBytes: 999 }))).toBe("too-large");
  });

  it("refuses a file over the cap, by its Content-Length or by counting, without downloading it", async () => {
    expect(await reason(fetchFile(`${server.url}/declared`, { allowLoopback: true, maxBytes: 64 * 1024 }))).toBe("too-large");
    expect(await reason(fetchFile(`${server.url}/endless`, { allowLoopback: true, maxBytes: 64 * 1024 }))).toBe("too-large");
    expect(server.bytesSent()).toBeLessThan(20 * 1024 * 1024);
  });

  it("keeps the SSRF rules: private addresses and redirects to them are refused", async () => {
    expect(await reason(fetchFile(`${server.url}/small`, { maxBytes: 1000 }))).toBe("blocked-address");
    expect(await reason(fetchFile(`${server.url}/to-metadata`, { allowLoopback: true, maxBytes: 1000 }))).toBe("blocked-address");
    expect(await reason(fetchFile("file:///etc/passwd", { maxBytes: 1000 }))).toBe("unsupported-url");
  });
});
