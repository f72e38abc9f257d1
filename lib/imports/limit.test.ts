import { afterAll, beforeAll, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import type { RunningSandbox, SandboxAdmin } from "@/notion-sandbox";
import { hit, LIMITS } from "@/lib/security/rate-limit";
import { describeEachDatabase } from "@/test/db";
import { readyWorkspace, startAppSandbox } from "@/test/sandbox-workspace";
import { previewImport } from "./service";
import { upload } from "@/test/imports";

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

beforeAll(async () => {
  ({ sandbox, admin } = await startAppSandbox());
});
afterAll(() => sandbox.stop());

describeEachDatabase("the import limit", (handle) => {
  it("answers past the limit with the wait in seconds, like the other limits", async () => {
    const db = handle().db;
    const { workspace } = await readyWorkspace(db, admin, { person: "ada", workspace: "notebook" });
    const ctx = { db, workspace, userId: workspace.userId };
    const file = () => upload("links.csv", "url,title\nhttps://limit.example/,Limit\n");
    // One real preview spends from the person's budget; the rest of it is spent the way
    // previewImport spends it, without starting a file reader for each.
    await previewImport(ctx, file(), { folderTags: false });
    for (let i = 1; i < LIMITS.import().max; i++) expect((await hit(db, LIMITS.import(), ctx.userId)).allowed).toBe(true);

    const refused = await previewImport(ctx, file(), { folderTags: false }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const { code, message, retryAfterSeconds } = refused as RateLimitedError;
    expect(code).toBe("rate_limited");
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
    expect(message).toMatch(/faster than Shelf allows\. Please wait \d+ (seconds|minutes)/);
  });
});
