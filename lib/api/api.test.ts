import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens, auditEvents, bookmarks, type Workspace } from "@/db/schema";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/service";
import { hashToken, looksLikeToken } from "@/lib/api-tokens/secret";
import { createTokenSchema } from "@/lib/api-tokens/schema";
import { startWorker, type Worker } from "@/lib/bookmarks/worker";
import { pageToBookmark } from "@/lib/notion/mapping";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { scrubText } from "@/lib/log";
import { describeEachDatabase } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { operations } from "./endpoints";
import { handleApi } from "./handler";
import { openApiDocument } from "./openapi";
import type { Operation } from "./operation";
import { bookmarkPageSchema, bookmarkSchema, errorSchema, lookupSchema, tagListSchema, workspaceListSchema } from "./schemas";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

const EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { RATE_LIMIT_API: "1000", API_CORS_ORIGINS: EXTENSION } }));
});
afterAll(() => sandbox.stop());

const op = (id: string): Operation => operations.find((o) => o.operationId === id)!;

describeEachDatabase("the REST API", (handle) => {
  let db: Database;
  let alan: Workspace;
  let grace: Workspace;
  let worker: Worker;
  let writeToken = "";
  let readToken = "";
  let graceToken = "";

  /** One request through the wrapper, as a route file makes it. */
  async function call(
    operationId: string,
    options: { token?: string | null; params?: Record<string, string>; query?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const o = op(operationId);
    const path = o.path.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? "");
    const headers: Record<string, string> = { "user-agent": "curl/8.5.0", ...options.headers };
    const token = options.token === undefined ? writeToken : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const request = new Request(`http://shelf.test/api/v1${path}${options.query ? `?${options.query}` : ""}`, {
      method: o.method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const response = await handleApi(o, request, options.params ?? {}, db);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fieldErrors?: Record<string, string> } } };
  }

  const token = async (userId: string, fields: Partial<{ name: string; scope: string; permission: string; expiresInDays: string }> = {}) =>
    (await createApiToken(db, userId, createTokenSchema.parse({ name: "Test", scope: "all", permission: "write", expiresInDays: "never", ...fields }), null)).token;

  beforeAll(async () => {
    db = handle().db;
    ({ workspace: alan } = await readyWorkspace(db, admin, { person: "alan", workspace: "labs" }));
    ({ workspace: grace } = await readyWorkspace(db, admin, { person: "grace", workspace: "engines" }));
    writeToken = await token(alan.userId, { name: "Script" });
    readToken = await token(alan.userId, { name: "Reader", permission: "read" });
    graceToken = await token(grace.userId, { name: "Grace" });
    worker = startWorker(db, { pollMs: 20, leaseMs: 4000, syncEveryMs: 0 });
  });
  afterAll(() => worker.stop());

  describe("tokens", () => {
    it("keeps only a SHA-256 hash at rest, shows the token once, and records creating it", async () => {
      const { token: shown, summary } = await createApiToken(
        db,
        alan.userId,
        createTokenSchema.parse({ name: "Raycast", scope: alan.id, permission: "read", expiresInDays: "30" }),
        { ipPrefix: "203.0.113.x", client: "Chrome on macOS" },
      );
      expect(looksLikeToken(shown)).toBe(true);
      expect(shown).toMatch(/^shelf_[A-Za-z0-9_-]{43}$/);
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, summary.id));
      expect(row!.secretHash).toBe(hashToken(shown));
      expect(JSON.stringify(row)).not.toContain(shown.slice(6));
      // The list has a prefix to tell tokens apart, never the token or its hash.
      const listed = (await listApiTokens(db, alan.userId)).find((t) => t.id === summary.id)!;
      expect(listed).toMatchObject({ name: "Raycast", prefix: shown.slice(0, 10), workspaceId: alan.id, permission: "read", revokedAt: null });
      expect(JSON.stringify(await listApiTokens(db, alan.userId))).not.toContain(row!.secretHash);
      expect(Date.parse(listed.expiresAt!) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
      const events = await db.select().from(auditEvents).where(eq(auditEvents.userId, alan.userId));
      expect(events.find((e) => e.kind === "api_token_created" && e.detail?.token === "Raycast")).toMatchObject({ client: "Chrome on macOS" });
      expect(scrubText(`sent ${shown}`)).toBe("sent [redacted]");
    });

    it("notes the last use and client, and records a new client once", async () => {
      const fresh = await token(alan.userId, { name: "Shortcut" });
      expect((await call("listWorkspaces", { token: fresh, headers: { "user-agent": "Shortcuts/1.0" } })).status).toBe(200);
      expect((await call("listWorkspaces", { token: fresh, headers: { "user-agent": "Shortcuts/1.0" } })).status).toBe(200);
      const listed = (await listApiTokens(db, alan.userId)).find((t) => t.name === "Shortcut")!;
      expect(listed.lastUsedClient).toBe("Shortcuts");
      expect(Date.now() - Date.parse(listed.lastUsedAt!)).toBeLessThan(60_000);
      const events = await db.select().from(auditEvents).where(eq(auditEvents.userId, alan.userId));
      expect(events.filter((e) => e.kind === "api_token_new_client" && e.detail?.token === "Shortcut").map((e) => e.client)).toEqual(["Shortcuts"]);
    });

    it("stops working the moment it is revoked, and someone else can't revoke it", async () => {
      const doomed = await token(alan.userId, { name: "Doomed" });
      expect((await call("listWorkspaces", { token: doomed })).status).toBe(200);
      const id = (await listApiTokens(db, alan.userId)).find((t) => t.name === "Doomed")!.id;
      await expect(revokeApiToken(db, grace.userId, id, null)).rejects.toMatchObject({ code: "not_found" });
      await revokeApiToken(db, alan.userId, id, null);
      expect((await call("listWorkspaces", { token: doomed })).status).toBe(401);
      const events = await db.select().from(auditEvents).where(eq(auditEvents.userId, alan.userId));
      expect(events.some((e) => e.kind === "api_token_revoked" && e.detail?.token === "Doomed")).toBe(true);
    });

    it("stops working once expired", async () => {
      const expiring = await token(alan.userId, { name: "Expiring", expiresInDays: "7" });
      expect((await call("listWorkspaces", { token: expiring })).status).toBe(200);
      await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.secretHash, hashToken(expiring)));
      expect((await call("listWorkspaces", { token: expiring })).status).toBe(401);
    });

    it("refuses a scope outside the person's workspaces", async () => {
      await expect(token(alan.userId, { scope: grace.id })).rejects.toMatchObject({ code: "invalid", fieldErrors: { scope: expect.any(String) } });
    });

    it("answers an unknown, a revoked and a missing token alike, with no cookie ever looked at", async () => {
      const revoked = await token(alan.userId, { name: "Revoked" });
      await revokeApiToken(db, alan.userId, (await listApiTokens(db, alan.userId)).find((t) => t.name === "Revoked")!.id, null);
      const unknown = `shelf_${"A".repeat(43)}`;
      const [a, b] = [await call("listWorkspaces", { token: unknown }), await call("listWorkspaces", { token: revoked })];
      expect(a.status).toBe(401);
      expect(b).toEqual(a);
      expect(a.headers.get("www-authenticate")).toContain('error="invalid_token"');
      // Both take the same path: one lookup by hash, then the same answer (no per-state work to time).
      const cookieOnly = await call("listWorkspaces", { token: null, headers: { cookie: "next-auth.session-token=whatever" } });
      expect(cookieOnly.status).toBe(401);
      expect(errorSchema.parse(cookieOnly.body).error.code).toBe("unauthenticated");
    });
  });

  describe("scope and permission", () => {
    it("limits a one-workspace token to that workspace", async () => {
      const scoped = await token(grace.userId, { scope: grace.id });
      const list = workspaceListSchema.parse((await call("listWorkspaces", { token: scoped })).body);
      expect(list.items.map((w) => w.id)).toEqual([grace.id]);
      expect((await call("listTags", { token: scoped, params: { workspaceId: grace.id } })).status).toBe(200);
      // Grace has only one workspace; a token scoped to it must not reach any other id either.
      expect((await call("listTags", { token: scoped, params: { workspaceId: alan.id } })).status).toBe(404);
    });

    it("lets a read token read and not write", async () => {
      expect((await call("listBookmarks", { token: readToken, params: { workspaceId: alan.id } })).status).toBe(200);
      const refused = await call("createBookmark", { token: readToken, params: { workspaceId: alan.id }, body: { url: "https://read.example/" } });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe("forbidden");
      expect(await db.select().from(bookmarks).where(eq(bookmarks.url, "https://read.example/"))).toEqual([]);
    });
  });

  describe("bookmarks", () => {
    let saved: { id: string };

    it("creates through the dashboard's service and outbox, and the page reaches Notion", async () => {
      const created = await call("createBookmark", {
        params: { workspaceId: alan.id },
        body: { url: "https://api.example.com/first", title: "From the API", tags: ["api", "Script"] },
      });
      expect(created.status).toBe(201);
      saved = bookmarkSchema.parse(created.body);
      expect(created.body).toMatchObject({ title: "From the API", tags: ["api", "Script"], syncState: "pending" });
      await drainOutbox(db);
      const { pages } = await admin.visibleTo(alan.botId, alan.dataSourceId!);
      const rows = pages.map((p) => pageToBookmark(p, alan.propertyMap!));
      expect(rows.find((r) => r.title === "From the API")).toMatchObject({ url: "https://api.example.com/first", tags: ["api", "Script"] });
    });

    it("answers an address saved before with 409 and the bookmark, unless saveAnyway", async () => {
      const again = await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: "https://API.example.com/first?utm_source=x" } });
      expect(again.status).toBe(409);
      expect(again.body.error?.code).toBe("duplicate");
      expect(bookmarkSchema.parse(again.body.bookmark).id).toBe(saved.id);
      const anyway = await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: "https://api.example.com/first#x", saveAnyway: true } });
      expect(anyway.status).toBe(201);
    });

    it("answers bad input with 400 and the field's problem, saving nothing", async () => {
      const bad = await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: "javascript:alert(1)", tags: ["a,b"] } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: "invalid", fieldErrors: { url: expect.stringContaining("http"), tags: expect.stringContaining("commas") } });
      const notJson = await handleApi(op("createBookmark"), new Request("http://shelf.test/x", { method: "POST", headers: { authorization: `Bearer ${writeToken}` }, body: "{" }), { workspaceId: alan.id }, db);
      expect(notJson.status).toBe(400);
      const badSort = await call("listBookmarks", { params: { workspaceId: alan.id }, query: "sort=sideways" });
      expect(badSort.status).toBe(400);
      expect(badSort.body.error?.fieldErrors?.sort).toBeDefined();
    });

    it("gets, searches with filters and cursors, updates, trashes and restores", async () => {
      for (let i = 0; i < 55; i++) {
        await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: `https://pages.example/${i}`, title: `Paged ${i}`, tags: ["paged"] } });
      }
      const first = bookmarkPageSchema.parse((await call("listBookmarks", { params: { workspaceId: alan.id }, query: "tags=paged&sort=title" })).body);
      expect(first.items).toHaveLength(50);
      const second = bookmarkPageSchema.parse((await call("listBookmarks", { params: { workspaceId: alan.id }, query: `tags=paged&sort=title&cursor=${first.nextCursor}` })).body);
      expect(second.items).toHaveLength(5);
      expect(second.nextCursor).toBeNull();
      const found = bookmarkPageSchema.parse((await call("listBookmarks", { params: { workspaceId: alan.id }, query: "q=from+the+api" })).body);
      expect(found.items.map((b) => b.id)).toEqual([saved.id]);

      const params = { workspaceId: alan.id, bookmarkId: saved.id };
      expect(bookmarkSchema.parse((await call("getBookmark", { params })).body).title).toBe("From the API");
      const updated = await call("updateBookmark", { params, body: { description: "Changed by a script", tags: ["api"] } });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ title: "From the API", url: "https://api.example.com/first", description: "Changed by a script", tags: ["api"] });
      expect((await call("updateBookmark", { params, body: { colour: "red" } })).status).toBe(400);

      expect((await call("trashBookmark", { params })).body).toMatchObject({ inTrash: true });
      expect(lookupSchema.parse((await call("lookupBookmark", { params: { workspaceId: alan.id }, query: "url=https://pages.example/3" })).body).saved).toBe(true);
      expect((await call("restoreBookmark", { params })).body).toMatchObject({ inTrash: false });
      const tags = tagListSchema.parse((await call("listTags", { params: { workspaceId: alan.id } })).body);
      expect(tags.items).toEqual(expect.arrayContaining(["api", "paged"]));
      const lookup = lookupSchema.parse((await call("lookupBookmark", { params: { workspaceId: alan.id }, query: "url=https://nowhere.example/" })).body);
      expect(lookup).toEqual({ saved: false, bookmark: null });

      await drainOutbox(db);
      const { pages } = await admin.visibleTo(alan.botId, alan.dataSourceId!);
      const row = pages.map((p) => ({ ...pageToBookmark(p, alan.propertyMap!), inTrash: p.in_trash })).find((r) => r.title === "From the API");
      expect(row).toMatchObject({ description: "Changed by a script", tags: ["api"], inTrash: false });
    });

    it("makes one bookmark of a create retried with the same Idempotency-Key", async () => {
      const body = { url: "https://retry.example/once", title: "Retried" };
      const headers = { "idempotency-key": "7f1d6f3e-retry-1" };
      const first = await call("createBookmark", { params: { workspaceId: alan.id }, body, headers });
      const second = await call("createBookmark", { params: { workspaceId: alan.id }, body, headers });
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body.id).toBe(first.body.id);
      expect(await db.select().from(bookmarks).where(eq(bookmarks.url, "https://retry.example/once"))).toHaveLength(1);
      const other = await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: "https://retry.example/other" }, headers });
      expect(other.status).toBe(422);
    });

    it("answers 404 for someone else's workspace or bookmark on every endpoint", async () => {
      const theirs = (await call("createBookmark", { token: graceToken, params: { workspaceId: grace.id }, body: { url: "https://grace.example/" } })).body.id as string;
      const body: Record<string, unknown> = { createBookmark: { url: "https://x.example/" }, updateBookmark: { title: "Mine now" } };
      const query: Record<string, string> = { lookupBookmark: "url=https://grace.example/" };
      for (const o of operations.filter((o) => o.path.includes("{workspaceId}"))) {
        // Alan's token on Grace's workspace, and on Grace's bookmark inside Alan's own workspace.
        const attempts = [{ workspaceId: grace.id, bookmarkId: theirs }, ...(o.path.includes("{bookmarkId}") ? [{ workspaceId: alan.id, bookmarkId: theirs }] : [])];
        for (const params of attempts) {
          const answer = await call(o.operationId, { params, body: body[o.operationId] ?? (o.method === "GET" ? undefined : {}), query: query[o.operationId] });
          expect(answer.status, `${o.operationId} ${JSON.stringify(params)}`).toBe(404);
          expect(answer.body.error?.code).toBe("not_found");
        }
      }
      const [row] = await db.select().from(bookmarks).where(eq(bookmarks.id, theirs));
      expect(row).toMatchObject({ title: "grace.example", inTrash: false });
    });
  });

  it("answers every documented operation with one of its documented statuses", async () => {
    const doc = openApiDocument();
    const created = await call("createBookmark", { params: { workspaceId: alan.id }, body: { url: "https://every.example/" } });
    const params = { workspaceId: alan.id, bookmarkId: created.body.id as string };
    const body: Record<string, unknown> = { createBookmark: { url: "https://every.example/two" }, updateBookmark: { title: "Every" } };
    const query: Record<string, string> = { lookupBookmark: "url=https://every.example/" };
    for (const o of operations) {
      const documented = Object.keys((doc.paths[o.path]![o.method.toLowerCase()] as { responses: object }).responses);
      const answer = await call(o.operationId, { params, body: body[o.operationId] ?? (o.method === "GET" ? undefined : {}), query: query[o.operationId] });
      expect(documented, o.operationId).toContain(String(answer.status));
      expect(answer.status, o.operationId).toBeLessThan(300);
    }
  });

  describe("CORS", () => {
    it("allows the configured extension origin only, never with credentials", async () => {
      const allowed = await call("listWorkspaces", { headers: { origin: EXTENSION } });
      expect(allowed.headers.get("access-control-allow-origin")).toBe(EXTENSION);
      expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
      const other = await call("listWorkspaces", { headers: { origin: "https://evil.example" } });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
      expect(allowed.headers.get("set-cookie")).toBeNull();
    });
  });
});
