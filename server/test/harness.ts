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
import { seedDatabase } from "../src/db/seed";
import { EventBus } from "../src/jobs/events";
import { ModelCatalog } from "../src/modules/models/models.service";
import { FalProvider } from "../src/providers/fal";
import { LocalProvider } from "../src/providers/local";
import { ProviderRegistry } from "../src/providers/registry";

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
    await seedDatabase(db.db);
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
  const db = await database();
  const log = createLogger("silent");
  // The local engine runs fast in tests; fal points at whatever FAL_QUEUE_URL the test gives (a local fake).
  const providers = new ProviderRegistry(
    new LocalProvider({ stepMs: 5 }),
    env.FAL_KEY ? new FalProvider({ key: env.FAL_KEY, queueUrl: env.FAL_QUEUE_URL, logger: log }) : undefined,
  );
  const events = new EventBus(undefined, log);
  const deps: Deps = {
    env,
    database: db,
    storage: testStorage(tmp),
    log,
    clock: systemClock,
    version: "test",
    providers,
    events,
    catalog: new ModelCatalog(db.db, providers),
  };
  const app = createApp(deps);
  return {
    deps,
    app,
    request: (p, init) => Promise.resolve(app.request(p, init)),
    close: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}
