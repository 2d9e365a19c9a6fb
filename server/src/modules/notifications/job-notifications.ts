import { findModel } from "@image-studio/shared";
import type { Deps } from "../../context";
import type { JobRow } from "../../jobs/queue.repo";
import { notify } from "./notify";

/** What the worker tells a user when one of their jobs ends for good (a retry still to come is not an end). */

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
const modelName = (id: string) => findModel(id)?.displayName ?? id;

export async function notifyJobCompleted(deps: Deps, job: Pick<JobRow, "id" | "userId" | "modelId" | "prompt" | "operation">, imageIds: string[]) {
  if (!imageIds.length) return;
  const count = imageIds.length;
  await notify(deps, {
    userId: job.userId,
    kind: "job.completed",
    title: count === 1 ? "Your image is ready" : `Your ${count} images are ready`,
    body: `${clip(job.prompt) || job.operation} — ${modelName(job.modelId)}`,
    link: `/images/${imageIds[0]}`,
    data: { jobId: job.id, imageIds, modelId: job.modelId },
    dedupeKey: `job.completed:${job.id}`,
  });
}

export async function notifyJobFailed(deps: Deps, job: Pick<JobRow, "id" | "userId" | "modelId" | "prompt" | "operation">, reason: string, refunded: number) {
  const refund = refunded > 0 ? ` ${refunded} credit${refunded === 1 ? " was" : "s were"} refunded.` : "";
  await notify(deps, {
    userId: job.userId,
    kind: "job.failed",
    title: "A generation failed",
    body: `${reason}${/[.!?]$/.test(reason) ? "" : "."}${refund}`,
    link: "/queue",
    data: { jobId: job.id, modelId: job.modelId, reason, refunded, prompt: clip(job.prompt) },
    dedupeKey: `job.failed:${job.id}`,
  });
}
