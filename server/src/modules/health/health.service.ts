import type { Health, Readiness } from "@image-studio/shared";
import { sql } from "drizzle-orm";
import type { Deps } from "../../context";
import { liveWorkers } from "../../jobs/instances.repo";
import { queueFigures } from "../../jobs/queue.repo";

async function timed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error, ms: Math.round(performance.now() - started) };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Readiness: the database answers. What a load balancer asks before sending this process traffic. */
export async function checkDatabase(deps: Deps): Promise<Readiness["database"]> {
  const db = await timed(() => deps.database.db.execute(sql`select 1`));
  return { ok: !db.error, kind: deps.database.kind, latencyMs: db.ms, ...(db.error ? { detail: message(db.error) } : {}) };
}

export async function checkReady(deps: Deps): Promise<Readiness> {
  const database = await checkDatabase(deps);
  return { status: database.ok ? "ready" : "unavailable", database };
}

/** The queue and the live workers: jobs due with no live worker is a stalled queue, and says so. */
async function checkJobs(deps: Deps): Promise<Pick<Health, "queue" | "workers">> {
  const [figures, workers] = await Promise.all([queueFigures(deps.database.db), liveWorkers(deps.database.db, deps.env.WORKER_LEASE_MS)]);
  const oldest = figures.oldestWaitSeconds === null ? null : Math.round(figures.oldestWaitSeconds);
  const stalled = figures.runnable > 0 && workers.count === 0;
  const noWorker = "No live worker: start one (`pnpm worker`) or run the API with WORKER_IN_PROCESS=true";
  return {
    queue: {
      ok: !stalled,
      pending: figures.pending,
      running: figures.running,
      oldestPendingAgeSeconds: oldest,
      ...(stalled ? { detail: `Stalled: ${figures.runnable} job(s) waiting for ${oldest ?? 0}s and no live worker` } : {}),
    },
    workers: {
      ok: workers.count > 0 || figures.runnable === 0,
      live: workers.count,
      capacity: workers.capacity,
      activeJobs: workers.active,
      ...(workers.count === 0 ? { detail: noWorker } : {}),
    },
  };
}

const unknownJobs = (detail: string): Pick<Health, "queue" | "workers"> => ({
  queue: { ok: false, pending: 0, running: 0, oldestPendingAgeSeconds: null, detail },
  workers: { ok: false, live: 0, capacity: 0, activeJobs: 0, detail },
});

export async function checkHealth(deps: Deps): Promise<Health> {
  const [database, storage, jobs] = await Promise.all([checkDatabase(deps), timed(() => deps.storage.check()), timed(() => checkJobs(deps))]);
  const storageOk = !storage.error && storage.value?.ok === true;
  const falConfigured = Boolean(deps.env.FAL_KEY);
  const health: Health = {
    status: "ok",
    version: deps.version,
    uptimeSeconds: Math.round(process.uptime()),
    database,
    storage: {
      ok: storageOk,
      kind: deps.storage.kind,
      latencyMs: storage.ms,
      ...(storageOk ? {} : { detail: storage.error ? message(storage.error) : storage.value?.detail }),
    },
    imageEngine: {
      ok: true,
      kind: falConfigured ? "fal" : "local",
      label: falConfigured ? "fal.ai" : "Local sketch engine (not AI)",
    },
    mail: { ok: true, kind: deps.env.SMTP_URL ? "smtp" : "dev-mailbox" },
    ...(jobs.value ?? unknownJobs(`Queue unreadable: ${message(jobs.error)}`)),
  };
  if (!health.database.ok || !health.storage.ok || !health.queue.ok) health.status = "degraded";
  return health;
}
