#!/usr/bin/env node
/**
 * Batch benchmark: one 200-job batch on the local engine — how long queuing it takes, time to the first image,
 * total time, and the queue's overhead per job (enqueue → submit; free slot → next job submitted), p50/p95.
 * PGlite by default; PostgreSQL with DATABASE_URL=postgres://…  (runs under tsx: it imports the server's TS).
 *
 *   pnpm bench:batch
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:batch
 *   JOBS=500 WORKERS=2 CONCURRENCY=4 pnpm bench:batch
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabaseUrl } from "./lib/fresh-database.ts";
import { batchRequestSchema } from "../shared/src/index.ts";
import { openDatabase } from "../server/src/db/client.ts";
import { seedDatabase } from "../server/src/db/seed.ts";
import { users } from "../server/src/db/schema/index.ts";
import { parseEnv } from "../server/src/env.ts";
import { EventBus } from "../server/src/jobs/events.ts";
import { Worker } from "../server/src/jobs/worker.ts";
import { systemClock } from "../server/src/lib/clock.ts";
import { createLogger } from "../server/src/lib/logger.ts";
import * as batches from "../server/src/modules/batch/batch.service.ts";
import { ModelCatalog } from "../server/src/modules/models/models.service.ts";
import { LocalProvider } from "../server/src/providers/local/index.ts";
import { ProviderRegistry } from "../server/src/providers/registry.ts";
import { createStorage } from "../server/src/storage/index.ts";

const JOBS = Number(process.env.JOBS ?? 200);
const WORKERS = Number(process.env.WORKERS ?? 1);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const STEP_MS = Number(process.env.STEP_MS ?? 0);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (n) => `${n.toFixed(1)} ms`;

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-batch-"));
  const pgBase = process.env.DATABASE_URL;
  const fresh = pgBase ? await freshDatabaseUrl(pgBase, "image_studio_bench_batch") : undefined;
  const database = await openDatabase({ url: fresh?.url, poolSize: 10 });
  await database.migrate();
  await seedDatabase(database.db);
  const env = parseEnv({
    DATA_DIR: tmp,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
    BATCH_MAX_JOBS: String(Math.max(500, JOBS)),
    USER_CONCURRENCY: String(CONCURRENCY * WORKERS),
    WORKER_CONCURRENCY: String(CONCURRENCY),
  });
  const log = createLogger("silent");
  const providers = new ProviderRegistry(
    new LocalProvider({ stepMs: STEP_MS, concurrency: CONCURRENCY * WORKERS }),
    undefined,
  );
  const events = new EventBus(database.pool, log);
  await events.start();
  const deps = {
    env,
    database,
    storage: createStorage({ driver: "local", root: path.join(tmp, "objects") }),
    log,
    clock: systemClock,
    version: "bench",
    providers,
    events,
    catalog: new ModelCatalog(database.db, providers),
  };
  const [user] = await database.db
    .insert(users)
    .values({ name: "Bench", email: `bench-${Date.now()}@example.test`, creditsBalance: 1_000_000 })
    .returning();
  const ctx = {
    db: database.db,
    deps,
    user: { id: user.id, email: user.email, name: "Bench", role: "user" },
    log,
    now: new Date(),
  };

  const started = [];
  const completed = [];
  let batchDone;
  const finished = new Promise((r) => (batchDone = r));
  let batchId;
  events.subscribe(user.id, (e) => {
    const t = performance.now();
    if (e.type === "started") started.push(t);
    if (e.type === "completed" || e.type === "failed") completed.push(t);
    if (e.type === "batch" && e.batchId === batchId && ["completed", "failed", "cancelled"].includes(e.status))
      batchDone();
  });
  await deps.catalog.list();
  const workers = Array.from(
    { length: WORKERS },
    () =>
      new Worker(deps, { concurrency: CONCURRENCY, userConcurrency: CONCURRENCY * WORKERS, pollMs: 10, idleMs: 100 }),
  );
  workers.forEach((w) => w.start());

  const body = batchRequestSchema.parse({
    name: "bench",
    modelId: "local/sketch-fast",
    template: "bench {a|b|c|d|e} {v}",
    variables: { v: Array.from({ length: Math.ceil(JOBS / 5) }, (_, i) => `value ${i}`) },
    parameters: { width: 64, height: 64 },
  });
  const t0 = performance.now();
  const { batch } = await batches.create(ctx, body);
  batchId = batch.id;
  const queued = performance.now();
  await finished;
  const t1 = performance.now();
  const total = batch.total;

  // Queue overhead: enqueue → submit for every job; and how fast a freed slot is refilled (completion → next start).
  const toSubmit = started.map((t) => t - queued);
  const refill = [];
  const ends = [...completed].sort((a, b) => a - b);
  for (const s of started.slice(CONCURRENCY * WORKERS)) {
    const prev = ends.filter((c) => c <= s).at(-1);
    if (prev !== undefined) refill.push(s - prev);
  }

  console.log(
    `batch benchmark — ${database.kind}, one ${total}-job batch, ${WORKERS} worker(s) × ${CONCURRENCY} slots, local engine (64×64, stepMs ${STEP_MS})`,
  );
  console.log(`  queue the batch      ${ms(queued - t0)}   (validate, price, hold credits, insert ${total} jobs)`);
  console.log(`  first image          ${ms(Math.min(...completed) - t0)}   (from the request)`);
  console.log(`  first job submitted  ${ms(Math.min(...started) - queued)}   (after the batch was queued)`);
  console.log(
    `  total                ${((t1 - t0) / 1000).toFixed(2)} s   (${(total / ((t1 - t0) / 1000)).toFixed(1)} jobs/s)`,
  );
  console.log(
    `  enqueue → submit     p50 ${ms(pct(toSubmit, 50))}   p95 ${ms(pct(toSubmit, 95))}   (includes waiting behind the batch)`,
  );
  console.log(
    `  slot refill          p50 ${ms(pct(refill, 50))}   p95 ${ms(pct(refill, 95))}   (a job ends → the next is submitted: queue overhead per job)`,
  );

  await Promise.all(workers.map((w) => w.stop()));
  await events.stop();
  await database.close();
  await fresh?.drop();
  rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
