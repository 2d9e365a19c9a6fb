import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client";

/** The run's PostgreSQL server (TEST_DATABASE_URL), or undefined on PGlite. */
export const postgresUrl = (): string | undefined => inject("databaseUrl") || undefined;

let snapshot: Blob | undefined;

/**
 * An in-memory PGlite started from the run's migrated data directory (global-setup makes it once; an empty PGlite
 * spends seconds in initdb). Callers still run migrate(), which then finds nothing to do.
 */
export async function openPglite(): Promise<Database> {
  const file = inject("pgliteSnapshot");
  if (file) snapshot ??= new Blob([readFileSync(file)]);
  return openDatabase({ loadDataDir: snapshot });
}

/** A fresh, empty database on the test server (nothing migrated), dropped by the returned drop(). */
export async function scratchDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `image_studio_scratch_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A migrated database of the test's own, for checks that read whole-table figures (queue depth, live processes)
 * which other test files sharing the run's PostgreSQL database would disturb. PGlite: a new in-memory one.
 */
export async function isolatedDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const base = postgresUrl();
  if (!base) {
    const database = await openPglite();
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const scratch = await scratchDatabase(base);
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  await database.migrate();
  return {
    database,
    url: scratch.url,
    drop: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}
