import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { redeemExtensionTokenRequest } from "@/lib/api/extension-token";
import { describeEachDatabase } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { challengeOf, confirmExtensionGrant, redeemExtensionGrant } from "./extension-grants";
import { authenticate, listApiTokens } from "./service";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

const EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
const client = { ipPrefix: "203.0.113.0/24", client: "Chrome on Linux" };

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox({ env: { API_CORS_ORIGINS: EXTENSION } }));
});
afterAll(() => sandbox.stop());
afterEach(() => vi.useRealTimers());

const newVerifier = () => crypto.randomBytes(32).toString("base64url");

it("names a request by the base64url SHA-256 of the verifier, as the extension computes it", () => {
  // RFC 7636 appendix B's example verifier and challenge.
  expect(challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
});

describeEachDatabase("connecting the extension", (handle) => {
  it("gives the token once, only for the verifier behind the confirmed challenge, scoped as confirmed", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "annie", workspace: "centaur" });
    const user = { id: workspace.userId };
    const verifier = newVerifier();
    expect(await redeemExtensionGrant(db, verifier, client)).toEqual({ status: "pending" });

    await confirmExtensionGrant(db, user.id, { challenge: challengeOf(verifier), scope: workspace.id, browser: "Chrome" });
    expect(await redeemExtensionGrant(db, newVerifier(), client)).toEqual({ status: "pending" });
    const ready = await redeemExtensionGrant(db, verifier, client);
    expect(ready.status).toBe("ready");
    const token = ready.status === "ready" ? ready.token : "";
    expect(await authenticate(db, token, client)).toMatchObject({ userId: user.id, workspaceId: workspace.id, permission: "write" });
    expect(await redeemExtensionGrant(db, verifier, client)).toEqual({ status: "gone" });

    const [listed] = await listApiTokens(db, user.id);
    expect(listed).toMatchObject({ name: "Shelf extension (Chrome)", workspaceId: workspace.id, permission: "write" });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.userId, user.id));
    expect(events.map((e) => e.kind)).toContain("api_token_created");
  });

  it("refuses a second answer to the same request, someone else's workspace, and a late collection", async () => {
    const db = handle().db;
    const user = { id: (await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" })).workspace.userId };
    const { workspace: theirs } = await readyWorkspace(db, admin, { person: "grace", workspace: "labs" });
    const verifier = newVerifier();
    const challenge = challengeOf(verifier);
    await expect(confirmExtensionGrant(db, user.id, { challenge, scope: theirs.id, browser: "" })).rejects.toThrow("That workspace was not found.");
    await confirmExtensionGrant(db, user.id, { challenge, scope: "all", browser: "" });
    await expect(confirmExtensionGrant(db, user.id, { challenge, scope: "all", browser: "" })).rejects.toThrow(/answered already/);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 11 * 60_000 });
    expect(await redeemExtensionGrant(db, verifier, client)).toEqual({ status: "gone" });
    expect(await listApiTokens(db, user.id)).toEqual([]);
  });

  it("answers over HTTP: 202 while waiting, 200 with the token once, 410 after, 400 for a malformed verifier", async () => {
    const db = handle().db;
    const user = { id: (await readyWorkspace(db, admin, { person: "katherine", workspace: "notebook" })).workspace.userId };
    const verifier = newVerifier();
    const post = async (body: unknown) => {
      const response = await redeemExtensionTokenRequest(
        new Request("http://shelf.test/api/extension/token", { method: "POST", headers: { origin: EXTENSION, "user-agent": "Chrome" }, body: JSON.stringify(body) }),
        db,
      );
      return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await post({ verifier })).status).toBe(202);
    await confirmExtensionGrant(db, user.id, { challenge: challengeOf(verifier), scope: "all", browser: "Firefox" });
    const ready = await post({ verifier });
    expect(ready.status).toBe(200);
    expect(ready.body.token).toMatch(/^shelf_/);
    expect(ready.headers.get("access-control-allow-origin")).toBe(EXTENSION);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect((await post({ verifier })).status).toBe(410);
    const malformed = await post({ verifier: "short" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { fieldErrors: { verifier: expect.stringContaining("43") } } });
  });
});
