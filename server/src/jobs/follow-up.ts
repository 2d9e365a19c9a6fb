import { randomInt } from "node:crypto";
import { upscaleLimitMessage } from "@image-studio/shared";
import { z } from "zod";
import type { Db } from "../db/client";
import { applyCredits } from "../modules/credits/credits.repo";
import { insertJob, type JobRow } from "./queue.repo";

/**
 * A job that needs another pass once it is done (8× upscale = 4× then 2×) says so in `inputs.then`. The API
 * holds the credits of both passes on the first job; the worker, in the transaction that completes the first
 * job, queues the second on its output and hands it the reserved credits. Nothing lives in process memory, so
 * a restart of any process between the passes loses nothing.
 */
export const followUpSchema = z.object({
  operation: z.literal("upscale"),
  scale: z.literal(2),
  /** Credits held on this job for the follow-up; they move to the follow-up job, or back to the user. */
  credits: z.number().int().min(0),
  lockSeed: z.boolean().default(false),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export function followUpOf(job: Pick<JobRow, "inputs">): FollowUp | null {
  const parsed = followUpSchema.safeParse((job.inputs as { then?: unknown }).then);
  return parsed.success ? parsed.data : null;
}

/** Credits of `job.creditsHeld` that belong to its follow-up rather than to the job itself. */
export function reservedCredits(job: Pick<JobRow, "inputs" | "creditsHeld">): number {
  return Math.min(job.creditsHeld, followUpOf(job)?.credits ?? 0);
}

/** The follow-up's idempotency key: one per first job, so a completion run twice never queues two. */
export const followUpClientId = (jobId: string) => `upscale-pass2:${jobId}`;

export interface FollowUpSource {
  imageId: string;
  width: number;
  height: number;
}

/**
 * Queues the follow-up of a job that is completing, in the caller's transaction. Without an output, or when the
 * next pass would pass the size guard, the reserved credits go back and (for the guard) a failed job records
 * why. Returns the job when this call created it.
 */
export async function queueFollowUp(tx: Db, job: JobRow, from: FollowUpSource | undefined): Promise<JobRow | null> {
  const next = followUpOf(job);
  if (!next) return null;
  const credits = reservedCredits(job);
  const refund = async (note: string) => {
    if (credits > 0) await applyCredits(tx, { userId: job.userId, amount: credits, kind: "refund", jobId: job.id, note });
  };
  if (!from) {
    await refund("second upscale pass not run: no image from the first pass");
    return null;
  }
  const refused = upscaleLimitMessage(from.width, from.height, next.scale);
  const seed = next.lockSeed && typeof job.parameters.seed === "number" ? job.parameters.seed : randomInt(0, 2 ** 31);
  const { job: row, created } = await insertJob(tx, {
    userId: job.userId,
    ownerId: job.ownerId,
    projectId: job.projectId,
    clientId: followUpClientId(job.id),
    batchId: job.batchId,
    requestId: job.requestId,
    operation: next.operation,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt,
    modelId: job.modelId,
    provider: job.provider,
    parameters: { ...job.parameters, width: from.width, height: from.height, scale: next.scale, numImages: 1, seed },
    inputs: { sourceImageId: from.imageId, passOf: job.id },
    parentImageId: from.imageId,
    priority: job.priority,
    creditsHeld: refused ? 0 : credits,
    ...(refused ? { status: "failed" as const, errorMessage: refused, errorCode: "validation", completedAt: new Date() } : {}),
  });
  if (!created) return null;
  if (refused) await refund("second upscale pass refused: too large");
  return row;
}
