import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Deps } from "../../context";
import { queueFigures, storedBytes } from "./metrics.repo";

/** Seconds between storage-size queries (a sum over every image): scrapes in between reuse the last figure. */
const STORAGE_REFRESH_MS = 60_000;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const JOB_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800];

/**
 * One process's Prometheus metrics (the set is documented in docs/deploy.md). Per-process: HTTP, jobs this
 * process finished, provider errors it saw, sync requests. Cluster-wide (read from the database at scrape time,
 * the same on every process — aggregate with max(), not sum()): queue depth, oldest pending job, storage bytes.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: "image_studio_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "image_studio_http_request_duration_seconds",
    help: "Time to the response headers (streamed bodies continue after), by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  readonly syncRequests = new Counter({
    name: "image_studio_sync_requests_total",
    help: "Offline sync requests, by direction (push, pull) and status",
    labelNames: ["direction", "status"] as const,
    registers: [this.registry],
  });
  readonly jobRunSeconds = new Histogram({
    name: "image_studio_job_run_seconds",
    help: "Jobs finished by this process: first start to end, by model and final status",
    labelNames: ["model", "status"] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  readonly jobTotalSeconds = new Histogram({
    name: "image_studio_job_total_seconds",
    help: "Jobs finished by this process: queued to end (waiting included), by model and final status",
    labelNames: ["model", "status"] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  readonly providerErrors = new Counter({
    name: "image_studio_provider_errors_total",
    help: "Errors from an image engine call, by engine, call and error kind",
    labelNames: ["provider", "call", "kind"] as const,
    registers: [this.registry],
  });

  constructor(deps: Deps) {
    collectDefaultMetrics({ register: this.registry, prefix: "image_studio_" });
    const db = () => deps.database.db;
    // A scrape collects the three queue gauges together: they share one query round while it is in flight.
    let queue: ReturnType<typeof queueFigures> | undefined;
    const queueNow = () => (queue ??= queueFigures(db()).finally(() => (queue = undefined)));
    new Gauge({
      name: "image_studio_queue_jobs",
      help: "Jobs waiting (pending) or running (processing) in the shared queue, by model (cluster-wide)",
      labelNames: ["status", "model"] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of (await queueNow()).byModel) this.set({ status: r.status, model: r.modelId }, r.n);
      },
    });
    new Gauge({
      name: "image_studio_queue_oldest_pending_seconds",
      help: "Age of the oldest job due to run and still pending; 0 when none (cluster-wide)",
      registers: [this.registry],
      async collect() {
        this.set((await queueNow()).oldestPendingSeconds);
      },
    });
    new Gauge({
      name: "image_studio_queue_expired_leases",
      help: "Running jobs whose worker stopped renewing the lease (crashed or stalled) (cluster-wide)",
      registers: [this.registry],
      async collect() {
        this.set((await queueNow()).expiredLeases);
      },
    });
    let storage: { at: number; value: Promise<Awaited<ReturnType<typeof storedBytes>>> } | undefined;
    const storageFigures = () => {
      if (!storage || Date.now() - storage.at > STORAGE_REFRESH_MS)
        storage = { at: Date.now(), value: storedBytes(db()) };
      return storage.value;
    };
    new Gauge({
      name: "image_studio_storage_bytes",
      help: "Bytes of stored originals, live or in the trash, each object once (cluster-wide, refreshed every 60 s)",
      labelNames: ["state"] as const,
      registers: [this.registry],
      async collect() {
        const s = await storageFigures();
        this.set({ state: "live" }, s.liveBytes);
        this.set({ state: "trash" }, s.trashBytes);
      },
    });
  }
}

const byDeps = new WeakMap<Deps, AppMetrics>();

/** The metrics of one process's services (one registry per deps, so test apps don't share counters). */
export function metricsFor(deps: Deps): AppMetrics {
  let m = byDeps.get(deps);
  if (!m) {
    m = new AppMetrics(deps);
    byDeps.set(deps, m);
  }
  return m;
}
