import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/service";
import type { RunningSandbox } from "@/notion-sandbox";
import { describeEachDatabase } from "@/test/db";
import { startAppSandbox } from "@/test/sandbox-workspace";
import { listWorkspacesOp } from "./endpoints";
import { handleApi } from "./handler";

// A file of its own: the limit is read once per process (lib/env), and the other API tests need a high one.
const LIMIT = 4;
let sandbox: RunningSandbox;

beforeAll(async () => {
  ({ sandbox } = await startAppSandbox({ env: { RATE_LIMIT_API: String(LIMIT) } }));
});
afterAll(() => sandbox.stop());

describeEachDatabase("the API's rate limit", (handle) => {
  let db: Database;
  beforeAll(() => {
    db = handle().db;
  });

  it("answers 429 with Retry-After past the person's limit, counting all their tokens together", async () => {
    const [user] = await db.insert(users).values({ notionUserId: crypto.randomUUID(), name: "Limited" }).returning();
    const input = { name: "Busy", scope: "all", permission: "read", expiresInDays: "never" } as const;
    const tokens = [(await createApiToken(db, user!.id, input, null)).token, (await createApiToken(db, user!.id, input, null)).token];
    const request = (i: number) =>
      handleApi(listWorkspacesOp, new Request("http://shelf.test/api/v1/workspaces", { headers: { authorization: `Bearer ${tokens[i % 2]}` } }), {}, db);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i <= LIMIT; i++) {
      last = await request(i);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
