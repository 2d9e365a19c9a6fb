import { randomInt } from "node:crypto";
import { check, msg } from "../../i18n/api";
import { type CostEstimate, estimateCredits, type Job, validateGenerationParams } from "@image-studio/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { generationQueue, nextVersion, prompts } from "../../db/schema";
import { assertGuestMayUse } from "../../auth/guest";
import { AppError, notFound } from "../../lib/errors";
import type { Operation } from "../../providers/types";
import { reservedCredits } from "../../jobs/follow-up";
import { finishJob, getJob, insertJob, type JobRow, listJobs, queuePosition } from "../../jobs/queue.repo";
import { applyCredits, balanceOf } from "../credits/credits.repo";
import { assertWithinLimit } from "../credits/credits.service";
import type { CatalogEntry } from "../models/models.service";
import { projectScope } from "../teams/teams.access";
import { assertRoomIn } from "../usage/quota.service";

export interface EnqueueInput {
  operation: Operation;
  prompt: string;
  negativePrompt: string;
  modelId: string;
  parameters: Record<string, unknown>;
  projectId?: string | null;
  clientId?: string;
  priority?: number;
  parentImageId?: string | null;
  batchId?: string | null;
  /** The saved prompt/template it came from; a use is counted when it is the caller's. */
  promptId?: string | null;
  /** Source image / mask / style references (ids or storage keys) for derived operations. */
  inputs?: Record<string, unknown>;
  /** Credits held on top of this job's own cost, for a follow-up pass it queues when done (8× upscale). */
  reserveCredits?: number;
}

/** Counts a use of the caller's saved prompt (someone else's or an unknown id is not linked, and not an error: an offline replay may name a prompt deleted since). */
async function countPromptUse(tx: Db, userId: string, promptId: string): Promise<string | null> {
  const [row] = await tx
    .update(prompts)
    .set({ usageCount: sql`${prompts.usageCount} + 1`, lastUsedAt: new Date(), version: nextVersion })
    .where(and(eq(prompts.id, promptId), eq(prompts.userId, userId)))
    .returning({ id: prompts.id });
  return row?.id ?? null;
}

export async function usableModel(ctx: Ctx, modelId: string, operation: Operation): Promise<CatalogEntry> {
  const model = await ctx.deps.catalog.get(modelId);
  if (!model) throw new AppError("VALIDATION_FAILED", msg("generation.unknownModel", { modelId }), { issues: [{ path: ["modelId"], message: msg("issue.unknownModel") }] });
  if (!model.isActive) throw new AppError("UNAVAILABLE", msg("generation.modelOff", { model: model.displayName }));
  assertGuestMayUse(ctx.user, model);
  if (!model.available) throw new AppError("UNAVAILABLE", msg("generation.modelUnavailable", { model: model.displayName, reason: model.unavailableReason ?? "" }));
  if (!model.operations.includes(operation)) {
    throw new AppError("VALIDATION_FAILED", msg("generation.cannotDo", { model: model.displayName, operation: msg(`operation.${operation}`) }), { issues: [{ path: ["modelId"], message: msg("issue.doesNotSupport", { operation: msg(`operation.${operation}`) }) }] });
  }
  return model;
}

/** Normalises parameters against the model's ranges (400 naming the field and range) and fixes the seed. */
export function normalise(model: CatalogEntry, operation: Operation, parameters: Record<string, unknown>) {
  const checked = validateGenerationParams(model, { operation, parameters });
  if (!checked.ok) {
    const issues = checked.issues.map((i) => ({ path: i.path, message: check(i.message) }));
    throw new AppError("VALIDATION_FAILED", issues[0]?.message ?? msg("generation.invalidParameters"), { issues });
  }
  const value = { ...checked.value } as Record<string, unknown>;
  if (typeof value.seed !== "number") value.seed = randomInt(0, 2 ** 31);
  return value;
}

export function estimate(model: CatalogEntry, operation: Operation, p: Record<string, unknown>) {
  return estimateCredits(model, {
    operation,
    width: Number(p.width ?? 1024),
    height: Number(p.height ?? 1024),
    numImages: Number(p.numImages ?? 1),
    ...(typeof p.scale === "number" ? { scale: p.scale } : {}),
    ...(typeof p.duration === "number" ? { durationSeconds: p.duration } : {}),
  });
}

/**
 * The scope a job's results land in: the caller's own, or — an editor or admin of a team the project is shared
 * with — the project owner's (404 "Project" for anyone else, viewers included).
 */
export const targetScope = (ctx: Ctx, projectId: string | null | undefined): Promise<Ctx> =>
  projectId ? projectScope(ctx, projectId, "editor") : Promise.resolve(ctx);

/**
 * Validates, holds credits and queues a job. The same clientId twice returns the first job. Into a project shared
 * with the caller, the job stays the caller's (they pay, follow and cancel it) and records the owner, whose
 * scope the images land in (`owner_id`); the owner's storage quota applies.
 */
export async function enqueue(ctx: Ctx, input: EnqueueInput): Promise<{ job: JobRow; created: boolean }> {
  const model = await usableModel(ctx, input.modelId, input.operation);
  const parameters = normalise(model, input.operation, input.parameters);
  const scope = await targetScope(ctx, input.projectId);
  await assertRoomIn(scope, 0);
  const cost = estimate(model, input.operation, parameters) + (input.reserveCredits ?? 0);
  const result = await ctx.db.transaction(async (tx) => {
    const { job, created } = await insertJob(tx, {
      userId: ctx.user.id,
      ownerId: scope.user.id === ctx.user.id ? null : scope.user.id,
      projectId: input.projectId ?? null,
      clientId: input.clientId ?? null,
      batchId: input.batchId ?? null,
      requestId: ctx.requestId ?? null,
      operation: input.operation,
      prompt: input.prompt,
      negativePrompt: input.negativePrompt,
      modelId: model.id,
      provider: model.provider,
      parameters,
      inputs: input.inputs ?? {},
      parentImageId: input.parentImageId ?? null,
      priority: input.priority ?? 0,
      creditsHeld: cost,
    });
    if (!created) return { job, created };
    if (input.promptId && (await countPromptUse(tx, ctx.user.id, input.promptId))) {
      await tx.update(generationQueue).set({ promptId: input.promptId }).where(eq(generationQueue.id, job.id));
      job.promptId = input.promptId;
    }
    if (cost > 0) {
      await assertWithinLimit(ctx, cost, tx, job.id);
      const balance = await applyCredits(tx, { userId: ctx.user.id, amount: -cost, kind: "hold", jobId: job.id, note: `${model.displayName}: ${input.operation}` });
      if (balance === null) {
        const have = await balanceOf(tx, ctx.user.id);
        throw new AppError("INSUFFICIENT_CREDITS", msg("credits.needs", { count: cost, have }), { needed: cost, balance: have });
      }
    }
    return { job, created };
  });
  if (result.created) {
    // The request's log line (it carries requestId) that ties the request to the job's own lines (jobId).
    ctx.log.info("job queued", { jobId: result.job.id, modelId: model.id, operation: input.operation });
    ctx.deps.events.publish(ctx.user.id, { type: "queued", jobId: result.job.id });
    ctx.deps.events.wakeWorkers();
  }
  return result;
}

export async function costEstimate(ctx: Ctx, input: { modelId: string; operation: Operation; parameters: Record<string, unknown> }): Promise<CostEstimate> {
  const model = await usableModel(ctx, input.modelId, input.operation);
  const parameters = normalise(model, input.operation, input.parameters);
  const credits = estimate(model, input.operation, parameters);
  const balance = await balanceOf(ctx.db, ctx.user.id);
  const per = { megapixel: "megapixel", second: "second of video", image: "image" }[model.pricing.unit];
  const unit = `${model.pricing.credits} credits per ${per}`;
  return { modelId: model.id, credits, balance, affordable: balance >= credits, breakdown: `${unit} × ${String(parameters.numImages ?? 1)} image(s)` };
}

/** Cancels a pending or running job and refunds its held credits. */
export async function cancel(ctx: Ctx, jobId: string): Promise<JobRow> {
  const job = await getJob(ctx.db, ctx.user.id, jobId);
  if (!job) throw notFound("job");
  if (job.status !== "pending" && job.status !== "processing") throw new AppError("CONFLICT", msg("generation.jobAlready", { status: msg(`jobStatus.${job.status}`) }));
  const row = await ctx.db.transaction(async (tx) => {
    const done = await finishJob(tx, job.id, "cancelled", { errorMessage: "Cancelled", creditsCharged: 0 });
    if (!done) return null;
    if (job.creditsHeld > 0) await applyCredits(tx, { userId: job.userId, amount: job.creditsHeld, kind: "refund", jobId: job.id, note: "cancelled" });
    return done;
  });
  if (!row) throw new AppError("CONFLICT", msg("generation.finishedBeforeCancel"));
  ctx.deps.events.publish(ctx.user.id, { type: "cancelled", jobId: job.id });
  ctx.deps.events.wakeWorkers(); // the worker running it notices at its next step
  return row;
}

/** A failed or cancelled job runs again as a new job with the same settings (and a fresh credit hold). */
export async function retry(ctx: Ctx, jobId: string): Promise<JobRow> {
  const job = await getJob(ctx.db, ctx.user.id, jobId);
  if (!job) throw notFound("job");
  if (job.status !== "failed" && job.status !== "cancelled") throw new AppError("CONFLICT", msg("generation.onlyFailedRetried", { status: msg(`jobStatus.${job.status}`) }));
  const { job: created } = await enqueue(ctx, {
    operation: job.operation as Operation,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt,
    modelId: job.modelId,
    parameters: job.parameters,
    projectId: job.projectId,
    parentImageId: job.parentImageId,
    batchId: job.batchId,
    priority: job.priority,
    inputs: job.inputs,
    reserveCredits: reservedCredits(job),
  });
  return created;
}

export async function toView(ctx: Ctx, job: JobRow): Promise<Job> {
  return {
    id: job.id,
    status: job.status,
    operation: job.operation,
    modelId: job.modelId,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt,
    parameters: job.parameters,
    projectId: job.projectId,
    parentImageId: job.parentImageId,
    batchId: job.batchId,
    clientId: job.clientId,
    priority: job.priority,
    progress: job.progress,
    ...(job.status === "pending" ? { queuePosition: await queuePosition(ctx.db, job) } : {}),
    imageIds: job.imageIds,
    errorMessage: job.errorMessage,
    retryCount: job.retryCount,
    creditsHeld: job.creditsHeld,
    creditsCharged: job.creditsCharged,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    completedAt: job.completedAt?.toISOString() ?? null,
  };
}

export async function getView(ctx: Ctx, jobId: string): Promise<Job> {
  const job = await getJob(ctx.db, ctx.user.id, jobId);
  if (!job) throw notFound("job");
  return toView(ctx, job);
}

export async function list(ctx: Ctx, opts: { history: boolean; limit: number; before?: Date }) {
  const rows = await listJobs(ctx.db, ctx.user.id, {
    statuses: opts.history ? ["completed", "failed", "cancelled"] : undefined,
    limit: opts.limit,
    before: opts.before,
  });
  const items = await Promise.all(rows.map((r) => toView(ctx, r)));
  const last = rows.at(-1);
  return { items, nextCursor: rows.length === opts.limit && last ? last.createdAt.toISOString() : null };
}
