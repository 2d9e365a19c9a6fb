import { Worker } from "node:worker_threads";
import { msg } from "../i18n/api";
import { AppError } from "./errors";

/**
 * A bounded pool of worker threads for full image decodes and re-encodes (uploads, engine outputs).
 *
 * Why bounded: sharp/libvips runs each pipeline on one of libuv's 4 shared threads — the same threads that
 * serve file reads/writes and password hashing. Four 37-megapixel re-encodes took all four and stalled
 * `/api/health` (a storage check: file I/O) for seconds. With at most `size` decodes in flight (default 2),
 * the other threads stay free. Why threads: the byte scans of a 20 MB upload and the pipeline set-up leave the
 * main event loop too. Work beyond `size` waits in a queue of at most `queueMax` entries; past that the caller
 * gets a 503 "busy" instead of the process buffering upload after upload.
 */

export type DecodeOp = "upload" | "derive" | "edit";

/** A refusal from the worker: the image itself is the problem (a 4xx for the caller), not the server. */
export class DecodeRefused extends Error {
  override name = "DecodeRefused";
  constructor(
    readonly kind: "polyglot" | "pixels" | "decode",
    message: string,
  ) {
    super(message);
  }
}

interface Task {
  id: number;
  op: DecodeOp;
  input: Record<string, unknown> & { data: Buffer };
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  /** The worker reported that the pixel work of its task is under way. */
  started?: boolean;
}

const WORKER_URL = new URL("./decode-worker.mjs", import.meta.url);

export interface DecodePoolStats {
  size: number;
  /** Tasks handed to a worker. */
  running: number;
  /** Of those, the ones whose pixel work has started (an upload's decode is holding a libuv thread). */
  decoding: number;
  queued: number;
  completed: number;
}

export class DecodePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private completed = 0;

  constructor(
    private size: number,
    private readonly queueMax = 32,
  ) {}

  /** Changes how many decodes may run at once (idle workers beyond it are stopped). */
  resize(size: number) {
    this.size = Math.max(1, size);
    for (const slot of this.slots.filter((s) => !s.task).slice(this.size)) this.retire(slot);
    this.pump();
  }

  stats(): DecodePoolStats {
    const running = this.slots.filter((s) => s.task).length;
    const decoding = this.slots.filter((s) => s.task && s.started).length;
    return { size: this.size, running, decoding, queued: this.queue.length, completed: this.completed };
  }

  run<T>(op: DecodeOp, input: Record<string, unknown> & { data: Buffer }): Promise<T> {
    if (this.queue.length >= this.queueMax) {
      return Promise.reject(
        new AppError("UNAVAILABLE", msg("request.busy"), undefined, {
          "Retry-After": "5",
        }),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, op, input, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops every worker (queued work is refused). For tests and shutdown. */
  async close() {
    for (const t of this.queue.splice(0)) t.reject(new Error("decode pool closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.filter((s) => s.task).length < this.size) slot = this.spawn();
      if (!slot || this.slots.filter((s) => s.task).length >= this.size) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, op: task.op, input: task.input });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL);
    worker.unref();
    const slot: Slot = { worker };
    type Reply = { id: number; started?: boolean; ok?: boolean; result?: unknown; kind?: string; message?: string };
    worker.on("message", (msg: Reply) => {
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      if (msg.started) {
        slot.started = true;
        return;
      }
      this.finish(slot);
      if (msg.ok) task.resolve(msg.result);
      else if (msg.kind === "polyglot" || msg.kind === "pixels" || msg.kind === "decode")
        task.reject(new DecodeRefused(msg.kind, msg.message ?? ""));
      else task.reject(new Error(msg.message ?? "decode failed"));
    });
    // A worker that dies takes only its own task with it; the next task gets a fresh worker.
    worker.on("error", (err) => this.fail(slot, err));
    worker.on("exit", (code) => this.fail(slot, new Error(`decode worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot) {
    slot.task = undefined;
    slot.started = false;
    slot.worker.unref();
    this.completed++;
    if (this.slots.indexOf(slot) >= this.size) this.retire(slot);
    this.pump();
  }

  private fail(slot: Slot, err: Error) {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const task = slot.task;
    slot.task = undefined;
    task?.reject(err);
    this.pump();
  }

  private retire(slot: Slot) {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }
}

let shared: DecodePool | undefined;

/** The process's one pool. Callers pass the configured size (DECODE_CONCURRENCY); the last one given wins. */
export function decodePool(size?: number): DecodePool {
  shared ??= new DecodePool(size ?? 2);
  if (size !== undefined && size !== shared.stats().size) shared.resize(size);
  return shared;
}
