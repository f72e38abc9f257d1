import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "@notionhq/client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CONTENT, SEED_PEOPLE, SEED_WORKSPACES } from "./seed";
import { startTestSandbox } from "./test/sandbox";
import { WEBHOOK_ATTEMPTS, type SandboxWebhookPayload } from "./webhooks";

interface Received {
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as it arrived: signatures are over these bytes. */
  body: string;
}

/** A tiny webhook receiver; `answer` decides each response's status code. */
async function startReceiver() {
  const received: Received[] = [];
  let answer: (request: Received) => number | "hang" = () => 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      const status = answer(request);
      if (status !== "hang") res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/notion/webhook`,
    received,
    events: () => received.filter((r) => r.headers["x-notion-signature"]).map((r) => JSON.parse(r.body) as SandboxWebhookPayload),
    answerWith(fn: typeof answer) {
      answer = fn;
    },
    reset() {
      received.length = 0;
      answer = () => 200;
    },
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

async function until<T>(check: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const t = await startTestSandbox();
const receiver = await startReceiver();
afterAll(async () => {
  await t.sandbox.stop();
  await receiver.close();
});
beforeEach(async () => {
  await t.admin.reset();
  receiver.reset();
});

const notebook = SEED_CONTENT.notebook;
const readingList = notebook.readingListDataSourceId;
const article = (content: string) => ({ Article: { title: [{ text: { content } }] } });

/** Connects Shelf to the Research page (which holds the Reading list) and subscribes the receiver. */
async function connectAndSubscribe() {
  const token = await t.connect({ template: false, pageIds: [notebook.researchPageId] });
  const subscription = await t.admin.subscribeWebhook(receiver.url);
  await until(() => receiver.received.length === 1);
  receiver.received.length = 0;
  return { token, subscription };
}

describe("webhooks", () => {
  it("sends the verification token to a new subscription, unsigned", async () => {
    const { subscription_id, verification_token } = await t.admin.subscribeWebhook(receiver.url);
    expect(verification_token).toMatch(/^secret_/);
    const [request] = await until(() => receiver.received.length > 0 && receiver.received);
    expect(JSON.parse(request!.body)).toEqual({ verification_token });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-notion-signature"]).toBeUndefined();

    const [listed] = await t.admin.settleWebhooks();
    expect(listed).toMatchObject({ subscription_id, client_id: "shelf-sandbox", url: receiver.url, pending: 0 });
    expect(listed?.deliveries).toEqual([expect.objectContaining({ type: "verification", attempt: 1, status: 200, error: null })]);
  });

  it("sends signed events for edits made as a person in Notion", async () => {
    const { token, subscription } = await connectAndSubscribe();
    const page = await t.admin.addPage({ parent: { data_source_id: readingList }, properties: article("From Notion") });
    await until(() => receiver.events().length === 1);
    await t.admin.editPage(page.id, { properties: { Topics: { multi_select: [{ name: "webhooks" }] } }, person_id: SEED_PEOPLE.ada.id });
    await until(() => receiver.events().length === 2);
    await t.admin.trashPage(page.id);
    await until(() => receiver.events().length === 3);
    await t.admin.trashPage(page.id, { in_trash: false });
    await until(() => receiver.events().length === 4);
    await t.admin.trashDatabase(notebook.readingListDatabaseId);
    const events = await until(() => receiver.events().length === 5 && receiver.events());

    expect(events.map((e) => e.type)).toEqual(["page.created", "page.properties_updated", "page.deleted", "page.undeleted", "database.deleted"]);
    const topicsId = page.properties.Topics?.id;
    expect(events[0]).toEqual({
      id: expect.any(String),
      timestamp: expect.any(String),
      workspace_id: SEED_WORKSPACES.notebook.id,
      workspace_name: SEED_WORKSPACES.notebook.name,
      subscription_id: subscription.subscription_id,
      integration_id: "shelf-sandbox",
      authors: [{ id: SEED_PEOPLE.ada.id, type: "person" }],
      accessible_by: [{ id: token.bot_id, type: "bot" }],
      attempt_number: 1,
      api_version: "2025-09-03",
      type: "page.created",
      entity: { id: page.id, type: "page" },
      data: { parent: { id: notebook.readingListDatabaseId, type: "database", data_source_id: readingList } },
    });
    expect(events[1]).toMatchObject({ entity: { id: page.id }, data: { updated_properties: [topicsId] } });
    expect(events[4]).toMatchObject({ entity: { id: notebook.readingListDatabaseId, type: "database" }, data: { parent: { id: notebook.researchPageId, type: "page" } } });
    expect(new Set(events.map((e) => e.id)).size).toBe(5);

    // Every delivery verifies with the SDK's own check, and a tampered one does not.
    for (const request of receiver.received) {
      const signature = request.headers["x-notion-signature"] as string;
      expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      await expect(verifyWebhookSignature({ body: request.body, signature, verificationToken: subscription.verification_token })).resolves.toBe(true);
      await expect(verifyWebhookSignature({ body: request.body.replace("2025-09-03", "2025-09-04"), signature, verificationToken: subscription.verification_token })).resolves.toBe(false);
      await expect(verifyWebhookSignature({ body: request.body, signature, verificationToken: "secret_wrong" })).resolves.toBe(false);
    }
  });

  it("sends events for API writes too, authored by the bot", async () => {
    const { token } = await connectAndSubscribe();
    const notion = t.client(token.access_token);
    const created = await notion.pages.create({ parent: { data_source_id: readingList }, properties: article("From Shelf") });
    await notion.pages.update({ page_id: created.id, properties: { Link: { url: "https://example.com/shelf" } } });
    await notion.pages.update({ page_id: created.id, in_trash: true });
    await notion.dataSources.update({ data_source_id: readingList, properties: { Rating: { number: {} } } });
    const events = await until(() => receiver.events().length === 4 && receiver.events());
    expect(events.map((e) => e.type).sort()).toEqual(["data_source.schema_updated", "page.created", "page.deleted", "page.properties_updated"]);
    for (const event of events) expect(event.authors).toEqual([{ id: token.bot_id, type: "bot" }]);
    const schema = events.find((e) => e.type === "data_source.schema_updated");
    expect(schema).toMatchObject({
      entity: { id: readingList, type: "data_source" },
      data: { parent: { id: notebook.readingListDatabaseId, type: "database" }, updated_properties: [{ name: "Rating", action: "created" }] },
    });
  });

  it("answers before the receiver does", async () => {
    await connectAndSubscribe();
    receiver.answerWith(() => "hang");
    const started = Date.now();
    await t.admin.addPage({ parent: { data_source_id: readingList }, properties: article("Slow receiver") });
    expect(Date.now() - started).toBeLessThan(1_000);
    await until(() => receiver.events().length === 1);
    expect((await t.admin.webhooks())[0]?.pending).toBe(1);
  });

  it("retries a failed delivery with a new attempt_number, each signed", async () => {
    const { subscription } = await connectAndSubscribe();
    let failures = 1;
    receiver.answerWith(() => (failures-- > 0 ? 500 : 200));
    const page = await t.admin.addPage({ parent: { data_source_id: readingList }, properties: article("Retried") });
    const events = await until(() => receiver.events().length === 2 && receiver.events());
    expect(events.map((e) => [e.type, e.attempt_number])).toEqual([
      ["page.created", 1],
      ["page.created", 2],
    ]);
    expect(events[1]?.id).toBe(events[0]?.id);
    for (const request of receiver.received) {
      const signature = request.headers["x-notion-signature"] as string;
      await expect(verifyWebhookSignature({ body: request.body, signature, verificationToken: subscription.verification_token })).resolves.toBe(true);
    }
    const [listed] = await t.admin.settleWebhooks();
    expect(listed?.deliveries.filter((d) => d.type === "page.created")).toEqual([
      expect.objectContaining({ entity_id: page.id, attempt: 1, status: 500 }),
      expect.objectContaining({ entity_id: page.id, attempt: 2, status: 200 }),
    ]);
  });

  it("gives up after a few attempts, recording network errors too", async () => {
    const closed = await startReceiver();
    await closed.close();
    await t.admin.subscribeWebhook(closed.url);
    const [listed] = await t.admin.settleWebhooks();
    expect(listed?.deliveries).toHaveLength(WEBHOOK_ATTEMPTS);
    expect(listed?.deliveries.map((d) => [d.attempt, d.status])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(listed?.deliveries[0]?.error).toBeTruthy();
  });

  it("sends nothing about content the client's bots cannot see", async () => {
    await connectAndSubscribe();
    // Tasks is in the same workspace but was not shared; Team wiki is in another workspace.
    await t.admin.addPage({ parent: { data_source_id: notebook.tasksDataSourceId }, properties: { Task: { title: [{ text: { content: "Hidden" } }] } } });
    await t.admin.editPage(SEED_CONTENT.engines.wikiPageId, { properties: { title: { title: [{ text: { content: "Renamed" } }] } } });
    await t.admin.unshareDatabase(notebook.readingListDatabaseId);
    await t.admin.addPage({ parent: { data_source_id: readingList }, properties: article("Unshared") });
    // A visible change afterwards proves deliveries were flowing all along.
    await t.admin.editPage(notebook.researchPageId, { properties: { title: { title: [{ text: { content: "Research!" } }] } } });
    const [listed] = await t.admin.settleWebhooks();
    expect(listed?.deliveries.filter((d) => d.type !== "verification").map((d) => [d.type, d.entity_id])).toEqual([["page.properties_updated", notebook.researchPageId]]);
    expect(receiver.events().map((e) => e.entity.id)).toEqual([notebook.researchPageId]);
  });

  it("stops sending after unsubscribe, and reset forgets subscriptions", async () => {
    const { subscription } = await connectAndSubscribe();
    await t.admin.unsubscribeWebhook(subscription.subscription_id);
    await t.admin.addPage({ parent: { data_source_id: readingList }, properties: article("Nobody listening") });
    expect(await t.admin.webhooks()).toEqual([]);
    await expect(t.admin.unsubscribeWebhook(subscription.subscription_id)).rejects.toThrow(/404/);
    await t.admin.subscribeWebhook(receiver.url);
    await t.admin.reset();
    expect(await t.admin.webhooks()).toEqual([]);
    await expect(t.admin.subscribeWebhook("not a url")).rejects.toThrow(/400/);
    await expect(t.admin.subscribeWebhook(receiver.url, { clientId: "no-such-client" })).rejects.toThrow(/404/);
  });
});
