import type { Deps } from "../context";
import { usageLogs } from "../db/schema";
import { applyCredits } from "../modules/credits/credits.repo";
import { emitWebhookEvent } from "../modules/developer-webhooks/emit";
import { notifyJobCompleted, notifyJobFailed } from "../modules/notifications/job-notifications";
import { ProviderError, type ImageProvider } from "../providers/types";
import type { JobEvent } from "./events";
import { queueFollowUp, reservedCredits } from "./follow-up";
import { insertImages, storeOutputs } from "./ingest";
import { buildProviderInput } from "./provider-input";
import { extendLease, finishJob, type JobRow, retryLater, updateOwned } from "./queue.repo";

export interface RunOptions {
  workerId: string;
  leaseMs: number;
  /** How often the lease is renewed while the job runs. */
  heartbeatMs: number;
  pollMs: number;
  /** Resolves early when something (a webhook) says this job may have changed. */
  waitForPoke: (ms: number) => Promise<void>;
}

/** The job stopped being ours (cancelled, or the lease went to another worker): stop quietly. */
class LostJob extends Error {}

const backoffMs = (attempt: number) => Math.min(60_000, 2000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/** Runs one claimed job to its end: submit (or resume), follow progress, store results, settle credits. */
export async function runJob(deps: Deps, job: JobRow, opts: RunOptions): Promise<void> {
  const provider = deps.providers.forModel(job.modelId);
  let lost = false;
  const heartbeat = setInterval(() => {
    extendLease(deps.database.db, job.id, opts.workerId, opts.leaseMs)
      .then((ok) => (lost ||= !ok))
      .catch(() => {});
  }, Math.max(50, opts.heartbeatMs));
  try {
    const requestId = await submitOrResume(deps, provider, job, opts);
    deps.events.publish(job.userId, { type: "started", jobId: job.id });
    await follow(deps, provider, job, requestId, opts, () => lost);
    const result = await provider.result(job.modelId, requestId);
    await complete(deps, job, opts.workerId, result);
  } catch (err) {
    if (err instanceof LostJob) return;
    await fail(deps, job, opts.workerId, err);
  } finally {
    clearInterval(heartbeat);
  }
}

async function submitOrResume(deps: Deps, provider: ImageProvider, job: JobRow, opts: RunOptions): Promise<string> {
  if (job.falRequestId) {
    try {
      await provider.status(job.modelId, job.falRequestId);
      return job.falRequestId; // a previous worker submitted it: pick up where it left off
    } catch (err) {
      if (!(err instanceof ProviderError && err.kind === "not_found")) throw err;
    }
  }
  const input = await buildProviderInput(deps, job);
  const { requestId } = await provider.submit(input, { webhookUrl: deps.webhookUrl });
  if (!(await updateOwned(deps.database.db, job.id, opts.workerId, { falRequestId: requestId }))) {
    await provider.cancel(job.modelId, requestId).catch(() => {});
    throw new LostJob();
  }
  return requestId;
}

async function follow(deps: Deps, provider: ImageProvider, job: JobRow, requestId: string, opts: RunOptions, isLost: () => boolean) {
  let lastProgress = -1;
  for (;;) {
    const status = await provider.status(job.modelId, requestId);
    if (status.state === "completed" || status.state === "failed") return;
    if (status.state === "cancelled") throw new ProviderError("internal", "The engine cancelled this job", true);
    const progress = Math.min(0.99, status.progress ?? (status.state === "running" ? 0.05 : 0));
    if (isLost()) {
      await provider.cancel(job.modelId, requestId).catch(() => {});
      throw new LostJob();
    }
    if (progress - lastProgress >= 0.02 || status.queuePosition !== undefined) {
      const row = await updateOwned(deps.database.db, job.id, opts.workerId, { progress });
      if (!row) {
        await provider.cancel(job.modelId, requestId).catch(() => {});
        throw new LostJob();
      }
      lastProgress = progress;
      deps.events.publish(job.userId, { type: "progress", jobId: job.id, progress, queuePosition: status.queuePosition });
    }
    await opts.waitForPoke(opts.pollMs);
  }
}

async function complete(deps: Deps, job: JobRow, workerId: string, result: Awaited<ReturnType<ImageProvider["result"]>>) {
  const outputs = await storeOutputs(deps, job, result);
  const requested = Math.max(1, Number((job.parameters as { numImages?: number }).numImages ?? 1));
  // Credits reserved for a follow-up pass are not this job's to charge: queueFollowUp moves or refunds them.
  const held = job.creditsHeld - reservedCredits(job);
  const perImage = Math.floor(held / requested);
  const charged = Math.min(held, perImage * outputs.length + (outputs.length >= requested ? held - perImage * requested : 0));
  const imageIds = outputs.map((o) => o.imageId);
  const first = outputs[0] && { imageId: outputs[0].imageId, width: outputs[0].processed.width, height: outputs[0].processed.height };
  const done = await deps.database.db.transaction(async (tx) => {
    const row = await finishJob(tx, job.id, "completed", { progress: 1, imageIds, creditsCharged: charged, errorMessage: null, errorCode: null }, workerId);
    if (!row) return false;
    await insertImages(tx, job, outputs, result, perImage);
    if (charged < held) {
      await applyCredits(tx, { userId: job.userId, amount: held - charged, kind: "refund", jobId: job.id, note: "fewer images than requested" });
    }
    await tx.insert(usageLogs).values(
      imageIds.map((imageId, i) => ({
        userId: job.userId,
        imageId,
        jobId: job.id,
        action: job.operation,
        modelId: job.modelId,
        creditsUsed: i === 0 ? charged : 0,
        generationTime: result.inferenceSeconds ?? null,
        success: true,
      })),
    );
    const webhook = { jobId: job.id, operation: job.operation, modelId: job.modelId, imageIds, creditsCharged: charged };
    await emitWebhookEvent(deps, job.userId, "job.completed", webhook, tx);
    return { next: await queueFollowUp(tx, job, first) };
  });
  if (!done) {
    // Cancelled or taken over while we finished: the stored objects belong to nobody.
    await Promise.all(outputs.flatMap((o) => o.keys.map((k) => deps.storage.delete(k).catch(() => {}))));
    throw new LostJob();
  }
  deps.events.publish(job.userId, { type: "completed", jobId: job.id, imageIds });
  await notifyJobCompleted(deps, job, imageIds);
  const next = done.next;
  if (next) {
    const event: JobEvent =
      next.status === "failed"
        ? { type: "failed", jobId: next.id, errorMessage: next.errorMessage ?? "", willRetry: false }
        : { type: "queued", jobId: next.id };
    deps.events.publish(job.userId, event);
    deps.events.wakeWorkers();
  }
}

function describe(err: unknown): { message: string; code: string; retryable: boolean } {
  if (err instanceof ProviderError) return { message: err.message, code: err.kind, retryable: err.retryable };
  return { message: "The image engine failed unexpectedly; we'll retry.", code: "internal", retryable: true };
}

async function fail(deps: Deps, job: JobRow, workerId: string, err: unknown) {
  const { message, code, retryable } = describe(err);
  if (!(err instanceof ProviderError)) deps.log.error("job failed", { jobId: job.id, requestId: job.requestId ?? undefined, err });
  const db = deps.database.db;
  await db.insert(usageLogs).values({ userId: job.userId, jobId: job.id, action: job.operation, modelId: job.modelId, creditsUsed: 0, success: false, errorMessage: message });
  if (retryable && job.retryCount < job.maxRetries) {
    const row = await retryLater(db, job.id, workerId, new Date(Date.now() + backoffMs(job.retryCount)), message);
    if (row) {
      deps.events.publish(job.userId, { type: "failed", jobId: job.id, errorMessage: message, willRetry: true });
      return;
    }
  }
  const failed = await db.transaction(async (tx) => {
    const row = await finishJob(tx, job.id, "failed", { errorMessage: message, errorCode: code, creditsCharged: 0 }, workerId);
    if (!row) return false;
    if (job.creditsHeld > 0) await applyCredits(tx, { userId: job.userId, amount: job.creditsHeld, kind: "refund", jobId: job.id, note: "generation failed" });
    await emitWebhookEvent(deps, job.userId, "job.failed", { jobId: job.id, operation: job.operation, modelId: job.modelId, errorCode: code, errorMessage: message }, tx);
    return true;
  });
  if (!failed) return;
  deps.events.publish(job.userId, { type: "failed", jobId: job.id, errorMessage: message, willRetry: false });
  await notifyJobFailed(deps, job, message, job.creditsHeld);
}
