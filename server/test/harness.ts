import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createApp } from "../src/app";
import type { Deps } from "../src/context";
import { type Database, openDatabase } from "../src/db/client";
import { parseEnv } from "../src/env";
import { systemClock } from "../src/lib/clock";
import { createLogger } from "../src/lib/logger";
import { createStorage } from "../src/storage";

export interface TestApp {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
}

let shared: Promise<Database> | undefined;

/** One database per test file: the run's PostgreSQL database, or an in-memory PGlite migrated here. */
async function database(): Promise<Database> {
  shared ??= (async () => {
    const url = inject("databaseUrl") || undefined;
    const db = await openDatabase({ url, poolSize: 4 });
    if (!url) await db.migrate();
    return db;
  })();
  return shared;
}

/** Storage for tests: the S3 test server when S3_TEST_ENDPOINT is set, else a temp directory. */
function testStorage(tmp: string) {
  const endpoint = process.env.S3_TEST_ENDPOINT;
  if (endpoint) {
    return createStorage({
      driver: "s3",
      endpoint,
      region: process.env.S3_TEST_REGION ?? "us-east-1",
      bucket: `${process.env.S3_TEST_BUCKET ?? "image-studio-test"}-${randomUUID().slice(0, 8)}`,
      accessKeyId: process.env.S3_TEST_ACCESS_KEY ?? "S3RVER",
      secretAccessKey: process.env.S3_TEST_SECRET_KEY ?? "S3RVER",
      forcePathStyle: true,
    });
  }
  return createStorage({ driver: "local", root: path.join(tmp, "objects") });
}

export async function createTestApp(envOverrides: Record<string, string> = {}): Promise<TestApp> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "image-studio-test-"));
  const env = parseEnv({
    NODE_ENV: "test",
    DATA_DIR: tmp,
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    APP_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
    WORKER_IN_PROCESS: "false",
    ...envOverrides,
  });
  const deps: Deps = {
    env,
    database: await database(),
    storage: testStorage(tmp),
    log: createLogger("silent"),
    clock: systemClock,
    version: "test",
  };
  const app = createApp(deps);
  return {
    deps,
    app,
    request: (p, init) => Promise.resolve(app.request(p, init)),
    close: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}
