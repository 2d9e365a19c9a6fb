import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Deps } from "../context";
import { batchJobEnded } from "../modules/batch/batch.progress";
import { runJob } from "./process-job";
import { claimNext, pendingPositions } from "./queue.repo";
import { releaseOwned } from "./release.repo";

/** Waiting jobs told their new position after each claim; later ones learn it when they poll. */
const POSITION_UPDATES = 50;
/** Defaults of WORKER_LEASE_MS / WORKER_HEARTBEAT_MS: a dead worker's job is taken over within ~15 s. */
export const DEFAULT_LEASE_MS = 15_000;
export const DEFAULT_HEARTBEAT_MS = 5_000;

export interface WorkerOptions {
  concurrency: number;
  userConcurrency: number;
  /** How long a claimed job stays this worker's without a renewal. */
  leaseMs?: number;
  /** How often running jobs' leases are renewed (default: a third of the lease). */
  heartbeatMs?: number;
  pollMs?: number;
  /** How often to look for due jobs without a wake-up (retries, expired leases). */
  idleMs?: number;
}

/**
 * Claims and runs jobs. Runs inside the API process by default, or alone via `pnpm worker`; any number of
 * workers on any number of machines can share one database.
 */
export class Worker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = new Set<Promise<void>>();
  private stopped = true;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private ticking = false;
  /** A wake-up (or a finished job) asked for a look while one was under way: look again when it ends. */
  private lookAgain = false;
  private pokes = new Set<() => void>();
  private stopHooks: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly deps: Deps,
    private readonly opts: WorkerOptions,
  ) {}

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.deps.events.onWake(() => {
      this.pokeAll();
      void this.tick();
    });
    this.timer = setInterval(() => void this.tick(), this.opts.idleMs ?? 1000);
    void this.tick();
  }

  /**
   * Stops claiming and lets running jobs finish for up to `timeoutMs` (SHUTDOWN_DRAIN_SECONDS by default); jobs
   * still running then are released — pending again, lease cleared — so another worker takes them over at once
   * instead of after the lease. Resolves with the number released.
   */
  async stop(timeoutMs = this.deps.env.SHUTDOWN_DRAIN_SECONDS * 1000): Promise<number> {
    this.stopped = true;
    await Promise.all(this.stopHooks.splice(0).map((h) => h().catch(() => {})));
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.pokeAll();
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    // Also after a full drain: a claim that was in flight when stop() began may have landed since.
    const released = await releaseOwned(this.deps.database.db, this.id);
    for (const job of released) this.deps.events.publish(job.userId, { type: "queued", jobId: job.id });
    if (released.length) this.deps.events.wakeWorkers();
    if (released.length || !drained) this.deps.log.info("worker released its unfinished jobs", { id: this.id, jobs: released.map((j) => j.id) });
    return released.length;
  }

  /** Something the worker process runs beside the jobs (webhook deliveries), stopped with it. */
  onStop(hook: () => Promise<unknown>) {
    this.stopHooks.push(hook);
  }

  get activeJobs() {
    return this.running.size;
  }

  /** Started and not stopped: claiming jobs. */
  get isRunning() {
    return !this.stopped;
  }

  get concurrency() {
    return this.opts.concurrency;
  }

  private get leaseMs() {
    return this.opts.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private pokeAll() {
    for (const p of [...this.pokes]) p();
  }

  private waitForPoke = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.pokes.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.pokes.add(done);
    });

  /**
   * Fills free slots with claimed jobs. A call while a look is under way is not dropped: that look may have read the
   * queue before the job that woke this call was committed, so another look follows it (otherwise the job waited for
   * the idle timer: a second by default).
   */
  async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.ticking) {
      this.lookAgain = true;
      return;
    }
    this.ticking = true;
    try {
      do {
        this.lookAgain = false;
        await this.claimFreeSlots();
      } while (this.lookAgain && !this.stopped);
    } finally {
      this.ticking = false;
    }
  }

  private async claimFreeSlots(): Promise<void> {
    let claimed = 0;
    try {
      while (!this.stopped && this.running.size < this.opts.concurrency) {
        const job = await claimNext(this.deps.database.db, this.id, this.leaseMs, this.opts.userConcurrency, this.deps.clock.now());
        if (!job) break;
        claimed++;
        const p = runJob(this.deps, job, {
          workerId: this.id,
          leaseMs: this.leaseMs,
          heartbeatMs: this.opts.heartbeatMs ?? Math.floor(this.leaseMs / 3),
          pollMs: this.opts.pollMs ?? (this.deps.webhookUrl ? 5000 : 500),
          waitForPoke: this.waitForPoke,
        })
          .catch((err) => this.deps.log.error("job runner crashed", { jobId: job.id, requestId: job.requestId ?? undefined, err }))
          .finally(() => {
            this.running.delete(p);
            void this.tick();
            // A batch's job ended (or went back to wait): its progress event, and its end once.
            if (job.batchId) void batchJobEnded(this.deps, job.batchId).catch((err) => this.deps.log.warn("batch progress failed", { batchId: job.batchId, err }));
          });
        this.running.add(p);
      }
      if (claimed) await this.publishPositions();
    } catch (err) {
      this.deps.log.error("claiming jobs failed", { err });
    }
  }

  /** Jobs left the waiting line: tell the owners of the next waiting jobs where theirs now stand. */
  private async publishPositions(): Promise<void> {
    for (const p of await pendingPositions(this.deps.database.db, POSITION_UPDATES)) {
      this.deps.events.publish(p.userId, { type: "position", jobId: p.id, queuePosition: p.position });
    }
  }
}
