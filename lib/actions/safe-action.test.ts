import { afterAll, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { hit, LIMITS } from "@/lib/security/rate-limit";
import { connectWorkspace } from "@/lib/workspaces/connect";
import { describeEachDatabase } from "@/test/db";
import { actionWrappers, workspaceIdSchema } from "./safe-action";

// The wrapper reads only the action limit from the configuration; nothing here talks to Notion.
vi.stubEnv("NOTION_CLIENT_ID", "wrapper-test");
vi.stubEnv("NOTION_CLIENT_SECRET", "wrapper-test");
vi.stubEnv("RATE_LIMIT_ACTIONS", "5");
afterAll(() => vi.unstubAllEnvs());

let n = 0;

describeEachDatabase("the action wrapper", (handle) => {
  const wrappersAs = (user: SessionUser | null) => actionWrappers({ currentUser: async () => user, database: async () => handle().db });

  /** A person with one connected workspace, as sign-in leaves them. */
  async function person(name: string) {
    const id = `${name}-${++n}`;
    const result = await connectWorkspace(handle().db, {
      person: { id: `person-${id}`, name, email: null, avatarUrl: null },
      connection: { botId: `bot-${id}`, notionWorkspaceId: `ws-${id}`, name: `${name}'s`, icon: null, duplicatedTemplateId: null, accessToken: "sealed", refreshToken: null },
      signedInUserId: null,
    });
    if (!result.ok) throw new Error("connect failed");
    return { user: { id: result.userId, name, image: null } satisfies SessionUser, workspaceId: result.workspaceId };
  }

  const rename = z.object({ workspaceId: workspaceIdSchema, title: z.string().trim().min(1, "Give it a title.") });

  it("answers unauthenticated without a session, and runs nothing", async () => {
    let ran = false;
    const action = wrappersAs(null).userAction(z.object({}), async () => {
      ran = true;
    });
    expect(await action({})).toEqual({ ok: false, error: "Your session ended. Sign in again to continue.", code: "unauthenticated" });
    expect(ran).toBe(false);
  });

  it("answers rate_limited with the wait once the person is over the action limit", async () => {
    const { user } = await person("rita");
    const action = wrappersAs(user).userAction(z.object({}), async () => "done");
    expect(await action({})).toEqual({ ok: true, data: "done" });
    const limit = LIMITS.action();
    for (let i = 1; i < limit.max; i++) await hit(handle().db, limit, user.id);
    const limited = await action({});
    expect(limited).toMatchObject({ ok: false, code: "rate_limited", error: expect.stringMatching(/^You're going faster than Shelf allows/) });
    expect(limited.ok === false && limited.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another person is not slowed down by Rita.
    expect(await wrappersAs((await person("sam")).user).userAction(z.object({}), async () => "done")({})).toEqual({ ok: true, data: "done" });
  });

  it("answers invalid with a message per field, and runs nothing", async () => {
    const { user, workspaceId } = await person("ivy");
    let ran = false;
    const action = wrappersAs(user).workspaceAction(rename, async () => {
      ran = true;
    });
    expect(await action({ workspaceId, title: "  " })).toEqual({
      ok: false,
      error: "Please check the highlighted fields.",
      code: "invalid",
      fieldErrors: { title: "Give it a title." },
    });
    expect(ran).toBe(false);
  });

  it("loads the workspace through the person: another person's id is not found, like a missing one", async () => {
    const ada = await person("ada");
    const bob = await person("bob");
    const seen: string[] = [];
    const action = wrappersAs(ada.user).workspaceAction(rename, async ({ workspace, input }) => {
      seen.push(workspace.id);
      return input.title;
    });
    expect(await action({ workspaceId: ada.workspaceId, title: "Mine" })).toEqual({ ok: true, data: "Mine" });
    const notFound = { ok: false, error: "This workspace was not found.", code: "not_found" };
    expect(await action({ workspaceId: bob.workspaceId, title: "Theirs" })).toEqual(notFound);
    expect(await action({ workspaceId: "no-such-workspace", title: "Nobody's" })).toEqual(notFound);
    expect(seen).toEqual([ada.workspaceId]);
  });

  it("passes a user-facing error through with its code and field errors", async () => {
    const { user } = await person("uma");
    const action = wrappersAs(user).userAction(z.object({}), async () => {
      throw new UserFacingError("Reconnect Notion first.", "reconnect_required", { title: "Too late." });
    });
    expect(await action({})).toEqual({ ok: false, error: "Reconnect Notion first.", code: "reconnect_required", fieldErrors: { title: "Too late." } });
  });

  it("turns an unexpected error into a generic failure that reveals nothing", async () => {
    const { user } = await person("eve");
    const action = wrappersAs(user).userAction(z.object({}), async () => {
      throw new Error("connection string postgres://secret@db leaked");
    });
    const result = await action({});
    expect(result).toEqual({ ok: false, error: "Something went wrong on our side. Nothing was changed; please try again.", code: "failed" });
    expect(JSON.stringify(result)).not.toContain("secret");
  });
});
