// What Shelf shows of a saved article: the reader view's data and the state in words, to its owner
// only; and the kept block tree's bound. Against the sandbox and a local page server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Workspace } from "@/db/schema";
import { contentWords } from "@/components/bookmarks/content-words";
import { findBookmark } from "@/lib/bookmarks/queries";
import { createBookmark } from "@/lib/bookmarks/service";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import { UserFacingError } from "@/lib/errors";
import { extractArticle } from "@/lib/reader/extract";
import { plainTextOf } from "@/lib/reader/walk";
import { findWorkspace } from "@/lib/workspaces/queries";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startTestServer, type TestServer } from "@/test/http-servers";
import { longArticle, readerFixture } from "@/test/reader-pages";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { contentBacklog } from "./queries";
import { chooseContentMode, contentState, readerPage, searchSnippets, writeContentNow } from "./service";
import { cutBlocks, MAX_TEXT_BYTES, stepContent } from "./writer";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let pages: TestServer;
let worker: Worker | undefined;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
  pages = await startTestServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(readerFixture("article.html"));
  });
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all([sandbox?.stop(), pages?.close()]);
});

async function writeAll(db: Database) {
  while ((await contentBacklog(db)) > 0) await stepContent(db, { allowLoopback: true });
}

describeEachDatabase("the reader view's data", (handle) => {
  let ada: Workspace;
  let grace: Workspace;
  let saved = "";
  beforeAll(async () => {
    const db = handle().db;
    ({ workspace: ada } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" }));
    ({ workspace: grace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" }));
    await chooseContentMode({ db, workspace: ada }, "off");
  }, 120_000);

  it("says where the content stands, shows the saved article as its blocks, and finds its words with a passage", async () => {
    const db = handle().db;
    const ctx = { db, workspace: (await findWorkspace(db, ada.id))! };
    const { id } = await createBookmark(ctx, { url: `${pages.url}/wal`, title: "WAL", description: "", tags: [] });
    saved = id;
    worker = startWorker(db, { pollMs: 10, syncEveryMs: 0 });
    await drainOutbox(db);
    expect(await contentState(ctx, id)).toEqual({ status: "none" });
    expect((await readerPage(ctx, id))?.article).toBeNull();

    await writeContentNow(ctx, id);
    expect(await contentState(ctx, id)).toEqual({ status: "queued", reason: null });
    await writeAll(db);
    const state = await contentState(ctx, id);
    expect(state).toMatchObject({ status: "done" });
    expect(contentWords(state)).toMatch(/^Readable content saved .* UTC\.$/);

    const page = (await readerPage(ctx, id))!;
    expect(page.article).toMatchObject({ title: "Understanding Write-Ahead Logs", siteName: "The Storage Blog" });
    const types = page.article!.blocks.map((b) => b.type);
    expect(types).toEqual(expect.arrayContaining(["heading", "paragraph", "list_item", "code", "quote"]));
    expect(plainTextOf(page.article!.blocks)).toContain("zymurgical");
    const snippets = await searchSnippets(ctx, [id], "zymurgical");
    expect(snippets[id]).toContain("\u0001zymurgical\u0002");
    expect(await searchSnippets(ctx, [id], "")).toEqual({});
  });

  it("treats another person's bookmark as not found", async () => {
    const db = handle().db;
    const row = (await findBookmark(db, ada.id, saved))!;
    const stranger = { db, workspace: grace };
    expect(await readerPage(stranger, row.id)).toBeNull();
    await expect(contentState(stranger, row.id)).rejects.toMatchObject({ code: "not_found" } satisfies Partial<UserFacingError>);
    await expect(writeContentNow(stranger, row.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await searchSnippets(stranger, [row.id], "zymurgical")).toEqual({});
  });
});

describe("the kept block tree", () => {
  it("is cut where the text is cut: whole blocks from the start, their text within the bound", () => {
    const outcome = extractArticle(longArticle(300 * 1024), "https://example.com/long");
    if (!outcome.ok) throw new Error(outcome.message);
    const kept = cutBlocks(outcome.article.blocks);
    expect(kept.length).toBeLessThan(outcome.article.blocks.length);
    expect(kept).toEqual(outcome.article.blocks.slice(0, kept.length));
    expect(Buffer.byteLength(plainTextOf(kept))).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(Buffer.byteLength(plainTextOf(outcome.article.blocks.slice(0, kept.length + 1)))).toBeGreaterThan(MAX_TEXT_BYTES - 2000);
  });
});
