import dns from "node:dns";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { page, startTestServer, streamBody, type TestServer } from "@/test/http-servers";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startAppSandbox } from "@/test/sandbox-workspace";
import { emptyFields } from "./page-metadata";
import { metadataWorkspace } from "@/test/page-metadata";
import { bookmarkInputSchema, listQuerySchema } from "./schema";
import { listBookmarks, updateBookmark } from "./service";

// Pages are served on 127.0.0.1, so this file allows loopback (and nothing else);
// page-metadata.refused.test.ts runs with the production settings.
let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let server: TestServer;
const MB = 1024 * 1024;
const hung: Array<() => void> = [];
// The /held page answers only once the test lets it, so an edit can land while it is being fetched.
let release = () => {};
let held = Promise.resolve();

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { LINK_METADATA: "on", LINK_METADATA_ALLOW_LOOPBACK: "1", LINK_METADATA_TIMEOUT_SECONDS: "2" } }));
  server = await startTestServer((request, response) => {
    const path = request.url ?? "/";
    if (path.startsWith("/article")) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return response.end(page("Notes on the Analytical Engine", "Ada&#39;s translation, with notes"));
    }
    if (path.startsWith("/held")) {
      return void held.then(() => {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(page("Held page title", "Held page description"));
      });
    }
    if (path.startsWith("/to-private")) {
      response.writeHead(302, { location: "http://10.0.0.1/" });
      return response.end();
    }
    if (path.startsWith("/to-intranet")) {
      response.writeHead(302, { location: "http://intranet.shelf.test/" });
      return response.end();
    }
    if (path.startsWith("/huge")) {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html><head>");
      return streamBody(response, Buffer.alloc(64 * 1024, " "), 50 * MB);
    }
    if (path.startsWith("/never")) return void hung.push(() => response.destroy());
    response.writeHead(404);
    response.end();
  });
});

afterAll(async () => {
  for (const release of hung) release();
  await server?.close();
  await sandbox?.stop();
});

describe("emptyFields", () => {
  it("counts the fallback title and an empty description as left empty", () => {
    expect(emptyFields(bookmarkInputSchema.parse({ url: "https://example.com/a" }))).toEqual({ title: true, description: true });
    expect(emptyFields(bookmarkInputSchema.parse({ url: "https://example.com/a", title: "Mine", description: "Also mine" }))).toEqual({ title: false, description: false });
  });
});

describeEachDatabase("link metadata on save", (handle) => {
  const shelf = metadataWorkspace(handle, () => admin);
  let saves = 0;

  it("fills an empty title and description from the page, in the mirror and in Notion", async () => {
    const url = `${server.url}/article/1`;
    const saved = await shelf.save({ url });
    // The save answers with the fallback title; the page is read afterwards.
    expect(saved.title).toBe(`127.0.0.1:${server.port}/article/1`);
    const { mirror, notion } = await shelf.settled(saved);
    const found = { title: "Notes on the Analytical Engine", description: "Ada's translation, with notes" };
    expect(mirror).toMatchObject(found);
    expect(notion).toMatchObject({ ...found, url });
  });

  it("never overwrites what the person typed", async () => {
    const saved = await shelf.save({ url: `${server.url}/article/2`, title: "My own title" });
    const { mirror, notion } = await shelf.settled(saved);
    expect(mirror).toMatchObject({ title: "My own title", description: "Ada's translation, with notes" });
    expect(notion).toMatchObject({ title: "My own title", description: "Ada's translation, with notes" });

    const typedBoth = await shelf.save({ url: `${server.url}/article/3`, title: "Typed", description: "Typed too" });
    expect((await shelf.settled(typedBoth)).notion).toMatchObject({ title: "Typed", description: "Typed too" });
  });

  it("keeps an edit made while the page was being fetched", async () => {
    held = new Promise((resolve) => (release = resolve));
    const url = `${server.url}/held/${++saves}`;
    const saved = await shelf.save({ url });
    await updateBookmark(shelf.ctx(), saved.id, bookmarkInputSchema.parse({ url, title: "Renamed meanwhile" }));
    // Meanwhile the list says a page is being read, so the screen keeps refreshing until it is.
    expect((await listBookmarks(shelf.ctx(), listQuerySchema.parse({}))).sync.readingPages).toBe(1);
    release();
    const { mirror, notion } = await shelf.settled(saved);
    expect((await listBookmarks(shelf.ctx(), listQuerySchema.parse({}))).sync.readingPages).toBe(0);
    // The title was edited, so it stays; the description is still empty, so it is filled.
    expect(mirror).toMatchObject({ title: "Renamed meanwhile", description: "Held page description" });
    expect(notion).toMatchObject({ title: "Renamed meanwhile", description: "Held page description" });
  });

  it.each([
    ["a redirect to a private address", "/to-private"],
    ["a redirect to a name resolving to a private address", "/to-intranet"],
    ["a 50 MB body", "/huge"],
    ["a server that never answers", "/never"],
  ])("saves with the fallback title after %s", async (_, path) => {
    const lookup = vi.spyOn(dns.promises, "lookup").mockImplementation((async (hostname: string) =>
      hostname === "intranet.shelf.test" ? [{ address: "10.20.30.40", family: 4 }] : []) as unknown as typeof dns.promises.lookup);
    try {
      const url = `${server.url}${path}/${++saves}`;
      const before = server.bytesSent();
      const started = Date.now();
      const saved = await shelf.save({ url });
      expect(Date.now() - started, "the save does not wait for the page").toBeLessThan(500);
      const fallback = `127.0.0.1:${server.port}${new URL(url).pathname}`;
      const { mirror, notion } = await shelf.settled(saved);
      expect(mirror).toMatchObject({ title: fallback, description: "" });
      expect(notion).toMatchObject({ title: fallback, description: "", url });
      expect(server.bytesSent() - before, "the body was cut off").toBeLessThan(8 * MB);
    } finally {
      lookup.mockRestore();
    }
  });
});
