import { type ApiMessage, check, msg } from "../../i18n/api";
import {
  type Batch,
  BATCH_PRIORITY_VALUE,
  type BatchRequestParsed,
  batchPriorityOf,
  type BatchRowError,
  type BatchSummary,
} from "@image-studio/shared";
import type { Ctx } from "../../context";
import { queueSortKey } from "../../jobs/queue.repo";
import { AppError, notFound } from "../../lib/errors";
import { applyCredits, balanceOf } from "../credits/credits.repo";
import { assertWithinLimit } from "../credits/credits.service";
import { targetScope } from "../generation/generation.service";
import { assertRoomIn } from "../usage/quota.service";
import { etaFor, secondsPerModel } from "./batch.eta";
import { planFor } from "./batch.plan";
import { batchJobEnded, EMPTY_COUNTS, statusOf } from "./batch.progress";
import * as repo from "./batch.repo";

/** Every job of a batch is a text-to-image generation. */
export const OPERATION = "text-to-image";

const describeErrors = (errors: BatchRowError[]): ApiMessage => {
  const e = errors[0]!;
  const first = e.row > 0 ? msg("batch.rowProblem", { row: e.row, column: e.column, problem: check(e.message) }) : check(e.message);
  return errors.length > 1 ? msg("batch.andMore", { first, count: errors.length - 1 }) : first;
};

/** Queues a whole batch: checked like single generations, one credit hold, the jobs in a couple of inserts. */
export async function create(ctx: Ctx, body: BatchRequestParsed): Promise<{ batch: repo.BatchRow; created: boolean }> {
  const planned = await planFor(ctx, body);
  if (planned.errors.length) {
    const status = planned.errors.some((e) => e.column === "total") ? "PAYLOAD_TOO_LARGE" : "VALIDATION_FAILED";
    throw new AppError(status, describeErrors(planned.errors), {
      errors: planned.errors.slice(0, 200).map((e) => ({ ...e, message: check(e.message) })),
      total: planned.total,
      maxJobs: ctx.deps.env.BATCH_MAX_JOBS,
    });
  }
  // Into one's own project, or one shared with the caller as an editor (the batch stays theirs: they pay and
  // follow it; its images land in the owner's project — as for a single generation, see generation.enqueue).
  const scope = await targetScope(ctx, body.projectId);
  await assertRoomIn(scope, 0);
  const ownerId = scope.user.id === ctx.user.id ? null : scope.user.id;
  const priority = BATCH_PRIORITY_VALUE[body.priority];
  const sortKey = queueSortKey(priority, ctx.now.getTime());
  const modelIds = [...new Set(planned.jobs.map((j) => j.model.id))];
  const name = body.name?.trim() || `${planned.total} × ${planned.jobs[0]!.item.prompt.slice(0, 60)}`;
  const result = await ctx.db.transaction(async (tx) => {
    const { batch, created } = await repo.insertBatch(tx, {
      userId: ctx.user.id,
      clientId: body.clientId ?? null,
      name,
      priority,
      sortKey,
      modelIds,
      projectId: body.projectId ?? null,
      total: planned.total,
      estimatedCredits: planned.credits,
      scheduledAt: body.scheduledAt ? new Date(body.scheduledAt) : null,
      request: { ...body, csv: body.csv ? `${body.csv.length} characters` : undefined },
    });
    if (!created) return { batch, created };
    if (planned.credits > 0) {
      // The monthly spending limit and the low-balance alert apply to a batch as to a single job.
      await assertWithinLimit(ctx, planned.credits, tx, `batch:${batch.id}`);
      const balance = await applyCredits(tx, {
        userId: ctx.user.id,
        amount: -planned.credits,
        kind: "hold",
        note: `Batch “${name}”: ${planned.total} jobs`,
        meta: { batchId: batch.id },
      });
      if (balance === null) {
        const have = await balanceOf(tx, ctx.user.id);
        throw new AppError(
          "INSUFFICIENT_CREDITS",
          msg("batch.needsCredits", { count: planned.credits, jobs: planned.total, have }),
          {
            needed: planned.credits,
            balance: have,
            jobs: planned.total,
          },
        );
      }
    }
    await repo.insertJobs(
      tx,
      {
        userId: ctx.user.id,
        ownerId,
        projectId: body.projectId ?? null,
        batchId: batch.id,
        requestId: ctx.requestId ?? null,
        operation: OPERATION,
        priority,
        sortKey,
      },
      planned.jobs.map((j) => ({
        batchIndex: j.item.index,
        prompt: j.item.prompt,
        negativePrompt: j.item.negativePrompt,
        modelId: j.model.id,
        provider: j.model.provider,
        parameters: j.parameters,
        creditsHeld: j.cost,
      })),
    );
    return { batch, created };
  });
  if (result.created) {
    ctx.log.info("batch queued", { batchId: result.batch.id, jobs: planned.total, credits: planned.credits });
    ctx.deps.events.publish(ctx.user.id, {
      type: "batch",
      batchId: result.batch.id,
      status: statusOf(result.batch, { ...EMPTY_COUNTS, pending: planned.total }, ctx.now),
      total: planned.total,
      completed: 0,
      failed: 0,
    });
    ctx.deps.events.wakeWorkers();
  }
  return result;
}

/** The caller's batch, or 404. */
export async function owned(ctx: Ctx, id: string): Promise<repo.BatchRow> {
  const batch = await repo.getBatch(ctx.db, ctx.user.id, id);
  if (!batch) throw notFound("batch");
  return batch;
}

async function summaries(
  ctx: Ctx,
  rows: repo.BatchRow[],
): Promise<(BatchSummary & { jobIds?: string[]; imageIds?: string[] })[]> {
  const counts = await repo.itemCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const out = [];
  for (const batch of rows) {
    const c = counts.get(batch.id) ?? EMPTY_COUNTS;
    const status = statusOf(batch, c, ctx.now);
    const live = status === "queued" || status === "running" || status === "scheduled";
    const remaining = live ? await repo.remainingByModel(ctx.db, batch.id) : new Map<string, number>();
    const perJob = await secondsPerModel(ctx.deps, batch.modelIds);
    const mean = perJob.size ? [...perJob.values()].reduce((a, b) => a + b, 0) / perJob.size : null;
    const wait =
      status === "scheduled" && batch.scheduledAt
        ? Math.max(0, (batch.scheduledAt.getTime() - ctx.now.getTime()) / 1000)
        : 0;
    out.push({
      id: batch.id,
      name: batch.name,
      status,
      priority: batchPriorityOf(batch.priority),
      total: batch.total,
      ...c,
      modelIds: batch.modelIds,
      projectId: batch.projectId,
      estimatedCredits: batch.estimatedCredits,
      etaSeconds: live ? Math.ceil(wait) + (await etaFor(ctx.deps, remaining)) : null,
      secondsPerJob: mean === null ? null : Math.round(mean * 10) / 10,
      scheduledAt: batch.scheduledAt?.toISOString() ?? null,
      createdAt: batch.createdAt.toISOString(),
      finishedAt: batch.finishedAt?.toISOString() ?? null,
    });
  }
  return out;
}

export async function get(ctx: Ctx, id: string): Promise<Batch> {
  const batch = await owned(ctx, id);
  const [summary] = await summaries(ctx, [batch]);
  const jobs = await repo.jobsOf(ctx.db, batch.id);
  return { ...summary!, jobIds: jobs.map((j) => j.id), imageIds: jobs.flatMap((j) => j.imageIds) };
}

export async function list(ctx: Ctx, opts: { limit: number; before?: Date }) {
  const rows = await repo.listBatches(ctx.db, ctx.user.id, opts.limit, opts.before);
  const last = rows.at(-1);
  return {
    items: await summaries(ctx, rows),
    nextCursor: rows.length === opts.limit && last ? last.createdAt.toISOString() : null,
  };
}

/** Every job of the batch (latest attempt last), with a per-job estimate for the waiting ones. */
export async function jobs(ctx: Ctx, id: string) {
  const batch = await owned(ctx, id);
  const rows = await repo.jobsOf(ctx.db, batch.id);
  const secs = await secondsPerModel(ctx.deps, batch.modelIds);
  const par = Math.max(1, Math.min(ctx.deps.env.USER_CONCURRENCY, ctx.deps.env.WORKER_CONCURRENCY));
  let ahead = 0;
  return rows.map((j) => {
    const own = secs.get(j.modelId) ?? 10;
    let etaSeconds: number | null = null;
    if (j.status === "processing") etaSeconds = Math.ceil(own * (1 - j.progress));
    else if (j.status === "pending" && batch.state === "active") {
      ahead += own;
      etaSeconds = Math.ceil(ahead / par);
    }
    return {
      id: j.id,
      index: j.batchIndex ?? 0,
      status: j.status,
      prompt: j.prompt,
      modelId: j.modelId,
      seed: typeof j.parameters.seed === "number" ? j.parameters.seed : null,
      progress: j.progress,
      imageIds: j.imageIds,
      errorMessage: j.errorMessage,
      etaSeconds,
    };
  });
}

export async function pause(ctx: Ctx, id: string) {
  const batch = await owned(ctx, id);
  if (batch.state !== "active" || batch.finishedAt)
    throw new AppError(
      "CONFLICT",
      msg(batch.state === "paused" ? "batch.alreadyPaused" : "batch.onlyRunningPaused"),
    );
  await repo.updateBatch(ctx.db, ctx.user.id, id, { state: "paused" });
  await batchJobEnded(ctx.deps, id);
  return get(ctx, id);
}

export async function resume(ctx: Ctx, id: string) {
  const batch = await owned(ctx, id);
  if (batch.state !== "paused") throw new AppError("CONFLICT", msg("batch.onlyPausedResumed"));
  await repo.updateBatch(ctx.db, ctx.user.id, id, { state: "active" });
  await batchJobEnded(ctx.deps, id);
  ctx.deps.events.wakeWorkers();
  return get(ctx, id);
}

/** Cancels the jobs that have not started and refunds what they held; running jobs finish. */
export async function cancel(ctx: Ctx, id: string) {
  const batch = await owned(ctx, id);
  if (batch.state === "cancelled") throw new AppError("CONFLICT", msg("batch.alreadyCancelled"));
  const refunded = await ctx.db.transaction(async (tx) => {
    await repo.updateBatch(tx, ctx.user.id, id, { state: "cancelled" });
    const cancelled = await repo.cancelPending(tx, id);
    const credits = cancelled.reduce((s, j) => s + j.creditsHeld, 0);
    if (credits > 0)
      await applyCredits(tx, {
        userId: ctx.user.id,
        amount: credits,
        kind: "refund",
        note: `Batch “${batch.name}” cancelled: ${cancelled.length} jobs`,
        meta: { batchId: id, jobs: cancelled.length },
      });
    return { jobs: cancelled.length, credits };
  });
  ctx.log.info("batch cancelled", { batchId: id, ...refunded });
  await batchJobEnded(ctx.deps, id);
  return { ...(await get(ctx, id)), refunded };
}

export async function imageIdsOf(ctx: Ctx, id: string): Promise<{ batch: repo.BatchRow; imageIds: string[] }> {
  const batch = await owned(ctx, id);
  const rows = await repo.jobsOf(ctx.db, id);
  return { batch, imageIds: rows.flatMap((j) => j.imageIds) };
}
