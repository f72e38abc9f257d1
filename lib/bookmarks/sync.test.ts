import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { bookmarks, workspaces, type Workspace } from "@/db/schema";
import { SEED_PEOPLE, type RunningSandbox, type SandboxAdmin } from "@/notion-sandbox";
import { log } from "@/lib/log";
import { findWorkspace } from "@/lib/workspaces/queries";
import { describeEachDatabase } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { startWebhookReceiver } from "@/test/webhook-receiver";
import { countBookmarks, listMirror } from "./queries";
import { listQuerySchema } from "./schema";
import { refreshBookmarks } from "./service";
import { backgroundSyncPause, syncInBackground, syncSettled, syncWorkspace } from "./sync";
import { handleNotionWebhook } from "./webhooks";

const WEBHOOK_SECRET = "secret_sync_test";
let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { NOTION_WEBHOOK_SECRET: WEBHOOK_SECRET } }));
});
afterAll(() => sandbox.stop());

const all = listQuerySchema.parse({});
const titles = async (db: Database, workspace: Workspace) => (await listMirror(db, workspace.id, all, 1000)).items.map((b) => b.title).sort();
const properties = (title: string, url: string) => ({
  Name: { title: [{ text: { content: title } }] },
  URL: { url },
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("a failing background sync pauses the next one, longer each time, never for long", () => {
  expect([1, 2, 3, 4, 10].map(backgroundSyncPause)).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
});

describeEachDatabase("syncing from Notion", (handle) => {
  it("pages added, edited and trashed by a person in Notion appear, change and disappear after a refresh", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace };
    const parent = { data_source_id: workspace.dataSourceId! };

    const added = await admin.addPage({ parent, properties: properties("Added in Notion", "https://added.example") });
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).toContain("Added in Notion");

    await admin.editPage(added.id, { properties: { Name: { title: [{ text: { content: "Edited in Notion" } }] } } });
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).toContain("Edited in Notion");
    expect(await titles(db, workspace)).not.toContain("Added in Notion");

    await admin.trashPage(added.id);
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).not.toContain("Edited in Notion");

    await admin.trashPage(added.id, { in_trash: false });
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).toContain("Edited in Notion");
  });

  it("Resync everything reads every page again, also those an incremental refresh no longer looks at", async () => {
    const db = handle().db;
    // Its own workspace: the cursor is moved past what other tests' syncs must still read.
    const { workspace } = await readyWorkspace(db, admin, { person: "annie", workspace: "centaur" });
    const ctx = { db, workspace };
    const parent = { data_source_id: workspace.dataSourceId! };
    await admin.addPage({ parent, properties: properties("Kept in Notion", "https://kept.example") });
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).toContain("Kept in Notion");

    // The mirror loses the row (a restore from an older backup, say), and the page's last edit is
    // long before the cursor: an incremental refresh never reads it again.
    await db.delete(bookmarks).where(and(eq(bookmarks.workspaceId, workspace.id), eq(bookmarks.url, "https://kept.example")));
    await db.update(workspaces).set({ syncCursor: new Date(Date.now() + 60 * 60_000) }).where(eq(workspaces.id, workspace.id));
    await refreshBookmarks(ctx);
    expect(await titles(db, workspace)).not.toContain("Kept in Notion");

    const result = await refreshBookmarks(ctx, { full: true });
    expect(await titles(db, workspace)).toContain("Kept in Notion");
    expect(result).toEqual({ upserted: await countBookmarks(db, workspace.id), trashed: 0 });
    expect((await findWorkspace(db, workspace.id))!.lastFullSyncAt).not.toBeNull();
  });

  it("reads past Notion's 10,000-row limit of one query, and a full pass trashes nothing it saw", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    await admin.seedRows(workspace.dataSourceId!, 10_050);
    await refreshBookmarks({ db, workspace });
    expect(await countBookmarks(db, workspace.id)).toBe(10_050);
    await syncWorkspace(db, (await findWorkspace(db, workspace.id))!, { full: true });
    expect(await countBookmarks(db, workspace.id)).toBe(10_050);
  }, 120_000);

  it("and after a webhook, which is verified before it triggers anything", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const receiver = await startWebhookReceiver(db, admin, WEBHOOK_SECRET);
    try {
      const page = await admin.addPage({
        parent: { data_source_id: workspace.dataSourceId! },
        properties: properties("From a webhook", "https://hook.example"),
        person_id: SEED_PEOPLE.grace.id,
      });
      await waitFor(async () => (await titles(db, workspace)).includes("From a webhook"));
      await admin.editPage(page.id, { properties: { Name: { title: [{ text: { content: "Webhook edit" } }] } } });
      await waitFor(async () => (await titles(db, workspace)).includes("Webhook edit"));
      await admin.trashPage(page.id);
      await waitFor(async () => !(await titles(db, workspace)).includes("Webhook edit"));

      const deliveries = (await admin.webhooks()).find((s) => s.subscription_id === receiver.subscriptionId)!.deliveries;
      expect(deliveries.map((d) => d.status)).not.toContain(401);

      const forged = await handleNotionWebhook(db, JSON.stringify({ type: "page.created", workspace_id: workspace.notionWorkspaceId }), "sha256=" + "0".repeat(64));
      expect(forged.status).toBe(401);
    } finally {
      await receiver.close();
    }
  });

  it("a background sync nobody waits for logs its failure", async () => {
    const db = handle().db;
    const { workspace, tokens } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    await admin.revokeToken(tokens.access_token);
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    try {
      syncInBackground(db, workspace);
      await waitFor(async () => warn.mock.calls.length > 0);
      expect(warn).toHaveBeenCalledWith(
        { err: expect.objectContaining({ name: "ReconnectRequiredError" }), workspaceId: workspace.id, failures: 1 },
        "background sync failed",
      );
      // The next poll of the stale view does not start another sync against the failing Notion.
      expect(await syncInBackground(db, workspace)).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it("the pause after a failed background sync holds for every instance, doubling per failure", async () => {
    const db = handle().db;
    const { workspace, tokens } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    await admin.revokeToken(tokens.access_token);
    // A second instance: its own copy of the module, so nothing it knows is in this one's memory.
    vi.resetModules();
    const other: typeof import("./sync") = await import("./sync");
    const pause = async () => {
      const row = (await findWorkspace(db, workspace.id))!;
      return { failures: row.syncFailures, ms: row.syncRetryAt!.getTime() - Date.now() };
    };
    const failed = async (failures: number) => waitFor(async () => (await findWorkspace(db, workspace.id))!.syncFailures === failures);
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    try {
      expect(await syncInBackground(db, workspace)).toBe(true);
      await failed(1);
      expect(await pause()).toMatchObject({ failures: 1, ms: expect.toSatisfy((ms: number) => ms > 0 && ms <= 2_000) });
      expect(await other.syncInBackground(db, workspace)).toBe(false);
      expect(await syncInBackground(db, workspace)).toBe(false);

      // The pause is over (as if 2 s had passed): the other instance syncs, fails, and both wait longer.
      await db.update(workspaces).set({ syncRetryAt: new Date(0) }).where(eq(workspaces.id, workspace.id));
      expect(await other.syncInBackground(db, workspace)).toBe(true);
      await failed(2);
      expect(await pause()).toMatchObject({ failures: 2, ms: expect.toSatisfy((ms: number) => ms > 2_000 && ms <= 4_000) });
      expect(await syncInBackground(db, workspace)).toBe(false);
      expect(await other.syncInBackground(db, workspace)).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it("a sync that succeeds ends the pause", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    await db.update(workspaces).set({ syncFailures: 3, syncRetryAt: new Date(Date.now() + 60_000) }).where(eq(workspaces.id, workspace.id));
    expect(await syncInBackground(db, workspace)).toBe(false);
    await refreshBookmarks({ db, workspace });
    expect(await findWorkspace(db, workspace.id)).toMatchObject({ syncFailures: 0, syncRetryAt: null });
    expect(await syncInBackground(db, workspace)).toBe(true);
    await syncSettled(workspace.id);
  });
});
