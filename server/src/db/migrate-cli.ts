import path from "node:path";
import { env as loadEnv, EnvError } from "../env";
import { describeError } from "../lib/error-details";
import { createLogger } from "../lib/logger";
import { openDatabase } from "./client";
import { seedDatabase } from "./seed";

/**
 * The deploy step: `pnpm db:migrate` / `node server/dist/migrate.js`. Applies pending migrations under the
 * migration lock (safe to run while other processes start), loads the model catalog, and exits. Run it before
 * starting processes with MIGRATE_ON_START=false.
 */
async function main() {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL).child({ process: "migrate" });
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite"),
  });
  try {
    await database.migrate(log);
    const left = await database.pendingMigrations();
    if (left.length) throw new Error(`migrations still pending after migrating: ${left.join(", ")}`);
    await seedDatabase(database.db);
    log.info("database schema is up to date", { database: database.kind });
  } catch (err) {
    log.error("migration failed", { err });
    throw err;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof EnvError ? `${err.message}\n` : `Migration failed: ${describeError(err)}\n`);
  process.exit(1);
});
