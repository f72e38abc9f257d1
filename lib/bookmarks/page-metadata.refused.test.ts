import dns from "node:dns";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { page, startTestServer, type TestServer } from "@/test/http-servers";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startAppSandbox } from "@/test/sandbox-workspace";
import { metadataWorkspace } from "@/test/page-metadata";

// The production settings: metadata on, no loopback. A page served on 127.0.0.1 must never be asked for.
let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let server: TestServer;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { LINK_METADATA: "on" } }));
  server = await startTestServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(page("Must never be read"));
  });
});

afterAll(async () => {
  await server?.close();
  await sandbox?.stop();
});

describeEachDatabase("link metadata refuses inside addresses", (handle) => {
  const shelf = metadataWorkspace(handle, () => admin);

  it.each([
    ["127.0.0.1", () => `${server.url}/loopback`],
    ["[::1]", () => `http://[::1]:${server.port}/ipv6-loopback`],
    ["10.0.0.1", () => "http://10.0.0.1/admin"],
    ["169.254.169.254", () => "http://169.254.169.254/latest/meta-data/"],
    ["a name resolving to a private address", () => "https://intranet.shelf.test/wiki"],
    ["a name resolving to loopback", () => `http://localhost:${server.port}/by-name`],
  ])("refuses %s and saves with the fallback title", async (_, url) => {
    const lookup = vi.spyOn(dns.promises, "lookup").mockImplementation((async (hostname: string) =>
      hostname === "intranet.shelf.test" ? [{ address: "192.168.1.20", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]) as unknown as typeof dns.promises.lookup);
    try {
      const requests = server.requests.length;
      const saved = await shelf.save({ url: url() });
      const { mirror, notion } = await shelf.settled(saved);
      expect(mirror.title).toBe(saved.title);
      expect(notion).toMatchObject({ title: saved.title, description: "", url: url() });
      expect(server.requests.length, "no request reached the server").toBe(requests);
    } finally {
      lookup.mockRestore();
    }
  });
});
