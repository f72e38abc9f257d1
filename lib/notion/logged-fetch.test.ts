import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { log, withLogContext } from "@/lib/log";
import { describeEachDatabase } from "@/test/db";
import { connectSandboxWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { notionForWorkspace } from "./client";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterEach(async () => {
  await admin.clearFaults();
  vi.restoreAllMocks();
});
afterAll(() => sandbox.stop());

type Line = Record<string, unknown>;

/** The Notion call lines `work` logs, in order. */
async function notionLines(work: () => Promise<unknown>): Promise<Line[]> {
  const lines: Line[] = [];
  const record = (object: unknown, msg?: unknown) => {
    if (typeof msg === "string" && msg.startsWith("notion call")) lines.push({ ...(object as Line), msg });
  };
  vi.spyOn(log, "info").mockImplementation(record as never);
  vi.spyOn(log, "warn").mockImplementation(record as never);
  await withLogContext({ component: "test" }, work).catch(() => {});
  vi.restoreAllMocks();
  return lines;
}

describeEachDatabase("the log line of each Notion call", (handle) => {
  it("names method, path without the query, status, duration, Notion's request id and the workspace", async () => {
    const db = handle().db;
    const { workspace } = await connectSandboxWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    await admin.clearRequests();
    const lines = await notionLines(() => notionForWorkspace(db, workspace).users.list({ page_size: 1 }));
    const [request] = await admin.requests();
    expect(lines).toEqual([
      {
        msg: "notion call",
        method: "GET",
        path: "/v1/users",
        status: 200,
        durationMs: expect.any(Number),
        notionRequestId: request!.request_id,
        workspaceId: workspace.id,
        attempt: 1,
      },
    ]);
  });

  it("logs the 401, the token refresh and the retried call as three requests", async () => {
    const db = handle().db;
    const { workspace, tokens } = await connectSandboxWorkspace(db, admin, { person: "grace", workspace: "labs" });
    await admin.expireToken(tokens.access_token);
    await admin.clearRequests();
    const lines = await notionLines(() => notionForWorkspace(db, workspace).users.me({}));
    const ids = (await admin.requests()).map((r) => r.request_id);
    expect(lines.map((l) => [l.method, l.path, l.status, l.workspaceId ?? null])).toEqual([
      ["GET", "/v1/users/me", 401, workspace.id],
      ["POST", "/v1/oauth/token", 200, null],
      ["GET", "/v1/users/me", 200, workspace.id],
    ]);
    expect(lines.map((l) => l.notionRequestId)).toEqual(ids);
    expect(JSON.stringify(lines)).not.toMatch(/ntn_sbx_|nrt_sbx_/);
  });

  it("numbers the SDK's retries and logs a request that got no answer", async () => {
    const db = handle().db;
    const { workspace } = await connectSandboxWorkspace(db, admin, { person: "alan", workspace: "labs" });
    await admin.injectFaults({ fault: 429, path: "/v1/users/me", count: 1, retryAfterSeconds: 0 });
    const retried = await notionLines(() => notionForWorkspace(db, workspace).users.me({}));
    expect(retried.map((l) => [l.status, l.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);

    await admin.injectFaults({ fault: "reset", path: "/v1/users/me", count: 1 });
    const lost = await notionLines(() => notionForWorkspace(db, workspace, { retry: false }).users.me({}));
    expect(lost).toEqual([
      expect.objectContaining({ msg: "notion call failed", path: "/v1/users/me", status: null, error: expect.any(String), durationMs: expect.any(Number) }),
    ]);
  });
});
