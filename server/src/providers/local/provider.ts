/**
 * The local sketch engine behind the ImageProvider contract: an in-process queue with simulated progress, so
 * every screen of the app (queue position, progress bar, cancel, results) works offline without a fal.ai key.
 */
import { randomUUID } from "node:crypto";
import {
  type ImageProvider,
  ProviderError,
  type ProviderInput,
  type ProviderResult,
  type ProviderState,
  type ProviderStatus,
} from "../types";
import { renderOne, SEEDLESS_OPERATIONS } from "./run";

export interface LocalProviderOptions {
  /** Simulated time per drawing step, ms (a request takes steps × stepMs at least). Default 60. */
  stepMs?: number;
  /** Requests rendered at the same time. Default 2. */
  concurrency?: number;
  /** Finished requests are kept this long for status/result, ms. Default 10 minutes. */
  retainMs?: number;
  /** At most this many finished requests are kept. Default 100. */
  maxRetained?: number;
  /** Finished requests' images are kept up to this many bytes in all (oldest dropped first). Default 256 MiB. */
  maxRetainedBytes?: number;
  /** At most this many requests wait in the queue; more are refused as rate_limited. Default 500. */
  maxQueued?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Job {
  id: string;
  input: ProviderInput;
  state: ProviderState;
  /** Simulated drawing steps and the time they take. */
  steps: number;
  durationMs: number;
  startedAt?: number;
  finishedAt?: number;
  result?: ProviderResult;
  error?: ProviderError;
  abort: AbortController;
  done: Promise<void>;
  settle: () => void;
}

const FINISHED: ReadonlySet<ProviderState> = new Set(["completed", "failed", "cancelled"]);

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

function imageCount(input: ProviderInput): number {
  const n = input.numImages;
  if (!Number.isInteger(n) || n < 1 || n > 4)
    throw new ProviderError("validation", `numImages must be 1 to 4 (got ${n})`, false);
  return SEEDLESS_OPERATIONS.has(input.operation) ? 1 : n;
}

export class LocalProvider implements ImageProvider {
  readonly id = "local" as const;
  private readonly jobs = new Map<string, Job>();
  private readonly queue: string[] = [];
  private running = 0;
  private readonly stepMs: number;
  private readonly concurrency: number;
  private readonly retainMs: number;
  private readonly maxRetained: number;
  private readonly maxRetainedBytes: number;
  private readonly maxQueued: number;
  private readonly now: () => number;

  constructor(options: LocalProviderOptions = {}) {
    this.stepMs = Math.max(0, options.stepMs ?? 60);
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.retainMs = options.retainMs ?? 10 * 60_000;
    this.maxRetained = options.maxRetained ?? 100;
    this.maxRetainedBytes = options.maxRetainedBytes ?? 256 * 1024 * 1024;
    this.maxQueued = options.maxQueued ?? 500;
    this.now = options.now ?? Date.now;
  }

  availability(modelId: string): { available: true } | { available: false; reason: string } {
    if (modelId.startsWith("local/")) return { available: true };
    return {
      available: false,
      reason: `The local sketch engine only runs local/… models, not "${modelId}". Add a fal.ai key (FAL_KEY) for AI models.`,
    };
  }

  async submit(input: ProviderInput): Promise<{ requestId: string }> {
    this.sweep();
    if (this.queue.length >= this.maxQueued)
      throw new ProviderError("rate_limited", "The local engine's queue is full; try again shortly", true);
    const id = randomUUID();
    const steps =
      input.operation === "text-to-image" || input.operation === "image-to-image" || input.operation === "variation"
        ? Math.min(40, Math.max(4, Math.round(input.steps ?? 20)))
        : input.operation === "image-to-video"
          ? 16
          : 10;
    const images = SEEDLESS_OPERATIONS.has(input.operation) ? 1 : Math.min(4, Math.max(1, input.numImages || 1));
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    const durationMs = this.stepMs * steps * (1 + 0.25 * (images - 1));
    this.jobs.set(id, { id, input, state: "queued", steps, durationMs, abort: new AbortController(), done, settle });
    this.queue.push(id);
    this.pump();
    return { requestId: id };
  }

  async status(_modelId: string, requestId: string): Promise<ProviderStatus> {
    this.sweep();
    const job = this.get(requestId);
    if (job.state === "queued")
      return { state: "queued", queuePosition: Math.max(0, this.queue.indexOf(job.id)), progress: 0 };
    if (job.state === "running") {
      const progress =
        job.durationMs > 0 ? Math.min(0.99, (this.now() - (job.startedAt ?? this.now())) / job.durationMs) : 0.5;
      const step = Math.min(job.steps, Math.floor(progress * job.steps) + 1);
      return { state: "running", progress, logs: [`Drawing pass ${step} of ${job.steps}`] };
    }
    return { state: job.state, progress: job.state === "completed" ? 1 : undefined };
  }

  /** Waits for a queued or running request to finish; throws its ProviderError when it failed or was cancelled. */
  async result(_modelId: string, requestId: string): Promise<ProviderResult> {
    const job = this.get(requestId);
    await job.done;
    if (job.state === "completed" && job.result) return job.result;
    if (job.state === "cancelled")
      throw new ProviderError("internal", "The request was cancelled", false, { state: "cancelled" });
    throw job.error ?? new ProviderError("internal", "The local engine lost this request", false);
  }

  async cancel(_modelId: string, requestId: string): Promise<void> {
    const job = this.get(requestId);
    if (FINISHED.has(job.state)) return;
    if (job.state === "queued") this.queue.splice(this.queue.indexOf(job.id), 1);
    job.abort.abort();
    this.finish(job, "cancelled");
  }

  private get(requestId: string): Job {
    const job = this.jobs.get(requestId);
    if (!job)
      throw new ProviderError(
        "not_found",
        `No local request ${requestId} (finished long ago, or the server restarted)`,
        false,
      );
    return job;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.jobs.get(this.queue.shift()!);
      if (!job || job.state !== "queued") continue;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    job.state = "running";
    job.startedAt = this.now();
    const simulated = wait(job.durationMs, job.abort.signal);
    try {
      const count = imageCount(job.input);
      const images = [];
      for (let i = 0; i < count && !job.abort.signal.aborted; i++) images.push(await renderOne(job.input, i));
      await simulated;
      if (job.abort.signal.aborted) return;
      const inferenceSeconds = (this.now() - job.startedAt) / 1000;
      job.result = { images, seed: job.input.seed, inferenceSeconds };
      this.finish(job, "completed");
    } catch (err) {
      if (job.abort.signal.aborted) return;
      job.error = err instanceof ProviderError ? err : new ProviderError("internal", String(err), false);
      this.finish(job, "failed");
    }
  }

  private finish(job: Job, state: ProviderState): void {
    if (FINISHED.has(job.state)) return;
    job.state = state;
    job.finishedAt = this.now();
    job.input = { ...job.input, sourceImage: undefined, maskImage: undefined, styleImage: undefined, control: undefined, imagePrompts: undefined };
    job.settle();
  }

  /** Drops finished requests past their retention time, and the oldest beyond the count and byte budgets. */
  private sweep(): void {
    const cutoff = this.now() - this.retainMs;
    const finished = [...this.jobs.values()]
      .filter((j) => FINISHED.has(j.state))
      .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0)); // newest first
    let bytes = 0;
    finished.forEach((job, i) => {
      bytes += job.result?.images.reduce((sum, img) => sum + img.data.length, 0) ?? 0;
      const expired =
        (job.finishedAt ?? 0) < cutoff || i >= this.maxRetained || (i > 0 && bytes > this.maxRetainedBytes);
      if (expired) this.jobs.delete(job.id);
    });
  }
}
