import { expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { describeEachDatabase, testBackends } from "@/test/db";
import { hit, type Limit } from "./rate-limit";

const limit = (max: number): Limit => ({ name: `test-${Math.random()}`, max, windowMs: 60_000 });

describeEachDatabase("rate limits", (handle) => {
  it("allows up to the limit, then answers with the seconds left in the window", async () => {
    const db = handle().db;
    const l = limit(3);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(db, l, "1.2.3.4"));
    expect(results.slice(0, 3)).toEqual(Array(3).fill({ allowed: true }));
    for (const r of results.slice(3)) {
      expect(r.allowed).toBe(false);
      if (!r.allowed) expect(r.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(await hit(db, l, "5.6.7.8")).toEqual({ allowed: true });
  });

  it("counts concurrent hits exactly", async () => {
    const db = handle().db;
    const l = limit(10);
    const results = await Promise.all(Array.from({ length: 25 }, () => hit(db, l, "user")));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});

it.skipIf(!testBackends().some((b) => b.name === "postgres"))("two instances on one Postgres share the count [postgres]", async () => {
  const backend = testBackends().find((b) => b.name === "postgres")!;
  const opened = await backend.open();
  const other = await openDatabase({ url: opened.url });
  try {
    const l = limit(6);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => hit((i % 2 ? other : opened.handle).db, l, "ip")));
    expect(results.filter((r) => r.allowed)).toHaveLength(6);
  } finally {
    await other.close();
    await opened.dispose();
  }
});
