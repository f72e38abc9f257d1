// Benchmark: how long the API's token check takes for an unknown and a revoked token (they must
// not be told apart by time, docs/decisions/027), with a valid one's for scale. The two are timed
// interleaved, so drift on a shared machine hits both alike; the ratio is the figure to read.
import { users } from "@/db/schema";
import { authenticate, createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/service";
import { openBenchDatabase, percentile, preferredBackend, withCleanup, type Result } from "./setup";

const RUNS = 400;
const WARMUP = 40;
const CLIENT = { ipPrefix: "203.0.113.x", client: "curl" };

export async function benchTokenCheck(): Promise<Result[]> {
  return withCleanup(async (defer) => {
    const bench = await openBenchDatabase(await preferredBackend());
    defer(() => bench.dispose());
    const db = bench.handle.db;
    const [user] = await db.insert(users).values({ notionUserId: crypto.randomUUID(), name: "Bench" }).returning();
    const input = { name: "bench", scope: "all", permission: "read", expiresInDays: "never" } as const;
    const valid = (await createApiToken(db, user!.id, input, null)).token;
    const revoked = (await createApiToken(db, user!.id, { ...input, name: "revoked" }, null)).token;
    await revokeApiToken(db, user!.id, (await listApiTokens(db, user!.id)).find((t) => t.name === "revoked")!.id, null);
    const unknown = `shelf_${"Q".repeat(43)}`;

    const timings: Record<"unknown" | "revoked" | "valid", number[]> = { unknown: [], revoked: [], valid: [] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const [kind, token] of [["unknown", unknown], ["revoked", revoked], ["valid", valid]] as const) {
        const started = performance.now();
        await authenticate(db, token, CLIENT);
        if (i >= WARMUP) timings[kind].push(performance.now() - started);
      }
    }
    const row = (kind: keyof typeof timings) => ({ name: `token check: ${kind} (${bench.backend})`, p50Ms: percentile(timings[kind], 50), p95Ms: percentile(timings[kind], 95), runs: RUNS });
    const ratio = percentile(timings.unknown, 50) / percentile(timings.revoked, 50);
    return [row("unknown"), row("revoked"), row("valid"), { name: "token check: unknown ÷ revoked (p50)", ratio }];
  });
}
