import type { Ctx } from "../../context";
import { msg } from "../../i18n/api";
import { AppError } from "../../lib/errors";
import { applyCredits, balanceOf } from "../credits/credits.repo";
import { assertWithinLimit } from "../credits/credits.service";
import { targetScope, usableModel } from "../generation/generation.service";
import { batchJobEnded } from "./batch.progress";
import * as repo from "./batch.repo";
import { get, OPERATION, owned } from "./batch.service";

/** Runs the failed items again (a new attempt each, a fresh hold), as one more round of the batch. */
export async function retryFailed(ctx: Ctx, id: string) {
  const batch = await owned(ctx, id);
  if (batch.state === "cancelled") throw new AppError("CONFLICT", msg("batch.cancelledNoRetry"));
  const all = await repo.jobsOf(ctx.db, id);
  const latest = new Map<number, (typeof all)[number]>();
  for (const j of all) latest.set(j.batchIndex ?? -1, j);
  const failed = [...latest.values()].filter((j) => j.status === "failed");
  if (!failed.length) throw new AppError("CONFLICT", msg("batch.noFailed"));
  for (const m of new Set(failed.map((j) => j.modelId))) await usableModel(ctx, m, OPERATION);
  const held = failed.reduce((s, j) => s + j.creditsHeld, 0);
  // A batch into a shared project retries there only while the caller may still generate into it.
  const scope = await targetScope(ctx, batch.projectId);
  await ctx.db.transaction(async (tx) => {
    if (held > 0) {
      await assertWithinLimit(ctx, held, tx, `batch:${id}:${batch.round + 1}`);
      const balance = await applyCredits(tx, {
        userId: ctx.user.id,
        amount: -held,
        kind: "hold",
        note: `Batch “${batch.name}”: retry ${failed.length} failed`,
        meta: { batchId: id },
      });
      if (balance === null) {
        const have = await balanceOf(tx, ctx.user.id);
        throw new AppError("INSUFFICIENT_CREDITS", msg("batch.retryNeeds", { count: held, have }), {
          needed: held,
          balance: have,
        });
      }
    }
    await repo.updateBatch(tx, ctx.user.id, id, { finishedAt: null, round: batch.round + 1 });
    await repo.insertJobs(
      tx,
      {
        userId: ctx.user.id,
        ownerId: scope.user.id === ctx.user.id ? null : scope.user.id,
        projectId: batch.projectId,
        batchId: id,
        requestId: ctx.requestId ?? null,
        operation: OPERATION,
        priority: batch.priority,
        sortKey: batch.sortKey,
      },
      failed.map((j) => ({
        batchIndex: j.batchIndex ?? 0,
        prompt: j.prompt,
        negativePrompt: j.negativePrompt,
        modelId: j.modelId,
        provider: j.provider,
        parameters: j.parameters,
        creditsHeld: j.creditsHeld,
      })),
    );
  });
  await batchJobEnded(ctx.deps, id);
  ctx.deps.events.wakeWorkers();
  return { ...(await get(ctx, id)), retried: failed.length };
}
