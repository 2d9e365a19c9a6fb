import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migratePostgresLocked, type MigrateLog, pendingMigrations } from "./migrate";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The driver-independent database type every repo takes. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** node-postgres pool when on PostgreSQL (LISTEN/NOTIFY needs raw clients). */
  pool?: pg.Pool;
  /** Applies pending migrations; on PostgreSQL under an advisory lock, so processes started at once take turns. */
  migrate(log?: MigrateLog): Promise<void>;
  /** Tags of migrations not applied yet (empty when the schema is current). */
  pendingMigrations(): Promise<string[]>;
  /** PGlite only: the data directory as a tar (see OpenOptions.loadDataDir). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = resolveMigrationsDir();

function resolveMigrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/db/client.ts in dev and tests; dist/index.js (migrations copied next to it) when built.
  const candidates = [path.join(here, "migrations"), path.join(here, "db", "migrations")];
  return candidates.find((c) => existsSync(path.join(c, "meta"))) ?? candidates[0]!;
}

export interface OpenOptions {
  /** PostgreSQL connection string; PGlite when absent. */
  url?: string;
  /** PGlite data directory; in-memory when absent. */
  dataDir?: string;
  /**
   * PGlite: start from this dump of a data directory (`dumpDataDir()`) instead of an empty one, skipping initdb
   * (seconds of WebAssembly). The test suites start each file's database from one migrated copy.
   */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** How every Drizzle handle on the app's databases is made (the schema, snake_case columns). */
export const drizzleConfig = { schema, casing: "snake_case" } as const;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on("error", () => {}); // idle client errors are reported by the next query
    const db = drizzlePg(pool, drizzleConfig) as unknown as Db;
    return {
      db,
      kind: "postgres",
      pool,
      migrate: (log) => migratePostgresLocked(pool, MIGRATIONS_DIR, log),
      pendingMigrations: () => pendingMigrations((q) => pool.query(q), MIGRATIONS_DIR),
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm } });
  const db = drizzlePglite(client, drizzleConfig) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    pendingMigrations: () => pendingMigrations((q) => client.query<Record<string, unknown>>(q), MIGRATIONS_DIR),
    dumpDataDir: () => client.dumpDataDir("none"),
    close: () => client.close(),
  };
}
