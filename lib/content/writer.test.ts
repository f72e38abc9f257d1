// One file (over 250 lines would be split): the content writer against the sandbox and a local
// page server — the happy path with its call count, lost answers and 429s in the middle of a
// 30-chunk append, refusals, refresh and a body edited in Notion.
import type { BlockObjectResponse, Client } from "@notionhq/client";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bookmarkContents, type Workspace } from "@/db/schema";
import type { RetryPolicy } from "@/lib/bookmarks/delivery";
import { findBookmark, listMirror } from "@/lib/bookmarks/queries";
import { createBookmark } from "@/lib/bookmarks/service";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import { articleBlocks, chunkBlocks, fingerprint } from "@/lib/notion/blocks";
import { notionForWorkspace } from "@/lib/notion/client";
import { extractArticle } from "@/lib/reader/extract";
import { findWorkspace } from "@/lib/workspaces/queries";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startTestServer, type TestServer } from "@/test/http-servers";
import { readerFixture } from "@/test/reader-pages";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { eq } from "drizzle-orm";
import { listQuerySchema } from "@/lib/bookmarks/schema";
import { claimContent, contentBacklog, contentSnippets, findContent } from "./queries";
import { snippetParts } from "./snippet";
import { chooseContentMode, writeContentNow } from "./service";
import { runContentJob } from "./writer";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let pages: TestServer;
const workers: Worker[] = [];

/** About 2,950 blocks: 30 append requests of at most 100. */
const manyBlocks = `<!doctype html><html><head><title>Thirty chunks</title></head><body><article><h1>Thirty chunks</h1>${Array.from(
  { length: 2950 },
  (_, i) => (i % 50 === 0 ? `<h2>Part ${i / 50}</h2>` : `<p>Paragraph number ${i} of the very long article, with enough words to be read.</p>`),
).join("")}</article></body></html>`;

/** 250 paragraphs: three append requests. */
const threeChunks = `<!doctype html><html><head><title>Three chunks</title></head><body><article>${Array.from({ length: 250 }, (_, i) => `<p>Paragraph ${i} of three chunks, long enough to count as an article's text.</p>`).join("")}</article></body></html>`;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
  pages = await startTestServer((request, response) => {
    response.writeHead(request.url === "/missing" ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    const body = { "/many": manyBlocks, "/three": threeChunks, "/app": readerFixture("app.html") }[request.url ?? ""];
    response.end(body ?? readerFixture("article.html"));
  });
});
afterEach(async () => {
  await admin.clearFaults();
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), pages?.close()]);
});

// Retries due at once: what is under test is how often each block lands, not the backoff.
const NOW: RetryPolicy = { maxAttempts: 1000, baseDelayMs: 1, maxDelayMs: 1 };
const LEASE_MS = 30_000;

/** Runs due content jobs one claim at a time until none is left. */
async function writeAll(db: Database): Promise<void> {
  for (let round = 0; round < 500; round++) {
    const [job] = await claimContent(db, 1, LEASE_MS, NOW.maxAttempts);
    if (job) await runContentJob(db, job, { leaseMs: LEASE_MS, retry: NOW, allowLoopback: true });
    else if ((await contentBacklog(db)) === 0) return;
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`content not written: ${await contentBacklog(db)} left`);
}

async function body(notion: Client, pageId: string): Promise<BlockObjectResponse[]> {
  const blocks: BlockObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await notion.blocks.children.list({ block_id: pageId, start_cursor: cursor });
    blocks.push(...(page.results as BlockObjectResponse[]));
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return blocks;
}

const expected = (html: string, url: string, capturedAt: Date) => {
  const outcome = extractArticle(html, url);
  if (!outcome.ok) throw new Error(outcome.message);
  return articleBlocks(outcome.article, capturedAt);
};

describeEachDatabase("content writer", (handle) => {
  let workspace: Workspace;
  let notion: Client;
  beforeAll(async () => {
    ({ workspace } = await readyWorkspace(handle().db, admin, { person: "ada", workspace: "notebook" }));
    await chooseContentMode({ db: handle().db, workspace }, "saves");
    notion = notionForWorkspace(handle().db, workspace);
  });
  const ctx = () => ({ db: handle().db, workspace });

  async function saved(path: string) {
    // As a request does: the workspace (and its content setting) read afresh.
    const current = (await findWorkspace(handle().db, workspace.id))!;
    const bookmark = await createBookmark({ db: handle().db, workspace: current }, { url: `${pages.url}${path}`, title: `Saved ${path}`, description: "", tags: [] });
    workers.push(startWorker(handle().db, { pollMs: 10, syncEveryMs: 0 }));
    await drainOutbox(handle().db);
    const row = (await findBookmark(handle().db, workspace.id, bookmark.id))!;
    return { id: bookmark.id, pageId: row.notionPageId! };
  }

  it("writes the article under a Source callout with one body check and one append per 100 blocks", async () => {
    const { id, pageId } = await saved("/article");
    const before = (await admin.requests()).length;
    await writeAll(handle().db);
    const content = (await findContent(handle().db, workspace.id, id))!;
    expect(content).toMatchObject({ status: "done", chunksDone: 1, inDoubt: false, reason: null, meta: { title: "Understanding Write-Ahead Logs", siteName: "The Storage Blog" } });
    expect(content.text).toContain("zymurgical");
    const want = expected(readerFixture("article.html"), `${pages.url}/article`, content.capturedAt!);
    const calls = (await admin.requests()).slice(before).filter((r) => r.path.startsWith("/v1/blocks"));
    expect(calls.map((r) => r.method)).toEqual(["GET", "PATCH"]);
    const got = await body(notion, pageId);
    expect(got.map(fingerprint)).toEqual(want.map((b) => fingerprint(b as never)));
    expect(content.writtenIds.flat()).toEqual(got.map((b) => b.id));
  });

  it("finds a saved bookmark by a word only its article has, with a marked snippet", async () => {
    const page = await listMirror(handle().db, workspace.id, listQuerySchema.parse({ q: "zymurgical" }));
    expect(page.items.map((b) => b.title)).toEqual(["Saved /article"]);
    expect(await listMirror(handle().db, workspace.id, listQuerySchema.parse({ q: "zymurgical nowhere" }))).toMatchObject({ items: [] });
    const snippets = await contentSnippets(handle().db, workspace.id, [page.items[0]!.id], "Zymurgical");
    const parts = snippetParts(snippets.get(page.items[0]!.id)!);
    expect(parts.filter((p) => p.match)).toEqual([{ text: "zymurgical", match: true }]);
    expect(parts.map((p) => p.text).join("")).toMatch(/The word zymurgical appears only in this body/);
  });

  it("lost answers and 429s in the middle of a 30-chunk append still leave one copy of every block, in order", { timeout: 120_000 }, async () => {
    const { id, pageId } = await saved("/many");
    const before = (await admin.requests()).length;
    const append = { path: "/v1/blocks/*/children", method: "PATCH" } as const;
    await admin.injectFaults([
      { fault: "lost_response", after: 3, count: 2, ...append },
      { fault: 429, after: 8, count: 2, retryAfterSeconds: 0, ...append },
      { fault: "lost_response", after: 14, count: 1, ...append },
      { fault: 500, after: 19, count: 1, ...append },
      { fault: 429, after: 24, count: 1, retryAfterSeconds: 0, ...append },
      { fault: "lost_response", after: 28, count: 1, ...append },
      // A read-back whose answer is lost too.
      { fault: "lost_response", after: 1, count: 1, path: "/v1/blocks/*/children", method: "GET" },
    ]);
    await writeAll(handle().db);
    const log = (await admin.requests()).slice(before);
    const content = (await findContent(handle().db, workspace.id, id))!;
    expect(content.status).toBe("done");
    const want = expected(manyBlocks, `${pages.url}/many`, content.capturedAt!);
    expect(chunkBlocks(want)).toHaveLength(30);
    const got = await body(notion, pageId);
    expect(got.map(fingerprint)).toEqual(want.map((b) => fingerprint(b as never)));
    const faults = log.filter((r) => r.fault && r.path.endsWith("/children")).map((r) => r.fault);
    expect(faults.sort()).toEqual(["429", "429", "429", "500", "lost_response", "lost_response", "lost_response", "lost_response", "lost_response"]);
  });

  it("a writer whose lease lapsed while Notion held its answer is fenced off; the next one finds the chunk and goes on", async () => {
    const { id, pageId } = await saved("/three");
    await admin.injectFaults({ fault: "held_response", after: 1, count: 1, hangMs: 20_000, path: "/v1/blocks/*/children", method: "PATCH" });
    const [stale] = await claimContent(handle().db, 1, LEASE_MS, NOW.maxAttempts);
    const staleRun = runContentJob(handle().db, stale!, { leaseMs: 300, retry: NOW, allowLoopback: true });
    // The second chunk is in the page; its answer is held and the stale writer's lease runs out.
    await expect.poll(async () => (await admin.state()).held_responses, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await findContent(handle().db, workspace.id, id))!.lockedUntil!.getTime() < Date.now(), { timeout: 5_000 }).toBe(true);
    const [next] = await claimContent(handle().db, 1, LEASE_MS, NOW.maxAttempts);
    expect(next).toMatchObject({ chunksDone: 1, inDoubt: true });
    await runContentJob(handle().db, next!, { leaseMs: LEASE_MS, retry: NOW, allowLoopback: true });
    await admin.releaseHeld();
    await staleRun;
    const content = (await findContent(handle().db, workspace.id, id))!;
    expect(content).toMatchObject({ status: "done", chunksDone: 3 });
    const got = await body(notion, pageId);
    expect(got.map(fingerprint)).toEqual(expected(threeChunks, `${pages.url}/three`, content.capturedAt!).map((b) => fingerprint(b as never)));
  });

  it("refuses a page that is not an article, with the reason, and writes nothing", async () => {
    const { id, pageId } = await saved("/app");
    await writeAll(handle().db);
    expect(await findContent(handle().db, workspace.id, id)).toMatchObject({ status: "refused", reason: "no readable article: the page is an app or a listing, not an article" });
    expect(await body(notion, pageId)).toEqual([]);
  });

  it("refreshes by replacing the body it wrote, never doubling it", async () => {
    const { id, pageId } = await saved("/article");
    await writeAll(handle().db);
    const first = await body(notion, pageId);
    await writeContentNow(ctx(), id);
    await writeAll(handle().db);
    const second = await body(notion, pageId);
    expect(second).toHaveLength(first.length);
    expect(second.map((b) => b.id).some((blockId) => first.some((old) => old.id === blockId))).toBe(false);
    expect((await findContent(handle().db, workspace.id, id))?.status).toBe("done");
  });

  it("keeps a body the person edited in Notion until they confirm replacing it", async () => {
    const { id, pageId } = await saved("/article");
    await writeAll(handle().db);
    await notion.blocks.children.append({ block_id: pageId, children: [{ type: "paragraph", paragraph: { rich_text: [{ type: "text", text: { content: "My own notes" } }] } }] });
    await writeContentNow(ctx(), id);
    await writeAll(handle().db);
    expect(await findContent(handle().db, workspace.id, id)).toMatchObject({ status: "conflict", reason: expect.stringMatching(/did not write/) });
    expect((await body(notion, pageId)).map(fingerprint)).toContain("paragraph:My own notes");

    await writeContentNow(ctx(), id, true);
    await writeAll(handle().db);
    const replaced = await body(notion, pageId);
    expect((await findContent(handle().db, workspace.id, id))?.status).toBe("done");
    expect(replaced.map(fingerprint)).not.toContain("paragraph:My own notes");
    expect(replaced[0]?.type).toBe("callout");
  });

  it("leaves bookmarks alone while the setting is off", async () => {
    await chooseContentMode(ctx(), "off");
    const { id } = await saved("/article");
    expect(await handle().db.select().from(bookmarkContents).where(eq(bookmarkContents.bookmarkId, id))).toEqual([]);
    await chooseContentMode(ctx(), "saves");
  });
});
