import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestLogger, reveal, scrub, withLogContext } from "./log";

type Line = Record<string, unknown>;

function capture(level = "info") {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

const TOKEN = "ntn_sbx_AbCdEf0123456789abcdefghij";
const REFRESH = "nrt_sbx_ZyXwVu9876543210zyxwvuts";

describe("the logger", () => {
  it("writes one JSON object per line with an ISO time and the level by name", () => {
    const { logger, lines } = capture();
    logger.info({ path: "/v1/users/me" }, "notion call");
    expect(lines).toEqual([expect.objectContaining({ level: "info", msg: "notion call", path: "/v1/users/me" })]);
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });

  it("writes nothing below its level, and nothing at all when silent", () => {
    const quiet = capture("warn");
    quiet.logger.info("not shown");
    quiet.logger.warn("shown");
    expect(quiet.lines.map((l) => l.msg)).toEqual(["shown"]);
    const silent = capture("silent");
    silent.logger.error("not shown either");
    expect(silent.lines).toEqual([]);
  });

  it("redacts credential fields at any depth, whatever their case", () => {
    const { logger, lines } = capture();
    logger.info({
      headers: { Authorization: "Bearer x", cookie: "next-auth.session-token=abc", "set-cookie": ["a=b"] },
      body: { access_token: "a", refresh_token: "b", client_secret: "c", password: "d", code: "0d3c9d8e-6c2b-4ad4-9a57-3f8b3f1f4b0e" },
      account: { accessToken: "e", nested: [{ verificationToken: "f" }] },
      tokenVersion: 3,
    });
    const line = lines[0]!;
    expect(line.headers).toEqual({ Authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]" });
    expect(line.body).toEqual({ access_token: "[redacted]", refresh_token: "[redacted]", client_secret: "[redacted]", password: "[redacted]", code: "[redacted]" });
    expect(line.account).toEqual({ accessToken: "[redacted]", nested: [{ verificationToken: "[redacted]" }] });
    expect(line.tokenVersion).toBe(3);
  });

  it("keeps error codes, which are not OAuth codes", () => {
    expect(scrub({ code: "object_not_found" })).toEqual({ code: "object_not_found" });
    expect(scrub({ code: "ECONNRESET" })).toEqual({ code: "ECONNRESET" });
  });

  it("scrubs tokens out of messages, text fields and errors", () => {
    const { logger, lines } = capture();
    logger.warn({ detail: `refresh with ${REFRESH} failed` }, `token ${TOKEN} refused`);
    logger.error({ err: new Error(`Notion said no to ${TOKEN}`) }, "call failed");
    logger.info({ url: "https://shelf.example.com/api/auth/callback/notion?code=0d3c9d8e&state=xyz", auth: "Basic dXNlcjpwYXNz" });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(REFRESH);
    expect(text).not.toContain("0d3c9d8e");
    expect(text).not.toContain("dXNlcjpwYXNz");
    expect(lines[0]).toMatchObject({ msg: "token [redacted] refused", detail: "refresh with [redacted] failed" });
    expect(lines[1]!.err).toMatchObject({ type: "Error", message: "Notion said no to [redacted]", stack: expect.any(String) });
    expect(lines[2]).toMatchObject({ url: "https://shelf.example.com/api/auth/callback/notion?code=[redacted]&state=[redacted]", auth: "Basic [redacted]" });
  });

  it("logs a revealed value as is, for the one secret the operator must read", () => {
    const { logger, lines } = capture();
    logger.warn({ verificationToken: reveal("secret_abcdefghijkl") }, "webhook verification");
    expect(lines[0]).toMatchObject({ verificationToken: "secret_abcdefghijkl" });
  });
});

describe("log context", () => {
  it("binds the request id to every line of the work, through awaits and what the work leaves running", async () => {
    const { logger, lines } = capture();
    let detached: Promise<void> | undefined;
    await withLogContext({ requestId: "req-12345678" }, async () => {
      logger.info("first");
      await new Promise((resolve) => setTimeout(resolve, 5));
      await withLogContext({ workspaceId: "w1" }, async () => logger.info("nested"));
      detached = new Promise<void>((resolve) => setTimeout(resolve, 10)).then(() => logger.info("after the answer"));
    });
    logger.info("outside");
    await detached;
    expect(lines.map((l) => [l.msg, l.requestId, l.workspaceId])).toEqual([
      ["first", "req-12345678", undefined],
      ["nested", "req-12345678", "w1"],
      ["outside", undefined, undefined],
      ["after the answer", "req-12345678", undefined],
    ]);
  });

  it("keeps background work apart: a component's lines carry no request id", async () => {
    const { logger, lines } = capture();
    await withLogContext({ component: "outbox" }, async () => logger.info("delivered"));
    expect(lines[0]).toMatchObject({ component: "outbox" });
    expect(lines[0]).not.toHaveProperty("requestId");
  });

  it("a line's own fields win over the context's", () => {
    const { logger, lines } = capture();
    withLogContext({ workspaceId: "from-context" }, () => logger.info({ workspaceId: "from-call" }, "x"));
    expect(lines[0]).toMatchObject({ workspaceId: "from-call" });
  });

  it("requestLogger works outside a request (startup, worker, tests) without a request id", async () => {
    const logger = await requestLogger();
    expect(logger.bindings()).not.toHaveProperty("requestId");
  });
});
