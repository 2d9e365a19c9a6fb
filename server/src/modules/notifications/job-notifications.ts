import { findModel } from "@image-studio/shared";
import type { Deps } from "../../context";
import type { JobRow } from "../../jobs/queue.repo";
import { notify } from "./notify";

/** What the worker tells a user when one of their jobs ends for good (a retry still to come is not an end). */

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
const modelName = (id: string) => findModel(id)?.displayName ?? id;

export async function notifyJobCompleted(deps: Deps, job: Pick<JobRow, "id" | "userId" | "modelId" | "prompt" | "operation">, imageIds: string[]) {
  if (!imageIds.length) return;
  await notify(deps, {
    userId: job.userId,
    kind: "job.completed",
    params: { count: imageIds.length, prompt: clip(job.prompt) || job.operation, model: modelName(job.modelId) },
    link: `/images/${imageIds[0]}`,
    data: { jobId: job.id, imageIds, modelId: job.modelId },
    dedupeKey: `job.completed:${job.id}`,
  });
}

export async function notifyJobFailed(deps: Deps, job: Pick<JobRow, "id" | "userId" | "modelId" | "prompt" | "operation">, reason: string, refunded: number) {
  await notify(deps, {
    userId: job.userId,
    kind: "job.failed",
    params: { reason, refunded, prompt: clip(job.prompt), model: modelName(job.modelId) },
    link: "/queue",
    data: { jobId: job.id, modelId: job.modelId, reason, refunded, prompt: clip(job.prompt) },
    dedupeKey: `job.failed:${job.id}`,
  });
}
