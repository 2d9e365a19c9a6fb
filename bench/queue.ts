/**
 * Queue benchmark: enqueue latency, enqueue → submit latency (p50/p95) and throughput of the durable queue,
 * with the local engine drawing small images. "Submit" is the moment the engine accepted the job; the "started"
 * event a subscriber receives comes one write later (the stored request id) and is printed beside it. PGlite by default; PostgreSQL with DATABASE_URL=postgres://…
 *
 *   pnpm bench:queue            # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:queue
 *   JOBS=400 WORKERS=2 IDLE_JOBS=40 WARM_UP_JOBS=3 pnpm bench:queue
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabaseUrl } from "./lib/fresh-database";
import type { Deps } from "../server/src/context";
import { openDatabase } from "../server/src/db/client";
import { seedDatabase } from "../server/src/db/seed";
import { users } from "../server/src/db/schema";
import { parseEnv } from "../server/src/env";
import { EventBus } from "../server/src/jobs/events";
import { Worker } from "../server/src/jobs/worker";
import { systemClock } from "../server/src/lib/clock";
import { createLogger } from "../server/src/lib/logger";
import { enqueue } from "../server/src/modules/generation/generation.service";
import { ModelCatalog } from "../server/src/modules/models/models.service";
import { LocalProvider } from "../server/src/providers/local";
import { ProviderRegistry } from "../server/src/providers/registry";
import { createStorage } from "../server/src/storage";

const JOBS = Number(process.env.JOBS ?? 200);
const WORKERS = Number(process.env.WORKERS ?? 2);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-queue-"));
  const pgBase = process.env.DATABASE_URL;
  const fresh = pgBase ? await freshDatabaseUrl(pgBase) : undefined;
  const database = await openDatabase({ url: fresh?.url, poolSize: 10 });
  await database.migrate();
  await seedDatabase(database.db);
  const env = parseEnv({ DATA_DIR: tmp, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01" });
  const log = createLogger("silent");
  const engine = new LocalProvider({ stepMs: 0, concurrency: CONCURRENCY * WORKERS });
  // When the engine has accepted a job (the moment the figure is named after), keyed by its unique prompt.
  const submittedAt = new Map<string, number>();
  const submit = engine.submit.bind(engine);
  engine.submit = async (input, opts) => {
    const accepted = await submit(input, opts);
    submittedAt.set(input.prompt, performance.now());
    return accepted;
  };
  const providers = new ProviderRegistry(engine, undefined);
  const events = new EventBus(database.pool, log);
  await events.start();
  const deps: Deps = {
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
  const [user] = await database.db.insert(users).values({ name: "Bench", email: `bench-${Date.now()}@example.test`, creditsBalance: 1_000_000 }).returning();
  const ctx = { db: database.db, deps, user: { id: user!.id, email: user!.email, name: "Bench", role: "user" }, log, now: new Date() };

  const enqueuedAt = new Map<string, number>();
  const startedAt = new Map<string, number>();
  const completedAt = new Map<string, number>();
  events.subscribe(user!.id, (e) => {
    if (e.type === "started") startedAt.set(e.jobId, performance.now());
    if (e.type === "completed" || e.type === "failed") completedAt.set(e.jobId, performance.now());
  });

  const IDLE = Number(process.env.IDLE_JOBS ?? 40);
  const WARM_UP = Number(process.env.WARM_UP_JOBS ?? 3);
  const enqueueMs: number[] = [];
  const idleEnqueue: number[] = [];
  const idleToSubmit: number[] = [];
  const idleToStarted: number[] = [];
  const workers = Array.from({ length: WORKERS }, () => new Worker(deps, { concurrency: CONCURRENCY, userConcurrency: 1000, pollMs: 10, idleMs: 100 }));
  workers.forEach((w) => w.start());
  // Phase 1 — an idle queue: one job at a time, how long until a worker has submitted it to the engine. The first
  // jobs after the process starts are not counted (printed apart): they pay for compiling the code paths and for
  // PostgreSQL's first parse and plan of each statement. Counted, they were the p95 of 30 (the second-slowest):
  // 89 and 58 ms against ≤ 33 ms for every later job on a 2-core machine (docs/decisions/performance.md, session 26).
  const idleJob = async (prompt: string) => {
    const s = performance.now();
    const { job } = await enqueue(ctx, { operation: "text-to-image", prompt, negativePrompt: "", modelId: "local/sketch-fast", parameters: { width: 64, height: 64 } });
    const enqueued = performance.now() - s;
    while (!startedAt.has(job.id)) await new Promise((r) => setTimeout(r, 1));
    const result = { enqueued, submitted: submittedAt.get(prompt)! - s, started: startedAt.get(job.id)! - s };
    while (!completedAt.has(job.id)) await new Promise((r) => setTimeout(r, 2));
    return result;
  };
  const warmUp: number[] = [];
  for (let i = 0; i < WARM_UP; i++) warmUp.push((await idleJob(`warm-up ${i}`)).submitted);
  for (let i = 0; i < IDLE; i++) {
    const { enqueued, submitted, started } = await idleJob(`idle ${i}`);
    idleEnqueue.push(enqueued);
    idleToSubmit.push(submitted);
    idleToStarted.push(started);
  }
  completedAt.clear();
  // Phase 2 — a burst: JOBS enqueued back to back, drained by the workers.
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    const s = performance.now();
    const { job } = await enqueue(ctx, { operation: "text-to-image", prompt: `bench ${i}`, negativePrompt: "", modelId: "local/sketch-fast", parameters: { width: 64, height: 64 } });
    enqueuedAt.set(job.id, s);
    enqueueMs.push(performance.now() - s);
  }
  while (completedAt.size < JOBS) await new Promise((r) => setTimeout(r, 20));
  const total = (performance.now() - t0) / 1000;
  const toSubmit = [...startedAt].map(([id, t]) => t - enqueuedAt.get(id)!);

  console.log(`queue benchmark — ${database.kind}, ${JOBS} jobs, ${WORKERS} workers × ${CONCURRENCY} slots, local engine (64×64)`);
  console.log(`  enqueue latency      p50 ${ms(pct(enqueueMs, 50))}   p95 ${ms(pct(enqueueMs, 95))}`);
  console.log(`  enqueue → submit     p50 ${ms(pct(idleToSubmit, 50))}   p95 ${ms(pct(idleToSubmit, 95))}   (idle queue, ${IDLE} jobs one at a time; from the enqueue call to the engine accepting the job)`);
  console.log(`    of which enqueue   p50 ${ms(pct(idleEnqueue, 50))}   p95 ${ms(pct(idleEnqueue, 95))}   (the call itself: checks, the job and its credit hold in one transaction)`);
  if (WARM_UP) console.log(`    first ${WARM_UP} jobs after start (not counted above): ${warmUp.map((x) => ms(x)).join(", ")}`);
  console.log(`  enqueue → "started"  p50 ${ms(pct(idleToStarted, 50))}   p95 ${ms(pct(idleToStarted, 95))}   (idle queue: the event a subscriber gets, after the request id is stored)`);
  console.log(`  enqueue → submit     p50 ${ms(pct(toSubmit, 50))}   p95 ${ms(pct(toSubmit, 95))}   (burst: includes waiting behind the backlog)`);
  console.log(`  throughput           ${(JOBS / total).toFixed(1)} jobs/s (${total.toFixed(1)} s total)`);

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
