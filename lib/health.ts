import { getDatabase } from "@/db/client";

export type Health = { ok: true; database: "ok" } | { ok: false; database: "unavailable"; reason: string };

const TIMEOUT_MS = 3000;

/** Checks that the database answers within a few seconds; never throws. */
export async function checkHealth(): Promise<Health> {
  try {
    const handle = await withTimeout(getDatabase(), "opening the database");
    await withTimeout(handle.ping(), "querying the database");
    return { ok: true, database: "ok" };
  } catch (error) {
    return { ok: false, database: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${TIMEOUT_MS} ms ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
