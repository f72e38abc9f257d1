import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { describeEachDatabase } from "@/test/db";
import { disconnect } from "@/lib/workspaces/disconnect";
import { connectWorkspace, type Connection, type NotionPerson } from "@/lib/workspaces/connect";
import { disconnectWorkspace, findWorkspace, markReconnectRequired, signOutEverywhere } from "@/lib/workspaces/queries";
import type { ClientInfo } from "./client-info";
import { listAuditEvents, recordAuditEvent } from "./queries";

let n = 0;
const person = (name: string): NotionPerson => ({ id: `audit-person-${name}-${++n}`, name, email: null, avatarUrl: null });
const connection = (botId: string, name: string): Connection => ({
  botId,
  notionWorkspaceId: `ws-${botId}`,
  name,
  icon: null,
  duplicatedTemplateId: null,
  accessToken: `sealed-access-${botId}`,
  refreshToken: `sealed-refresh-${botId}`,
});
const laptop: ClientInfo = { ipPrefix: "203.0.113.x", client: "Firefox on Linux" };

describeEachDatabase("security events", (handle) => {
  /** The person's events, oldest first, as kind and workspace name. */
  const story = async (userId: string) =>
    (await listAuditEvents(handle().db, userId, { limit: 100 })).events.reverse().map((e) => `${e.kind} ${e.detail?.workspace ?? ""}`.trim());

  it("tells a sign-in, a new connection and a reconnection apart, with the client of the request", async () => {
    const db = handle().db;
    const dee = person("dee");
    const bots = { home: `bot-home-${++n}`, work: `bot-work-${n}` };
    const first = await connectWorkspace(db, { person: dee, connection: connection(bots.home, "Home"), signedInUserId: null, client: laptop });
    if (!first.ok) throw new Error("connect failed");
    const userId = first.userId;
    // Signed in already: connecting another workspace is no sign-in.
    await connectWorkspace(db, { person: dee, connection: connection(bots.work, "Work"), signedInUserId: userId, client: laptop });
    // Signing in again through a working workspace is only a sign-in.
    await connectWorkspace(db, { person: dee, connection: connection(bots.home, "Home"), signedInUserId: null });
    // Re-authorizing on purpose while signed in, and after the authorization ended.
    await connectWorkspace(db, { person: dee, connection: connection(bots.home, "Home"), signedInUserId: userId });
    await markReconnectRequired(db, first.workspaceId);
    await connectWorkspace(db, { person: dee, connection: connection(bots.home, "Home"), signedInUserId: userId });
    // Signing in through a disconnected workspace brings it back.
    const work = await connectWorkspace(db, { person: dee, connection: connection(bots.work, "Work"), signedInUserId: userId });
    if (!work.ok) throw new Error("connect failed");
    await disconnectWorkspace(db, work.workspaceId);
    await connectWorkspace(db, { person: dee, connection: connection(bots.work, "Work"), signedInUserId: null });

    expect(await story(userId)).toEqual([
      "sign_in Home",
      "workspace_connected Home",
      "workspace_connected Work",
      "sign_in Home",
      "workspace_reconnected Home",
      "workspace_reconnected Home",
      "workspace_reconnected Work",
      "sign_in Work",
      "workspace_reconnected Work",
    ]);
    const [newest] = (await listAuditEvents(db, userId, { limit: 1 })).events;
    expect(newest).toMatchObject({ ipPrefix: null, client: null });
    const oldest = (await listAuditEvents(db, userId, { limit: 100 })).events.at(-1);
    expect(oldest).toMatchObject({ kind: "sign_in", ipPrefix: "203.0.113.x", client: "Firefox on Linux", workspaceId: first.workspaceId });
  });

  it("records nothing for a refused connection", async () => {
    const db = handle().db;
    const eve = await connectWorkspace(db, { person: person("eve"), connection: connection(`bot-${++n}`, "Eve"), signedInUserId: null });
    const fay = person("fay");
    const faysOwn = await connectWorkspace(db, { person: fay, connection: connection(`bot-${++n}`, "Fay"), signedInUserId: null });
    if (!eve.ok || !faysOwn.ok) throw new Error("connect failed");
    const clash = await connectWorkspace(db, { person: fay, connection: connection(`bot-${++n}`, "Fay 2"), signedInUserId: eve.userId });
    expect(clash).toEqual({ ok: false, reason: "linked_to_another_user" });
    expect(await story(eve.userId)).toEqual(["sign_in Eve", "workspace_connected Eve"]);
    expect(await story(faysOwn.userId)).toEqual(["sign_in Fay", "workspace_connected Fay"]);
  });

  it("records an ended authorization once, however many requests find it", async () => {
    const db = handle().db;
    const c = await connectWorkspace(db, { person: person("gus"), connection: connection(`bot-${++n}`, "Gus"), signedInUserId: null });
    if (!c.ok) throw new Error("connect failed");
    expect(await markReconnectRequired(db, c.workspaceId)).toEqual({ userId: c.userId, name: "Gus" });
    expect(await markReconnectRequired(db, c.workspaceId)).toBeNull();
    await disconnectWorkspace(db, c.workspaceId);
    expect(await markReconnectRequired(db, c.workspaceId)).toBeNull();
  });

  it("records a disconnect and signing out everywhere, which ends every session", async () => {
    const db = handle().db;
    const c = await connectWorkspace(db, { person: person("hal"), connection: connection(`bot-${++n}`, "Hal"), signedInUserId: null });
    if (!c.ok) throw new Error("connect failed");
    const workspace = (await findWorkspace(db, c.workspaceId))!;
    // Without a token there is nothing to revoke at Notion (client.test.ts covers the revocation).
    expect(await disconnect(db, { ...workspace, accessToken: null }, laptop)).toEqual({ revoked: true });
    const expires = new Date(Date.now() + 60_000);
    await db.insert(sessions).values([1, 2].map((i) => ({ sessionToken: `audit-${c.userId}-${i}`, userId: c.userId, expires })));
    await signOutEverywhere(db, c.userId, laptop);

    expect(await db.select().from(sessions).where(eq(sessions.userId, c.userId))).toEqual([]);
    const { events } = await listAuditEvents(db, c.userId, { limit: 2 });
    expect(events).toMatchObject([
      { kind: "signed_out_everywhere", workspaceId: null, client: "Firefox on Linux" },
      { kind: "workspace_disconnected", workspaceId: c.workspaceId, detail: { workspace: "Hal" }, workspaceName: "Hal", ipPrefix: "203.0.113.x" },
    ]);
  });

  it("pages newest first on (created_at, id), also through events of one instant, and only the person's own", async () => {
    const db = handle().db;
    const owner = await connectWorkspace(db, { person: person("ivy"), connection: connection(`bot-${++n}`, "Ivy"), signedInUserId: null });
    const other = await connectWorkspace(db, { person: person("jo"), connection: connection(`bot-${++n}`, "Jo"), signedInUserId: null });
    if (!owner.ok || !other.ok) throw new Error("connect failed");
    // One transaction: every event gets the same created_at, so only the id orders them.
    await db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await recordAuditEvent(tx, { userId: owner.userId, kind: "import_started", detail: { fileName: `file-${i}.html`, total: i } });
        await recordAuditEvent(tx, { userId: other.userId, kind: "import_started", detail: { fileName: `other-${i}.html`, total: i } });
      }
    });

    const seen: string[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = await listAuditEvents(db, owner.userId, { before, limit: 3 });
      seen.push(...page.events.map((e) => String(e.detail?.fileName ?? e.kind)));
      before = page.nextCursor;
      pages++;
    } while (before !== null);

    expect(pages).toBe(3);
    expect(seen).toEqual(["file-4.html", "file-3.html", "file-2.html", "file-1.html", "file-0.html", "workspace_connected", "sign_in"]);
    // Another person's cursor leads nowhere.
    const othersNewest = (await listAuditEvents(db, other.userId, { limit: 1 })).events[0]!;
    expect(await listAuditEvents(db, owner.userId, { before: othersNewest.id, limit: 10 })).toEqual({ events: [], nextCursor: null });
  });
});
