import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { bookmarkImages, linkImages } from "@/db/schema";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startTestServer, type TestServer } from "@/test/http-servers";
import { icoOf, jpegOf, pngOf } from "@/test/images";
import { metadataWorkspace } from "@/test/page-metadata";
import { startAppSandbox } from "@/test/sandbox-workspace";
import { imageForPerson, imagesOfBookmarks } from "@/lib/link-images/queries";
import { log } from "@/lib/log";
import { refreshPageImages } from "./page-images";
import { findBookmark } from "./queries";

// Pages and images on 127.0.0.1, loopback allowed (as in page-metadata.test.ts); the SSRF case
// points an og:image at a private address, which stays refused.
let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let server: TestServer;
const files = new Map<string, { type: string; body: Buffer }>();
const pageWith = (head: string) => `<!doctype html><html><head><title>Page</title>${head}</head><body></body></html>`;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { LINK_METADATA: "on", LINK_METADATA_ALLOW_LOOPBACK: "1", LINK_METADATA_TIMEOUT_SECONDS: "2" } }));
  files.set("/icon.png", { type: "image/png", body: await pngOf(96) });
  files.set("/og.jpg", { type: "image/jpeg", body: await jpegOf(1200, 630) });
  files.set("/favicon.ico", { type: "image/x-icon", body: icoOf([{ width: 32, bytes: await pngOf(32) }]) });
  files.set("/huge.png", { type: "image/png", body: Buffer.concat([await pngOf(8), Buffer.alloc(70 * 1024)]) });
  files.set("/lies.png", { type: "image/png", body: Buffer.from("<html><script>alert(1)</script></html>") });
  server = await startTestServer((request, response) => {
    const path = request.url ?? "/";
    const file = files.get(path);
    if (file) {
      response.writeHead(200, { "content-type": file.type });
      return response.end(file.body);
    }
    const pages: Record<string, string> = {
      "/rich": pageWith(`<link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="icon" href="/icon.png" sizes="96x96"><meta property="og:image" content="/og.jpg">`),
      "/plain": pageWith(""),
      "/bad": pageWith(`<link rel="icon" href="/huge.png"><meta property="og:image" content="/lies.png">`),
      "/ssrf": pageWith(`<meta property="og:image" content="http://169.254.169.254/latest/meta-data/">`),
    };
    const html = pages[path.split("?")[0]!];
    response.writeHead(html ? 200 : 404, { "content-type": "text/html" });
    response.end(html ?? "");
  });
});

afterAll(async () => {
  await server?.close();
  await sandbox?.stop();
});

describeEachDatabase("site icons and previews", (handle) => {
  const shelf = metadataWorkspace(handle, () => admin);

  async function notionPage(bookmarkId: string) {
    const { workspace } = shelf.ctx();
    const row = await findBookmark(handle().db, workspace.id, bookmarkId);
    const { pages } = await admin.visibleTo(workspace.botId, workspace.dataSourceId!);
    return pages.find((p) => p.id === row!.notionPageId)!;
  }

  it("stores the page's icon and og:image re-encoded, serves them to their owner only, and sets Notion's icon and cover", async () => {
    const saved = await shelf.save({ url: `${server.url}/rich`, title: "Typed title" });
    await shelf.settled(saved);
    const sources = await imagesOfBookmarks(handle().db, shelf.ctx().workspace.id, [saved.id]);
    expect(sources[saved.id]).toEqual({ icon: expect.stringMatching(/^\/img\/\d+\/[0-9a-f]{12}$/), preview: expect.stringMatching(/^\/img\/\d+\/[0-9a-f]{12}$/) });

    const [, , id, digest] = sources[saved.id]!.icon!.split("/");
    const served = await imageForPerson(handle().db, shelf.ctx().workspace.userId, Number(id), digest!);
    expect(served?.contentType).toBe("image/webp");
    expect(served?.bytes.subarray(8, 12).toString("latin1")).toBe("WEBP");
    // Someone else, or a stale digest, finds nothing.
    expect(await imageForPerson(handle().db, "someone-else", Number(id), digest!)).toBeNull();
    expect(await imageForPerson(handle().db, shelf.ctx().workspace.userId, Number(id), "000000000000")).toBeNull();

    // Notion gets the images' own addresses (never Shelf's), in one outbox write.
    const page = await notionPage(saved.id);
    expect(page.icon).toEqual({ type: "external", external: { url: `${server.url}/icon.png` } });
    expect(page.cover).toEqual({ type: "external", external: { url: `${server.url}/og.jpg` } });
    // The SVG icon was never asked for.
    expect(server.requests.some((r) => r.url === "/icon.svg")).toBe(false);
  });

  it("reuses a host's icon for its other pages without fetching it again", async () => {
    const iconFetches = () => server.requests.filter((r) => r.url === "/icon.png" || r.url === "/favicon.ico").length;
    const before = iconFetches();
    const saved = await shelf.save({ url: `${server.url}/plain` });
    await shelf.settled(saved);
    const sources = await imagesOfBookmarks(handle().db, shelf.ctx().workspace.id, [saved.id]);
    // The host's icon was found for /rich's page; this page has no og:image.
    expect(sources[saved.id]?.icon).toMatch(/^\/img\//);
    expect(sources[saved.id]?.preview).toBeUndefined();
    expect(iconFetches()).toBe(before);
  });

  it("keeps the letter square for oversized, mislabelled and private-address images, and logs why", async () => {
    const info = vi.spyOn(log, "info");
    await handle().db.delete(linkImages);
    const bad = await shelf.save({ url: `${server.url}/bad` });
    const ssrf = await shelf.save({ url: `${server.url}/ssrf` });
    await Promise.all([shelf.settled(bad), shelf.settled(ssrf)]);
    const sources = await imagesOfBookmarks(handle().db, shelf.ctx().workspace.id, [bad.id, ssrf.id]);
    // /favicon.ico (tried after the oversized icon) is the host's icon; neither preview is kept.
    expect(sources[bad.id]?.icon).toMatch(/^\/img\//);
    expect(sources[bad.id]?.preview).toBeUndefined();
    expect(sources[ssrf.id]?.preview).toBeUndefined();
    const reasons = info.mock.calls.filter(([, message]) => message === "link image not used").map(([fields]) => (fields as { url: string; reason: string }));
    expect(reasons).toEqual(
      expect.arrayContaining([
        { kind: "icon", url: `${server.url}/huge.png`, reason: expect.stringMatching(/^too-large/) },
        { kind: "preview", url: `${server.url}/lies.png`, reason: "wrong-type" },
        { kind: "preview", url: "http://169.254.169.254/latest/meta-data/", reason: expect.stringMatching(/^blocked-address/) },
      ]),
    );
    const stored = await handle().db.select({ key: linkImages.key, failure: linkImages.failure, bytes: linkImages.bytes }).from(linkImages);
    expect(stored.filter((row) => row.failure !== null).every((row) => row.bytes === null)).toBe(true);
    expect((await handle().db.select().from(bookmarkImages)).length).toBeGreaterThan(0);
    info.mockRestore();
  });

  it("Refresh preview reads the page and its pictures again now; another workspace's bookmark is not found", async () => {
    const saved = await shelf.save({ url: `${server.url}/rich?again` });
    await shelf.settled(saved);
    const before = server.requests.filter((r) => r.url === "/og.jpg").length;
    await refreshPageImages(shelf.ctx(), saved.id);
    expect(server.requests.filter((r) => r.url === "/og.jpg").length).toBe(before + 1);
    expect((await imagesOfBookmarks(handle().db, shelf.ctx().workspace.id, [saved.id]))[saved.id]?.preview).toMatch(/^\/img\//);
    const elsewhere = { ...shelf.ctx(), workspace: { ...shelf.ctx().workspace, id: "00000000-0000-4000-8000-000000000000" } };
    await expect(refreshPageImages(elsewhere, saved.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
