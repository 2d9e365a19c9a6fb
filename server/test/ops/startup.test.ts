import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../src/bootstrap";
import { openDatabase } from "../../src/db/client";
import { EnvError, parseEnv } from "../../src/env";
import { createLogger } from "../../src/lib/logger";
import { postgresUrl, scratchDatabase } from "./databases";

const base = postgresUrl();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An env for a process on an empty database: a fresh PostgreSQL database, or a PGlite in a temp DATA_DIR. */
async function emptyInstall(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "image-studio-startup-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  let url: string | undefined;
  if (base) {
    const scratch = await scratchDatabase(base);
    cleanups.push(scratch.drop);
    url = scratch.url;
  }
  const env = parseEnv({
    NODE_ENV: "test",
    DATA_DIR: dir,
    LOG_LEVEL: "silent",
    BETTER_AUTH_SECRET: "x".repeat(32),
    ...(url ? { DATABASE_URL: url } : {}),
    ...extra,
  });
  return env;
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger("info", {}, (l) => lines.push(JSON.parse(l) as Record<string, unknown>)) };
}

describe("database at start-up", () => {
  it("migrates an empty database by default", async () => {
    const env = await emptyInstall();
    const db = await openMigratedDatabase(env, capturingLogger().log);
    expect(await db.pendingMigrations()).toEqual([]);
    await db.close();
  });

  it("with MIGRATE_ON_START=false refuses an unmigrated database, naming the deploy step, and starts once it ran", async () => {
    const env = await emptyInstall({ MIGRATE_ON_START: "false" });
    const refused = openMigratedDatabase(env, capturingLogger().log);
    await expect(refused).rejects.toThrow(EnvError);
    await expect(refused).rejects.toThrow(/MIGRATE_ON_START=false.*pnpm db:migrate/s);
    // The deploy step (what `pnpm db:migrate` runs), then the process starts without migrating.
    const migrator = await openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite"),
    });
    expect((await migrator.pendingMigrations()).length).toBeGreaterThan(0);
    await migrator.migrate();
    await migrator.close();
    const db = await openMigratedDatabase(env, capturingLogger().log);
    expect(await db.pendingMigrations()).toEqual([]);
    await db.close();
  });

  it("logs and reports a failing migration with the database's own cause", async () => {
    const env = await emptyInstall();
    // Something already in the way of the first migration's tables: PostgreSQL answers 42P07 (duplicate table).
    const blocker = await openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite"),
    });
    await blocker.db.execute(sql`create table users (id int)`);
    await blocker.close();
    const { lines, log } = capturingLogger();
    const failed = openMigratedDatabase(env, log);
    await expect(failed).rejects.toThrow(/relation "users" already exists.*code 42P07/);
    const logged = lines.find((l) => l.msg === "database start-up failed");
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain("Failed query");
    expect((logged!.err as { cause?: { code?: string; message?: string } }).cause).toMatchObject({
      code: "42P07",
      message: expect.stringContaining('"users" already exists'),
    });
  });
});
