import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client";

/**
 * With TEST_DATABASE_URL set (CI does), every run gets a fresh PostgreSQL database, migrated once;
 * test files share it and each test makes its own users. Without it, each test process uses an in-memory PGlite
 * (harness.ts), started from one migrated data directory made here (an empty PGlite spends seconds in initdb; a
 * copy loads in a fraction).
 */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("databaseUrl", "");
    const dir = mkdtempSync(path.join(os.tmpdir(), "image-studio-pglite-"));
    const file = path.join(dir, "migrated.tar");
    const database = await openDatabase({});
    await database.migrate();
    const dump = await database.dumpDataDir!();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide("pgliteSnapshot", file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  project.provide("pgliteSnapshot", "");
  const name = `image_studio_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await database.migrate();
  await database.close();
  project.provide("databaseUrl", url.toString());

  return async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A migrated PGlite data directory (tar) to start each file's database from; empty on PostgreSQL. */
    pgliteSnapshot: string;
  }
}
