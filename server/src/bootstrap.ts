import path from "node:path";
import type { Deps } from "./context";
import { type Database, openDatabase } from "./db/client";
import { seedDatabase } from "./db/seed";
import { EnvError, type Env } from "./env";
import { EventBus } from "./jobs/events";
import { InstanceHeartbeat } from "./jobs/instance";
import { Worker } from "./jobs/worker";
import { describeError } from "./lib/error-details";
import { systemClock } from "./lib/clock";
import { createLogger, type Logger } from "./lib/logger";
import { startWebhookDeliveries } from "./modules/developer-webhooks/deliver";
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

/**
 * Opens the database and brings it up to date: migrates (under a lock, so processes started at once take turns)
 * unless MIGRATE_ON_START=false, then it only checks nothing is pending. A database failure is logged with its
 * cause (the PostgreSQL code and detail under drizzle's "Failed query") and rethrown with it in the message.
 */
export async function openMigratedDatabase(env: Env, log: Logger): Promise<Database> {
  let database: Database | undefined;
  try {
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite") });
    if (env.MIGRATE_ON_START) await database.migrate(log);
    else {
      const pending = await database.pendingMigrations();
      if (pending.length) {
        throw new EnvError(
          `Refusing to start: MIGRATE_ON_START=false and the database lacks ${pending.length} migration(s) (${pending.join(", ")}). ` +
            "Run `pnpm db:migrate` (or `node server/dist/migrate.js`) first.",
        );
      }
    }
    await seedDatabase(database.db);
    return database;
  } catch (err) {
    await database?.close().catch(() => {});
    throw startupFailure("database", err, log);
  }
}

/** A configuration refusal passes as is; anything else is logged with its cause and rethrown naming it. */
function startupFailure(stage: string, err: unknown, log: Logger): unknown {
  if (err instanceof EnvError) return err;
  log.error(`${stage} start-up failed`, { err });
  return new Error(`${stage[0]!.toUpperCase()}${stage.slice(1)} start-up failed: ${describeError(err)}`, { cause: err });
}

/** Registers this process in `instances` (refused beside a live process with another auth secret) and starts its heartbeat. */
async function startInstance(env: Env, database: Database, log: Logger, role: "api" | "worker"): Promise<InstanceHeartbeat> {
  const instance = new InstanceHeartbeat(database.db, { role, version: VERSION, secret: env.BETTER_AUTH_SECRET }, { heartbeatMs: env.WORKER_HEARTBEAT_MS, liveMs: env.WORKER_LEASE_MS }, log);
  try {
    await instance.start();
    return instance;
  } catch (err) {
    await database.close().catch(() => {});
    throw startupFailure("process registration", err, log);
  }
}

/** Opens every service a process needs, migrating and seeding the database first. Shared by the API and the worker. */
export async function createDeps(env: Env, log: Logger = createLogger(env.LOG_LEVEL), opts: { role?: "api" | "worker" } = {}): Promise<Deps> {
  const database = await openMigratedDatabase(env, log);
  const instance = await startInstance(env, database, log, opts.role ?? "api");
  const storage = createStorage(env.storage);
  const events = new EventBus(database.pool, log);
  await events.start().catch(async (err: unknown) => {
    await instance.stop();
    await database.close().catch(() => {});
    throw startupFailure("event bus", err, log);
  });
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
    instance,
  };
}

export function startWorker(deps: Deps): Worker {
  const { env } = deps;
  const worker = new Worker(deps, {
    concurrency: env.WORKER_CONCURRENCY,
    userConcurrency: env.USER_CONCURRENCY,
    leaseMs: env.WORKER_LEASE_MS,
    heartbeatMs: env.WORKER_HEARTBEAT_MS,
  });
  worker.start();
  const deliveries = startWebhookDeliveries(deps);
  worker.onStop(() => deliveries.stop());
  void deps.instance?.attachWorker(worker);
  deps.log.info("worker started", { id: worker.id, concurrency: env.WORKER_CONCURRENCY, leaseMs: env.WORKER_LEASE_MS, heartbeatMs: env.WORKER_HEARTBEAT_MS });
  return worker;
}

export async function closeDeps(deps: Deps) {
  await deps.instance?.stop();
  await deps.events.stop();
  await deps.database.close();
}
