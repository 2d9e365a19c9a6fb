import path from "node:path";
import type { Deps } from "./context";
import { openDatabase } from "./db/client";
import { seedDatabase } from "./db/seed";
import type { Env } from "./env";
import { EventBus } from "./jobs/events";
import { Worker } from "./jobs/worker";
import { systemClock } from "./lib/clock";
import { createLogger, type Logger } from "./lib/logger";
import { ModelCatalog } from "./modules/models/models.service";
import { FalProvider } from "./providers/fal";
import { LocalProvider } from "./providers/local";
import { ProviderRegistry } from "./providers/registry";
import { createStorage } from "./storage";
import { VERSION } from "./version";

/** fal can only call us back at a public URL: webhooks in "auto" mode only when APP_URL is not local. */
export function webhookUrlFor(env: Env): string | undefined {
  if (!env.FAL_KEY || env.FAL_WEBHOOKS === "off") return undefined;
  const url = new URL("/api/webhooks/fal", env.APP_URL);
  const local = /^(localhost|127\.|0\.0\.0\.0|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[::1\])/.test(url.hostname) || url.hostname.endsWith(".local");
  if (env.FAL_WEBHOOKS === "auto" && local) return undefined;
  return url.toString();
}

export function createProviders(env: Env, log: Logger): ProviderRegistry {
  const local = new LocalProvider();
  const fal = env.FAL_KEY ? new FalProvider({ key: env.FAL_KEY, queueUrl: env.FAL_QUEUE_URL, logger: log }) : undefined;
  return new ProviderRegistry(local, fal);
}

/** Opens every service a process needs, migrating and seeding the database first. Shared by the API and the worker. */
export async function createDeps(env: Env, log: Logger = createLogger(env.LOG_LEVEL)): Promise<Deps> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite") });
  await database.migrate();
  await seedDatabase(database.db);
  const storage = createStorage(env.storage);
  const events = new EventBus(database.pool, log);
  await events.start();
  const providers = createProviders(env, log);
  log.info("services ready", {
    database: database.kind,
    storage: storage.kind,
    imageEngine: env.FAL_KEY ? "fal" : "local",
    mail: env.SMTP_URL ? "smtp" : "dev-mailbox",
  });
  return {
    env,
    database,
    storage,
    log,
    clock: systemClock,
    version: VERSION,
    providers,
    events,
    catalog: new ModelCatalog(database.db, providers),
    webhookUrl: webhookUrlFor(env),
  };
}

export function startWorker(deps: Deps): Worker {
  const worker = new Worker(deps, { concurrency: deps.env.WORKER_CONCURRENCY, userConcurrency: deps.env.USER_CONCURRENCY });
  worker.start();
  deps.log.info("worker started", { id: worker.id, concurrency: deps.env.WORKER_CONCURRENCY });
  return worker;
}

export async function closeDeps(deps: Deps) {
  await deps.events.stop();
  await deps.database.close();
}
