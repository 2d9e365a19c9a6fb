import type { JobEventPayload, LiveEventPayload } from "@image-studio/shared";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type pg from "pg";
import type { Logger } from "../lib/logger";

export type JobEvent = JobEventPayload;
/** Anything on a user's stream (job events and the rest). */
export type LiveEvent = LiveEventPayload;

type Listener = (event: LiveEvent) => void;
const CHANNEL_EVENTS = "image_studio_job_events";
const CHANNEL_WAKE = "image_studio_jobs_ready";

/**
 * Job events and worker wake-ups. In one process an EventEmitter carries them; on PostgreSQL, LISTEN/NOTIFY
 * carries them between every API and worker process sharing the database. What this process publishes reaches its
 * own listeners at once (the in-process worker, the SSE streams it serves) and every other process by NOTIFY; the
 * NOTIFY carries this bus's origin, and its own echo is dropped, so each listener sees each event once.
 */
export class EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listenClient?: pg.PoolClient;
  /** Tells this bus's own NOTIFYs apart from other processes' when they come back. */
  private readonly origin = randomUUID().slice(0, 8);

  constructor(
    private readonly pool: pg.Pool | undefined,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    if (!this.pool || this.listenClient) return;
    const client = await this.pool.connect();
    this.listenClient = client;
    client.on("notification", (msg) => {
      if (!msg.payload) return;
      if (msg.channel === CHANNEL_WAKE) {
        if (msg.payload !== this.origin) this.local.emit("wake");
      } else if (msg.channel === CHANNEL_EVENTS) {
        try {
          const { origin, userId, event } = JSON.parse(msg.payload) as { origin?: string; userId: string; event: LiveEvent };
          if (origin !== this.origin) this.local.emit(`user:${userId}`, event);
        } catch (err) {
          this.log.warn("bad job event payload", { err });
        }
      }
    });
    client.on("error", (err) => this.log.error("event bus connection failed", { err }));
    await client.query(`LISTEN ${CHANNEL_EVENTS}`);
    await client.query(`LISTEN ${CHANNEL_WAKE}`);
  }

  async stop(): Promise<void> {
    const client = this.listenClient;
    this.listenClient = undefined;
    if (client) {
      await client.query(`UNLISTEN *`).catch(() => {});
      client.release();
    }
    this.local.removeAllListeners();
  }

  publish(userId: string, event: LiveEvent): void {
    if (this.listenClient && this.pool) {
      const payload = JSON.stringify({ origin: this.origin, userId, event });
      this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL_EVENTS, payload]).catch((err) => this.log.warn("notify failed", { err }));
    }
    this.local.emit(`user:${userId}`, event);
  }

  subscribe(userId: string, listener: Listener): () => void {
    const name = `user:${userId}`;
    this.local.on(name, listener);
    return () => this.local.off(name, listener);
  }

  /** Tell every worker that jobs are ready to claim. */
  wakeWorkers(): void {
    if (this.listenClient && this.pool) {
      this.pool.query("SELECT pg_notify($1, $2)", [CHANNEL_WAKE, this.origin]).catch((err) => this.log.warn("notify failed", { err }));
    }
    this.local.emit("wake");
  }

  onWake(listener: () => void): () => void {
    this.local.on("wake", listener);
    return () => this.local.off("wake", listener);
  }
}
