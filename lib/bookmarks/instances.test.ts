import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { pageToBookmark } from "@/lib/notion/mapping";
import { appInstances } from "@/test/app-instances";
import { testBackends } from "@/test/db";
import { drainOutbox, readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import type { DatabaseHandle } from "@/db/client";
import { listMirror, outboxBacklog } from "./queries";
import { listQuerySchema } from "./schema";
import { createBookmark } from "./service";
import { syncWorkspace } from "./sync";

// Several processes on one database: only real Postgres can be shared between processes.
const postgres = testBackends().find((b) => b.name === "postgres");
const RATE = 8;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;
let opened: Awaited<ReturnType<NonNullable<typeof postgres>["open"]>> | undefined;
let handle: DatabaseHandle;
const instances = appInstances();

const startInstance = () => instances.start(opened!.url!);

describe.skipIf(!postgres)("app instances on one Postgres [postgres]", () => {
  beforeAll(async () => {
    ({ sandbox, admin } = await startAppSandbox({
      // Notion allows short bursts (the sandbox's default is 10). Shelf's own pacing is checked by
      // the average rate below; the burst only absorbs the jitter of two senders on a busy machine,
      // where a request reserved for one slot can leave late and bunch with the next.
      rateLimit: { requestsPerSecond: RATE + 2, burst: 10 },
      env: { NOTION_REQUESTS_PER_SECOND: String(RATE) },
    }));
    opened = await postgres!.open();
    handle = opened.handle;
  });
  afterEach(() => {
    instances.killAll();
  });
  afterAll(async () => {
    await opened?.dispose();
    await sandbox.stop();
  });

  async function pagesIn(botId: string, dataSourceId: string, map: Parameters<typeof pageToBookmark>[1]) {
    const { pages } = await admin.visibleTo(botId, dataSourceId);
    return pages.map((p) => pageToBookmark(p, map).title).sort();
  }

  it("two instances deliver every write exactly once and together keep the rate limit", async () => {
    const db = handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const saved = await Promise.all(Array.from({ length: 60 }, (_, n) => createBookmark({ db, workspace }, { url: `https://two.example/${n}`, title: `Two ${n}`, description: "", tags: [] })));
    await admin.clearRequests();
    const started = Date.now();
    await Promise.all([startInstance(), startInstance()]);
    await drainOutbox(db, 60_000);
    const seconds = (Date.now() - started) / 1000;

    expect(await pagesIn(workspace.botId, workspace.dataSourceId!, workspace.propertyMap!)).toEqual(saved.map((b) => b.title).sort());
    const requests = (await admin.requests()).filter((r) => r.path.startsWith("/v1/"));
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    // At most RATE a second, whichever instance sent them (plus one slot of slack at the start).
    expect(requests.length / seconds).toBeLessThanOrEqual(RATE + 1);
  }, 90_000);

  it("an instance killed mid-delivery and restarted leaves every bookmark in Notion exactly once", async () => {
    const db = handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const saved = await Promise.all(Array.from({ length: 40 }, (_, n) => createBookmark({ db, workspace }, { url: `https://kill.example/${n}`, title: `Kill ${n}`, description: "", tags: [] })));
    await admin.setLatency({ fixedMs: 150 });
    const first = await startInstance();
    while ((await outboxBacklog(db, workspace.id)).pending > 25) await new Promise((r) => setTimeout(r, 50));
    first.kill("SIGKILL");
    const stillPending = (await outboxBacklog(db, workspace.id)).pending;
    expect(stillPending).toBeGreaterThan(0);
    await admin.setLatency({ fixedMs: 0 });

    await startInstance();
    await drainOutbox(db, 60_000);
    expect(await pagesIn(workspace.botId, workspace.dataSourceId!, workspace.propertyMap!)).toEqual(saved.map((b) => b.title).sort());
  }, 90_000);

  it("SIGKILL after Notion made the page, before it was recorded; the restart's dashboard syncs first: one page, one row", async () => {
    const db = handle.db;
    const { workspace } = await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" });
    const input = { url: "https://sigkill.example/answered", title: "Killed after the answer", description: "", tags: [] };
    const rowsOfUrl = async () => (await listMirror(db, workspace.id, listQuerySchema.parse({}), 5000)).items.filter((b) => b.url === input.url);
    await admin.injectFaults({ fault: "held_response", count: 1, path: "/v1/pages", method: "POST", hangMs: 30_000 });
    await createBookmark({ db, workspace }, input);
    const first = await startInstance();
    await admin.waitForHeld(1, 30_000);
    first.kill("SIGKILL");
    await admin.releaseHeld(); // the answer goes to a dead socket

    await syncWorkspace(db, workspace); // the restarted app's first dashboard view
    expect((await rowsOfUrl()).map((b) => b.syncState)).toEqual(["pending"]);
    await startInstance();
    await drainOutbox(db, 60_000);
    await syncWorkspace(db, workspace, { full: true });
    expect((await rowsOfUrl()).map((b) => b.syncState)).toEqual(["synced"]);
    expect((await pagesIn(workspace.botId, workspace.dataSourceId!, workspace.propertyMap!)).filter((t) => t === input.title)).toHaveLength(1);
  }, 90_000);
});
