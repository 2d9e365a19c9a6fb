import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

/** The advisory lock key every process migrating this database takes (any fixed 64-bit number). */
export const MIGRATION_LOCK_KEY = 7_215_030_721_501_001n;

export interface MigrateLog {
  info(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Applies the migrations while holding a session-level PostgreSQL advisory lock on one dedicated connection.
 * Processes started at once on an empty database take turns: the first migrates, the others wait, then find
 * nothing left to do. Without it they race on `CREATE EXTENSION` / `CREATE SCHEMA` and all but one fail.
 */
export async function migratePostgresLocked(pool: pg.Pool, migrationsFolder: string, log?: MigrateLog): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [
      MIGRATION_LOCK_KEY.toString(),
    ]);
    if (!rows[0]?.ok) {
      log?.info("another process is migrating the database; waiting for it");
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client
        .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()])
        .catch((err: Error) => (broken = err));
    }
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    // A connection in an unknown state (failed unlock, aborted transaction) is closed, which also frees the lock.
    client.release(broken);
  }
}

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Tags of the migrations in the folder this database has not applied yet (drizzle compares journal timestamps). */
export async function pendingMigrations(query: Query, migrationsFolder: string): Promise<string[]> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  const exists = await query("select to_regclass('drizzle.__drizzle_migrations') is not null as ok");
  let last = -1;
  if (exists.rows[0]?.ok) {
    const { rows } = await query(
      "select coalesce(max(created_at), -1)::text as last from drizzle.__drizzle_migrations",
    );
    last = Number(rows[0]?.last ?? -1);
  }
  return journal.entries.filter((e) => e.when > last).map((e) => e.tag);
}
