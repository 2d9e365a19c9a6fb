/**
 * fal.ai behind the ImageProvider contract, on the queue API (submit → status → result, cancel), never
 * run/subscribe: the job queue owns waiting and retrying. Note the client's own hard-coded retries on
 * 429/5xx/network errors (reference §4.4) sit underneath every call here.
 */
import type { FalClient } from "@fal-ai/client";
import { ApiError } from "@fal-ai/client";
import { type CatalogModel, findModel } from "../../../../shared/src/catalog";
import {
  type ImageProvider,
  ProviderError,
  type ProviderInput,
  type ProviderResult,
  type ProviderStatus,
  type SubmitOptions,
} from "../types";
import { createConfiguredFalClient, DEFAULT_QUEUE_URL, queueAppOf } from "./client";
import { DownloadGuard } from "./download";
import { mapFalError, type FalPhase } from "./errors";
import { createFileEncoder, type FileEncoder, INLINE_MAX_BYTES } from "./files";
import { buildFalRequest, type EncodedImages } from "./mapping";
import { parseFalOutput } from "./output";
import { type DownloadDeps, downloadImage, downloadVideo, encodeImages } from "./provider-io";

export interface FalLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface FalProviderOptions {
  /** `<key_id>:<key_secret>`. */
  key: string;
  /** Queue base URL (FAL_QUEUE_URL); default https://queue.fal.run. A non-fal host also receives storage uploads. */
  queueUrl?: string;
  /** fetch used by the fal client and for downloads (tests can intercept). */
  fetch?: typeof fetch;
  /** Webhook URL used when submit() is not given one. */
  webhookUrl?: string;
  /** Extra hosts result files may be downloaded from (exact or "*.example.com"; https only). */
  allowedDownloadHosts?: readonly string[];
  logger?: FalLogger;
  /** Bounds per output file download. */
  maxDownloadBytes?: number;
  /** Bound for one video (MP4) download; default 300 MiB. */
  maxVideoBytes?: number;
  downloadTimeoutMs?: number;
  /** Upper bound for one queue call including the client's internal retries. */
  requestTimeoutMs?: number;
  /** How long fal keeps output files (x-fal-object-lifecycle-preference); default "7d". */
  outputLifetime?: "1h" | "1d" | "7d" | "30d" | "never" | number;
  /** Images up to this size go inline as data URIs; larger ones are uploaded to fal storage. */
  inlineMaxBytes?: number;
}

const REMEMBERED_REQUESTS = 5000;

export class FalProvider implements ImageProvider {
  readonly id = "fal" as const;
  private readonly client: FalClient;
  private readonly guard: DownloadGuard;
  private readonly files: FileEncoder;
  private readonly fetchImpl: typeof fetch;
  /** requestId → the endpoint it was submitted to (its owner/app decides the status/result URLs). */
  private readonly endpoints = new Map<string, string>();

  constructor(private readonly opts: FalProviderOptions) {
    if (!opts.key) throw new Error("FalProvider needs a fal.ai key");
    const setup = createConfiguredFalClient({
      key: opts.key,
      queueUrl: opts.queueUrl ?? DEFAULT_QUEUE_URL,
      fetch: opts.fetch,
    });
    this.client = setup.client;
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.guard = new DownloadGuard({ customOrigin: setup.customOrigin, extraHosts: opts.allowedDownloadHosts });
    this.files = createFileEncoder(this.client, opts.inlineMaxBytes ?? INLINE_MAX_BYTES);
  }

  availability(modelId: string): { available: true } | { available: false; reason: string } {
    const model = findModel(modelId);
    if (!model) return { available: false, reason: `Unknown model "${modelId}"` };
    if (model.provider !== "fal")
      return { available: false, reason: `${model.displayName} runs on the local engine, not fal.ai` };
    return { available: true };
  }

  async submit(input: ProviderInput, opts?: SubmitOptions): Promise<{ requestId: string }> {
    const model = this.model(input.modelId);
    const request = buildFalRequest(model, input, await this.encodeImages(input));
    const webhookUrl = opts?.webhookUrl ?? this.opts.webhookUrl;
    try {
      const res = await this.client.queue.submit(request.endpoint, {
        input: request.input,
        ...(webhookUrl ? { webhookUrl } : {}),
        // Outputs are downloaded into our storage as soon as the job completes; a week leaves room for a stalled worker.
        storageSettings: { expiresIn: this.opts.outputLifetime ?? "7d" },
        abortSignal: this.signal(),
      });
      this.remember(res.request_id, request.endpoint);
      this.opts.logger?.debug("fal submit", { endpoint: request.endpoint, requestId: res.request_id });
      return { requestId: res.request_id };
    } catch (err) {
      throw this.fail(err, "submit", request.endpoint);
    }
  }

  async status(modelId: string, requestId: string): Promise<ProviderStatus> {
    const s = await this.onQueue(modelId, requestId, "status", (endpoint) =>
      this.client.queue.status(endpoint, { requestId, logs: true, abortSignal: this.signal() }),
    );
    const logs = "logs" in s && Array.isArray(s.logs) ? s.logs.slice(-20).map((l) => l.message) : undefined;
    switch (s.status) {
      case "IN_QUEUE":
        return {
          state: "queued",
          ...(typeof s.queue_position === "number" ? { queuePosition: s.queue_position } : {}),
        };
      case "IN_PROGRESS":
        return { state: "running", ...(logs?.length ? { logs } : {}) };
      case "COMPLETED":
        // fal has no FAILED state: a failed request is COMPLETED and its error surfaces from result().
        return { state: "completed", progress: 1, ...(logs?.length ? { logs } : {}) };
      default:
        return { state: "running" };
    }
  }

  async result(modelId: string, requestId: string): Promise<ProviderResult> {
    const res = await this.onQueue(modelId, requestId, "result", (endpoint) =>
      this.client.queue.result(endpoint, { requestId, abortSignal: this.signal() }),
    );
    const parsed = parseFalOutput(res.data, modelId);
    const model = this.model(modelId);
    const video = model.operations.includes("image-to-video");
    const images = await Promise.all(
      parsed.files.map((f) => (video ? downloadVideo(f.url, this.downloads()) : downloadImage(f.url, this.downloads()))),
    );
    return {
      images,
      seed: parsed.seed ?? 0,
      ...(parsed.inferenceSeconds !== undefined ? { inferenceSeconds: parsed.inferenceSeconds } : {}),
      ...(parsed.nsfw ? { nsfw: parsed.nsfw } : {}),
    };
  }

  async cancel(modelId: string, requestId: string): Promise<void> {
    try {
      await this.onQueue(modelId, requestId, "cancel", (endpoint) =>
        this.client.queue.cancel(endpoint, { requestId, abortSignal: this.signal() }),
      );
    } catch (err) {
      // Already finished (400 ALREADY_COMPLETED) or unknown (404): nothing is running, which is what cancel wants.
      if (!(err instanceof ProviderError)) throw err;
      const status = (err.details as { status?: number } | undefined)?.status;
      if (status === 400 || err.kind === "not_found") return;
      throw err;
    }
  }

  private model(modelId: string): CatalogModel {
    const model = findModel(modelId);
    if (!model || model.provider !== "fal")
      throw new ProviderError("validation", `"${modelId}" is not a fal.ai model`, false);
    return model;
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.opts.requestTimeoutMs ?? 90_000);
  }

  private remember(requestId: string, endpoint: string) {
    this.endpoints.delete(requestId);
    this.endpoints.set(requestId, endpoint);
    if (this.endpoints.size > REMEMBERED_REQUESTS) this.endpoints.delete(this.endpoints.keys().next().value!);
  }

  /**
   * Runs a status/result/cancel call against the right `owner/app`. After a restart we no longer know which
   * endpoint a request went to; a model's endpoints can live under different apps (flux/dev's redux is under
   * fal-ai/flux-1), so each distinct app is tried until one knows the request.
   */
  private async onQueue<T>(
    modelId: string,
    requestId: string,
    phase: FalPhase,
    call: (endpoint: string) => Promise<T>,
  ): Promise<T> {
    const known = this.endpoints.get(requestId);
    const candidates = known ? [known] : this.queueEndpoints(this.model(modelId));
    let lastError: unknown;
    for (const endpoint of candidates) {
      try {
        const out = await call(endpoint);
        if (!known) this.remember(requestId, endpoint);
        return out;
      } catch (err) {
        lastError = err;
        if (!(err instanceof ApiError && err.status === 404)) throw this.fail(err, phase, endpoint);
      }
    }
    throw this.fail(lastError, phase, candidates.at(-1));
  }

  private queueEndpoints(model: CatalogModel): string[] {
    const byApp = new Map<string, string>();
    const main = model.endpoints[model.operations[0]!];
    for (const endpoint of [main, ...Object.values(model.endpoints)]) {
      if (endpoint && !byApp.has(queueAppOf(endpoint))) byApp.set(queueAppOf(endpoint), endpoint);
    }
    return [...byApp.values()];
  }

  private fail(err: unknown, phase: FalPhase, endpoint?: string): ProviderError {
    const mapped = mapFalError(err, phase, endpoint);
    this.opts.logger?.warn("fal call failed", {
      phase,
      endpoint,
      kind: mapped.kind,
      retryable: mapped.retryable,
      message: mapped.message,
    });
    return mapped;
  }

  private async encodeImages(input: ProviderInput): Promise<EncodedImages> {
    try {
      return await encodeImages(this.files, input);
    } catch (err) {
      throw this.fail(err, "upload");
    }
  }

  private downloads(): DownloadDeps {
    const { maxDownloadBytes, maxVideoBytes, downloadTimeoutMs } = this.opts;
    return { guard: this.guard, fetch: this.fetchImpl, maxDownloadBytes, maxVideoBytes, downloadTimeoutMs };
  }
}
