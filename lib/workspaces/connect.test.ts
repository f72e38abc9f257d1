import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/db";
import { connectWorkspace, type Connection, type NotionPerson } from "./connect";
import { disconnectWorkspace, findUserWorkspace, landingWorkspaceId, listUserWorkspaces, replaceTokens } from "./queries";

let n = 0;
const person = (name: string): NotionPerson => ({ id: `person-${name}-${++n}`, name, email: `${name}@example.org`, avatarUrl: null });
const connection = (botId: string, name: string, extra: Partial<Connection> = {}): Connection => ({
  botId,
  notionWorkspaceId: `ws-${name}`,
  name,
  icon: null,
  duplicatedTemplateId: null,
  accessToken: `sealed-access-${botId}`,
  refreshToken: `sealed-refresh-${botId}`,
  ...extra,
});

describeEachDatabase("workspaces", (handle) => {
  it("creates one user per Notion person across workspaces and sign-ins", async () => {
    const db = handle().db;
    const ada = person("ada");
    const first = await connectWorkspace(db, { person: ada, connection: connection(`bot-a-${n}`, "Home"), signedInUserId: null });
    const second = await connectWorkspace(db, { person: ada, connection: connection(`bot-b-${n}`, "Work"), signedInUserId: null });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.userId).toBe(first.userId);
    expect((await listUserWorkspaces(db, first.userId)).map((w) => w.name)).toEqual(["Home", "Work"]);
    expect(await landingWorkspaceId(db, first.userId)).toBe(second.workspaceId);
  });

  it("upserts by bot id: a re-authorization replaces the token pair and keeps the template", async () => {
    const db = handle().db;
    const bob = person("bob");
    const bot = `bot-${n}`;
    const a = await connectWorkspace(db, {
      person: bob,
      connection: connection(bot, "Bob's", { duplicatedTemplateId: "tpl-1" }),
      signedInUserId: null,
    });
    const b = await connectWorkspace(db, {
      person: bob,
      connection: connection(bot, "Bob's renamed", { accessToken: "sealed-new", refreshToken: "sealed-new-r" }),
      signedInUserId: null,
    });
    if (!a.ok || !b.ok) throw new Error("connect failed");
    expect(b.workspaceId).toBe(a.workspaceId);
    const row = await findUserWorkspace(db, b.userId, b.workspaceId);
    expect(row).toMatchObject({ name: "Bob's renamed", accessToken: "sealed-new", duplicatedTemplateId: "tpl-1", status: "needs_setup" });
    expect(row!.tokenVersion).toBeGreaterThan(0);
  });

  it("links a new Notion person to the user who is already signed in", async () => {
    const db = handle().db;
    const signed = await connectWorkspace(db, { person: person("cy"), connection: connection(`bot-${n}`, "Cy"), signedInUserId: null });
    if (!signed.ok) throw new Error("connect failed");
    const other = await connectWorkspace(db, {
      person: person("cy-work"),
      connection: connection(`bot-${n}`, "Cy at work"),
      signedInUserId: signed.userId,
    });
    expect(other).toMatchObject({ ok: true, userId: signed.userId });
  });

  it("refuses a Notion person who belongs to another user", async () => {
    const db = handle().db;
    const dee = person("dee");
    const eve = await connectWorkspace(db, { person: person("eve"), connection: connection(`bot-${n}`, "Eve"), signedInUserId: null });
    await connectWorkspace(db, { person: dee, connection: connection(`bot-${n}`, "Dee"), signedInUserId: null });
    if (!eve.ok) throw new Error("connect failed");
    const clash = await connectWorkspace(db, { person: dee, connection: connection(`bot-${n}`, "Dee 2"), signedInUserId: eve.userId });
    expect(clash).toEqual({ ok: false, reason: "linked_to_another_user" });
  });

  it("finds a workspace only through its owner", async () => {
    const db = handle().db;
    const owner = await connectWorkspace(db, { person: person("fay"), connection: connection(`bot-${n}`, "Fay"), signedInUserId: null });
    const stranger = await connectWorkspace(db, { person: person("gus"), connection: connection(`bot-${n}`, "Gus"), signedInUserId: null });
    if (!owner.ok || !stranger.ok) throw new Error("connect failed");
    expect(await findUserWorkspace(db, owner.userId, owner.workspaceId)).not.toBeNull();
    expect(await findUserWorkspace(db, stranger.userId, owner.workspaceId)).toBeNull();
    expect(await findUserWorkspace(db, owner.userId, "no-such-id")).toBeNull();
  });

  it("stores a refreshed pair only once per version (compare-and-swap)", async () => {
    const db = handle().db;
    const c = await connectWorkspace(db, { person: person("hal"), connection: connection(`bot-${n}`, "Hal"), signedInUserId: null });
    if (!c.ok) throw new Error("connect failed");
    const row = (await findUserWorkspace(db, c.userId, c.workspaceId))!;
    const pair = { accessToken: "a2", refreshToken: "r2" };
    const results = await Promise.all([
      replaceTokens(db, c.workspaceId, row.tokenVersion, pair),
      replaceTokens(db, c.workspaceId, row.tokenVersion, { accessToken: "a3", refreshToken: "r3" }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("disconnecting forgets the tokens and hides the workspace; connecting again restores it", async () => {
    const db = handle().db;
    const ivy = person("ivy");
    const bot = `bot-${n}`;
    const c = await connectWorkspace(db, { person: ivy, connection: connection(bot, "Ivy"), signedInUserId: null });
    if (!c.ok) throw new Error("connect failed");
    await disconnectWorkspace(db, c.workspaceId);
    expect(await findUserWorkspace(db, c.userId, c.workspaceId)).toBeNull();
    const raw = await handle().query<{ access_token: string | null; refresh_token: string | null }>(
      `select access_token, refresh_token from workspaces where id = '${c.workspaceId}'`,
    );
    expect(raw).toEqual([{ access_token: null, refresh_token: null }]);
    await connectWorkspace(db, { person: ivy, connection: connection(bot, "Ivy"), signedInUserId: null });
    expect(await findUserWorkspace(db, c.userId, c.workspaceId)).toMatchObject({ status: "needs_setup" });
  });
});
