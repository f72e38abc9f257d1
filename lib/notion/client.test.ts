import { afterAll, beforeAll, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/queries";
import { createNotionClient } from "@/lib/notion/config";
import { disconnect } from "@/lib/workspaces/disconnect";
import { findWorkspace } from "@/lib/workspaces/queries";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { connectSandboxWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { notionForWorkspace, ReconnectRequiredError } from "./client";
import { refreshTokens } from "./oauth";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(() => sandbox.stop());

const isActive = async (token: string) =>
  (
    await createNotionClient().oauth.introspect({
      client_id: process.env.NOTION_CLIENT_ID!,
      client_secret: process.env.NOTION_CLIENT_SECRET!,
      token,
    })
  ).active;

describeEachDatabase("the Notion client of a workspace", (handle) => {
  it("refreshes an expired access token transparently and stores the rotated pair", async () => {
    const db = handle().db;
    const { workspace, tokens } = await connectSandboxWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    await admin.expireToken(tokens.access_token);

    const me = await notionForWorkspace(db, workspace).users.me({});
    expect(me.type).toBe("bot");

    const stored = (await findWorkspace(db, workspace.id))!;
    expect(stored.tokenVersion).toBe(workspace.tokenVersion + 1);
    expect(stored.accessToken).not.toBe(workspace.accessToken);
    // The old refresh token was spent by the rotation.
    await expect(refreshTokens(tokens.refresh_token!)).rejects.toMatchObject({ failure: "invalid_grant" });
    // A client built from the stored row works without another refresh.
    await notionForWorkspace(db, stored).users.me({});
    expect((await findWorkspace(db, workspace.id))!.tokenVersion).toBe(stored.tokenVersion);
  });

  it("two instances hitting 401 together refresh once and both go on working", async () => {
    const db = handle().db;
    const { workspace, tokens } = await connectSandboxWorkspace(db, admin, { person: "grace", workspace: "labs" });
    await admin.expireToken(tokens.access_token);
    // Separate clients stand for separate app instances: only the row lock keeps them in step.
    const results = await Promise.all([1, 2, 3].map(() => notionForWorkspace(db, workspace).users.me({})));
    expect(results.every((r) => r.type === "bot")).toBe(true);
    const stored = (await findWorkspace(db, workspace.id))!;
    expect(stored.tokenVersion).toBe(workspace.tokenVersion + 1);
    expect(stored.status).not.toBe("reconnect_required");
    await notionForWorkspace(db, stored).users.me({});
  });

  it("a revoked authorization marks the workspace reconnect_required; reconnecting restores it", async () => {
    const db = handle().db;
    const { workspace, tokens } = await connectSandboxWorkspace(db, admin, { person: "alan", workspace: "labs" });
    await admin.revokeToken(tokens.access_token);
    await expect(notionForWorkspace(db, workspace).users.me({})).rejects.toBeInstanceOf(ReconnectRequiredError);
    await expect(notionForWorkspace(db, workspace).users.me({})).rejects.toBeInstanceOf(ReconnectRequiredError);
    expect((await findWorkspace(db, workspace.id))!.status).toBe("reconnect_required");
    // Told once, though two requests found it; no person made the request, so no client.
    const { events } = await listAuditEvents(db, workspace.userId, { limit: 10 });
    expect(events.filter((e) => e.kind === "token_refresh_failed")).toMatchObject([{ workspaceId: workspace.id, client: null, ipPrefix: null }]);

    const again = await connectSandboxWorkspace(db, admin, { person: "alan", workspace: "labs" });
    expect(again.workspace.id).toBe(workspace.id);
    expect(again.workspace.status).not.toBe("reconnect_required");
    await notionForWorkspace(db, again.workspace).users.me({});
  });

  it("disconnect revokes the token at Notion and keeps no token", async () => {
    const db = handle().db;
    const { workspace, tokens } = await connectSandboxWorkspace(db, admin, { person: "ada", workspace: "engines" });
    expect(await isActive(tokens.access_token)).toBe(true);
    expect(await disconnect(db, workspace, null)).toEqual({ revoked: true });
    expect(await isActive(tokens.access_token)).toBe(false);
    const rows = await handle().query<{ access_token: string | null; refresh_token: string | null; status: string }>(
      `select access_token, refresh_token, status from workspaces where id = '${workspace.id}'`,
    );
    expect(rows).toEqual([{ access_token: null, refresh_token: null, status: "disconnected" }]);
    expect(() => notionForWorkspace(db, { ...workspace, accessToken: null })).toThrow(ReconnectRequiredError);
  });

  it("keeps no plaintext token in any stored row", async () => {
    const db = handle().db;
    const { tokens } = await connectSandboxWorkspace(db, admin, { person: "grace", workspace: "engines" });
    const dump = JSON.stringify(
      await Promise.all(
        ["users", "accounts", "sessions", "workspaces", "verification_tokens"].map((table) => handle().query(`select * from ${table}`)),
      ),
    );
    expect(dump).toContain(tokens.bot_id);
    expect(dump).not.toContain(tokens.access_token);
    expect(dump).not.toContain(tokens.refresh_token!);
    expect(dump).not.toMatch(/(ntn|nrt)_sbx_/);
  });
});
