import { SYNC_PULL_LIMIT_DEFAULT, SYNC_PUSH_MAX } from "@image-studio/shared";
import { ApiError } from "@/lib/api";
import { applyPage, failBatch, revertEntity, settleResults } from "./apply";
import { backoffDelay, type BackoffOptions, sleep as realSleep } from "./backoff";
import { db, type OutboxEntry } from "./db";
import { Emitter } from "./events";
import { pendingEntries } from "./outbox";
import { syncShared } from "./shared";
import { isTransient, type SyncTransport } from "./transport";

/**
 * The sync engine: push the outbox in batches, then pull pages until the server has no more. One run at a time
 * across tabs (Web Locks); transient failures retry with exponential backoff and jitter, then wait for the next
 * trigger or timer. Refused changes are never dropped: they stay in the outbox as "failed" with the server's
 * message, and the entity is re-pulled so the device shows the truth again.
 */

export interface SyncReport {
  pushed: number;
  pulled: number;
  failed: OutboxEntry[];
  /** Refused changes nobody in this tab is waiting for (the shell announces these). */
  unhandled: OutboxEntry[];
  error?: string;
}

export interface EngineOptions {
  transport: SyncTransport;
  batchSize?: number;
  pullLimit?: number;
  /** Tries per request within one run before giving up until the next trigger. */
  attempts?: number;
  backoff?: BackoffOptions;
  sleep?: (ms: number) => Promise<void>;
  isOnline?: () => boolean;
  /** Runs `fn` while holding the cross-tab sync lock. */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export class SyncRejected extends Error {
  override name = "SyncRejected";
  constructor(readonly entry: OutboxEntry) {
    super(entry.error?.message ?? "The server refused this change.");
  }
}

const LOCK = "image-studio-sync";

export function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, fn) as Promise<T>) : fn();
}

type Waiter = { resolve: (v: "applied" | "queued") => void; reject: (e: Error) => void };

export class SyncEngine {
  readonly reports = new Emitter<SyncReport>();
  readonly runningChanged = new Emitter<boolean>();
  running = false;
  /** Consecutive failed runs (drives the retry timer). */
  failures = 0;
  private current: Promise<SyncReport> | null = null;
  private again = false;
  private waiters = new Map<string, Waiter>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: EngineOptions) {}

  private get online() {
    return this.opts.isOnline ? this.opts.isOnline() : typeof navigator === "undefined" || navigator.onLine !== false;
  }

  /**
   * Resolves "applied" once the server took the change, "queued" when it must wait (offline, server away);
   * rejects with SyncRejected when the server refused it.
   */
  outcome(id: string): Promise<"applied" | "queued"> {
    if (!this.online) return Promise.resolve("queued");
    const settled = new Promise<"applied" | "queued">((resolve, reject) => this.waiters.set(id, { resolve, reject }));
    if (!this.current) void this.sync(); // a run in flight settles it at its end
    return settled;
  }

  /** Runs a sync now (or after the one in flight, which it joins). */
  sync(): Promise<SyncReport> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      // Yield first: a run that ends without awaiting (offline) must not clear `current` before it is assigned.
      await Promise.resolve();
      let report: SyncReport = { pushed: 0, pulled: 0, failed: [], unhandled: [] };
      this.setRunning(true);
      try {
        do {
          this.again = false;
          if (!this.online) {
            report = { ...report, error: "offline" };
            break;
          }
          const r = await (this.opts.lock ?? webLock)(() => this.cycle());
          report = { pushed: report.pushed + r.pushed, pulled: report.pulled + r.pulled, failed: [...report.failed, ...r.failed], unhandled: [...report.unhandled, ...r.unhandled], error: r.error };
        } while (this.again && !report.error);
      } finally {
        this.current = null;
        this.setRunning(false);
      }
      await this.settleWaiters();
      this.scheduleRetry(report);
      this.reports.emit(report);
      return report;
    })();
    return this.current;
  }

  stop() {
    clearTimeout(this.timer);
    this.again = false;
  }

  /** Resolves once no run is in flight (sign-out waits for it so no request outlives the session). */
  async idle(): Promise<void> {
    while (this.current) await this.current.catch(() => undefined);
  }

  private setRunning(v: boolean) {
    this.running = v;
    this.runningChanged.emit(v);
  }

  private scheduleRetry(report: SyncReport) {
    clearTimeout(this.timer);
    if (!report.error || report.error === "offline" || report.error === "unauthorized") {
      this.failures = 0;
      return;
    }
    this.failures += 1;
    this.timer = setTimeout(() => void this.sync(), backoffDelay(this.failures + 2, { maxMs: 5 * 60_000, ...this.opts.backoff }));
  }

  /** One request with retries: transient failures back off and try again, up to `attempts` times. */
  private async retrying<T>(fn: () => Promise<T>): Promise<T> {
    const attempts = this.opts.attempts ?? 4;
    for (let n = 0; ; n++) {
      try {
        return await fn();
      } catch (err) {
        if (!isTransient(err) || n + 1 >= attempts || !this.online) throw err;
        await (this.opts.sleep ?? realSleep)(backoffDelay(n, this.opts.backoff));
      }
    }
  }

  private async cycle(): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, failed: [], unhandled: [] };
    try {
      await this.refetchPending();
      await this.pushAll(report);
      await this.pullAll(report);
      await this.meta({ lastSyncedAt: Date.now(), lastError: null });
    } catch (err) {
      const unauthorized = err instanceof ApiError && (err.status === 401 || err.status === 403);
      report.error = unauthorized ? "unauthorized" : err instanceof Error ? err.message : String(err);
      await this.meta({ lastError: unauthorized ? "Sign in again to sync." : report.error });
    }
    return report;
  }

  private async meta(patch: Record<string, unknown>) {
    const d = db();
    await d.transaction("rw", d.syncMeta, async () => {
      const row = (await d.syncMeta.get("sync")) ?? { key: "sync" as const };
      await d.syncMeta.put({ ...row, ...patch });
    });
  }

  private async pushAll(report: SyncReport) {
    const size = Math.min(this.opts.batchSize ?? SYNC_PUSH_MAX, SYNC_PUSH_MAX);
    for (;;) {
      const batch = await pendingEntries(size);
      if (!batch.length) return;
      let results;
      try {
        results = (await this.retrying(() => this.opts.transport.push(batch.map((e) => e.mutation)))).results;
      } catch (err) {
        if (isTransient(err) || (err instanceof ApiError && (err.status === 401 || err.status === 403))) throw err;
        const message = err instanceof Error ? err.message : String(err);
        const failed = await failBatch(batch, { code: err instanceof ApiError ? err.code : "REJECTED", message });
        report.failed.push(...failed);
        report.unhandled.push(...failed.filter((f) => !this.waiters.has(f.id)));
        this.resolveWaiters([], failed);
        continue;
      }
      const settled = await settleResults(batch, results);
      report.pushed += settled.applied.length;
      report.failed.push(...settled.failed);
      report.unhandled.push(...settled.failed.filter((f) => !this.waiters.has(f.id)));
      this.resolveWaiters(settled.applied, settled.failed);
      await this.revert(settled.revert);
      if (!settled.applied.length && !settled.failed.length) throw new Error("The server answered none of the queued changes.");
    }
  }

  private async pullAll(report: SyncReport) {
    const limit = this.opts.pullLimit ?? SYNC_PULL_LIMIT_DEFAULT;
    for (;;) {
      const cursor = (await db().syncMeta.get("sync"))?.cursor;
      const page = await this.retrying(() => this.opts.transport.pull(cursor, limit));
      report.pulled += await applyPage(page);
      if (page.hasMore) continue;
      // The last page lists the projects teammates shared with the user: re-read those whose images moved.
      if (page.shared) report.pulled += await syncShared(page.shared, (id, after) => this.retrying(() => this.opts.transport.sharedImages(id, after, limit)));
      return;
    }
  }

  /** Re-pulls entities whose local change was refused; unreachable ones are remembered for the next run. */
  private async revert(refs: string[]) {
    const later: string[] = [];
    let fullResync = false;
    for (const ref of refs) {
      try {
        const row = await this.opts.transport.fetchEntity(ref);
        if (row === undefined) fullResync = true;
        else await revertEntity(ref, row as { id: string } | null);
      } catch {
        later.push(ref);
      }
    }
    const d = db();
    const meta = await d.syncMeta.get("sync");
    const refetch = [...new Set([...(meta?.refetch ?? []).filter((r) => !refs.includes(r) || later.includes(r)), ...later])];
    await this.meta({ refetch, ...(fullResync ? { cursor: undefined } : {}) });
  }

  private async refetchPending() {
    const refs = (await db().syncMeta.get("sync"))?.refetch ?? [];
    if (refs.length) await this.revert(refs);
  }

  private resolveWaiters(applied: OutboxEntry[], failed: OutboxEntry[]) {
    for (const e of applied) this.waiters.get(e.id)?.resolve("applied");
    for (const e of failed) this.waiters.get(e.id)?.reject(new SyncRejected(e));
    for (const e of [...applied, ...failed]) this.waiters.delete(e.id);
  }

  /** After a run: settle the waiters another tab pushed for, and tell the rest their change is queued. */
  private async settleWaiters() {
    if (!this.waiters.size || this.current) return;
    const rows = await db().outbox.where("id").anyOf([...this.waiters.keys()]).toArray();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, w] of this.waiters) {
      const row = byId.get(id);
      if (!row) w.resolve("applied");
      else if (row.status === "failed") w.reject(new SyncRejected(row));
      else w.resolve("queued");
      this.waiters.delete(id);
    }
  }
}
