import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate: () => Promise<void>;
  /** Cheap round trip, for health checks. */
  ping: () => Promise<void>;
  /** Plain SQL without parameters, for tooling and tests (typed queries go through `db`). */
  query: <T>(text: string) => Promise<T[]>;
  close: () => Promise<void>;
};

/** Rows of `db.execute(sql)`: postgres.js answers an array, PGlite `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), ".data", "pglite");

/** Opens real Postgres when a URL is given, embedded PGlite otherwise (in memory without a dataDir). */
export async function openDatabase(options: { url?: string; dataDir?: string } = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // connect_timeout keeps /api/health quick when Postgres is down.
    const sql = postgres(options.url, { max: 10, connect_timeout: 5, onnotice: () => {} });
    const db = drizzle(sql, { schema });
    return {
      db,
      kind: "postgres",
      migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await sql`select 1`;
      },
      query: async <T>(text: string) => (await sql.unsafe(text)) as unknown as T[],
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create(options.dataDir);
  return pgliteHandle(client, drizzle, migrate);
}

type PGliteClient = import("@electric-sql/pglite").PGlite;

function pgliteHandle(
  client: PGliteClient,
  drizzle: typeof import("drizzle-orm/pglite").drizzle,
  migrate: typeof import("drizzle-orm/pglite/migrator").migrate,
): DatabaseHandle {
  const db = drizzle(client, { schema });
  return {
    db,
    kind: "pglite",
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await client.query("select 1");
    },
    query: async <T>(text: string) => (await client.query<T>(text)).rows,
    close: () => client.close(),
  };
}

/** Copies a (migrated) PGlite database into a fresh in-memory one: far cheaper than opening anew. */
export async function clonePglite(handle: DatabaseHandle): Promise<DatabaseHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const source = (handle.db as unknown as { $client: PGliteClient }).$client;
  return pgliteHandle((await source.clone()) as PGliteClient, drizzle, migrate);
}

const globalForDb = globalThis as unknown as { shelfDatabase?: Promise<DatabaseHandle> };

/**
 * The process-wide database. Kept on globalThis so dev reloads reuse it: PGlite allows one process
 * per data directory, and each open costs seconds.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.shelfDatabase ??= connect().catch((error) => {
    globalForDb.shelfDatabase = undefined;
    throw error;
  });
  return globalForDb.shelfDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

async function connect(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = await openDatabase(url ? { url } : { dataDir: process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR });
  // The embedded database is the developer's own: keep it current. Shared Postgres migrates as a
  // deploy step (npm run db:migrate) unless asked to here.
  if (handle.kind === "pglite" || process.env.MIGRATE_ON_START === "1") await handle.migrate();
  const close = () => void handle.close().catch(() => {});
  process.once("beforeExit", close);
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
  return handle;
}
