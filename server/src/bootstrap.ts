import path from "node:path";
import type { Deps } from "./context";
import { openDatabase } from "./db/client";
import type { Env } from "./env";
import { systemClock } from "./lib/clock";
import { createLogger, type Logger } from "./lib/logger";
import { createStorage } from "./storage";
import { VERSION } from "./version";

/** Opens every service a process needs, migrating the database first. Shared by the API and the worker. */
export async function createDeps(env: Env, log: Logger = createLogger(env.LOG_LEVEL === "silent" ? "silent" : env.LOG_LEVEL)): Promise<Deps> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite") });
  await database.migrate();
  const storage = createStorage(env.storage);
  log.info("services ready", {
    database: database.kind,
    storage: storage.kind,
    imageEngine: env.FAL_KEY ? "fal" : "local",
    mail: env.SMTP_URL ? "smtp" : "dev-mailbox",
  });
  return { env, database, storage, log, clock: systemClock, version: VERSION };
}

export async function closeDeps(deps: Deps) {
  await deps.database.close();
}
