import { createHmac, randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "../db/client";
import { EnvError } from "../env";
import type { Logger } from "../lib/logger";
import { type InstanceRow, type NewInstance, registerInstance, removeInstance, upsertInstance } from "./instances.repo";

/** A one-way fingerprint of the auth secret: equal secrets give equal fingerprints, and it reveals nothing else. */
export function secretFingerprint(secret: string): string {
  return createHmac("sha256", secret)
    .update("image-studio/auth-secret-fingerprint/v1")
    .digest("base64url")
    .slice(0, 22);
}

/** Another live process on this database signs sessions with a different BETTER_AUTH_SECRET. */
export class SecretMismatchError extends EnvError {
  override name = "SecretMismatchError";
}

function mismatchMessage(conflicts: InstanceRow[]): string {
  const now = Date.now();
  const who = conflicts
    .slice(0, 3)
    .map(
      (c) =>
        `${c.role} on ${c.hostname} (pid ${c.pid}, seen ${Math.max(0, Math.round((now - c.lastSeenAt.getTime()) / 1000))}s ago)`,
    )
    .join(", ");
  return (
    `Refusing to start: BETTER_AUTH_SECRET differs from the one used by ${conflicts.length} running process(es) on this database: ${who}. ` +
    "A session signed by one process would be rejected by the other. Give every API and worker process the same BETTER_AUTH_SECRET " +
    "(and NODE_ENV=production, so none generates its own); to change the secret, stop every process first."
  );
}

export interface WorkerFigures {
  readonly id: string;
  readonly activeJobs: number;
  readonly concurrency: number;
}

/**
 * This process's row in `instances`: registered at start (refused beside live processes with another secret),
 * refreshed every heartbeat with its worker's figures, removed at a clean stop.
 */
export class InstanceHeartbeat {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private worker?: WorkerFigures;

  constructor(
    private readonly db: Db,
    private readonly info: { role: "api" | "worker"; version: string; secret: string },
    private readonly timing: { heartbeatMs: number; liveMs: number },
    private readonly log: Logger,
  ) {}

  private row(): NewInstance {
    return {
      id: this.id,
      role: this.info.role,
      hostname: os.hostname(),
      pid: process.pid,
      version: this.info.version,
      secretFingerprint: secretFingerprint(this.info.secret),
      workerId: this.worker?.id ?? null,
      workerConcurrency: this.worker?.concurrency ?? 0,
      activeJobs: this.worker?.activeJobs ?? 0,
    };
  }

  /** Registers and starts beating; throws SecretMismatchError beside a live process with another secret. */
  async start(): Promise<void> {
    const { conflicts } = await registerInstance(this.db, this.row(), this.timing.liveMs);
    if (conflicts.length) throw new SecretMismatchError(mismatchMessage(conflicts));
    this.timer = setInterval(() => void this.beat(), this.timing.heartbeatMs);
    this.timer.unref();
  }

  /** Reports this worker's figures from now on (and right away). */
  attachWorker(worker: WorkerFigures): Promise<void> {
    this.worker = worker;
    return this.beat();
  }

  async beat(): Promise<void> {
    try {
      await upsertInstance(this.db, this.row());
    } catch (err) {
      this.log.warn("heartbeat failed", { err });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await removeInstance(this.db, this.id).catch((err: unknown) =>
      this.log.warn("could not remove this process's heartbeat row", { err }),
    );
  }
}
