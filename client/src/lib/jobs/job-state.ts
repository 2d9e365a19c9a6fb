/** Pure job-state helpers shared by the studio and the queue page (no React, no fetch). */
import type { Job, JobEventPayload, JobStatusName, JobStatusView } from "@image-studio/shared";

export const ACTIVE_STATUSES: readonly JobStatusName[] = ["pending", "processing"];
export const isActive = (status: JobStatusName | undefined): boolean => status === "pending" || status === "processing";
export const isTerminal = (status: JobStatusName | undefined): boolean => status === "completed" || status === "failed" || status === "cancelled";

/** Applies one server-sent event to a job. Terminal states are final: late progress events never revive them. */
export function applyJobEvent(job: Job, event: JobEventPayload): Job {
  if (event.jobId !== job.id) return job;
  if (isTerminal(job.status) && event.type !== "completed") return job;
  switch (event.type) {
    case "queued":
      return { ...job, status: "pending", ...(event.queuePosition === undefined ? {} : { queuePosition: event.queuePosition }) };
    case "position":
      return job.status === "pending" ? { ...job, queuePosition: event.queuePosition } : job;
    case "started":
      return { ...job, status: "processing", queuePosition: undefined, startedAt: job.startedAt ?? new Date().toISOString() };
    case "progress":
      // A running job; queuePosition here is the engine's own queue (e.g. fal's), not ours.
      return {
        ...job,
        status: "processing",
        progress: Math.max(job.progress, event.progress),
        queuePosition: event.queuePosition,
      };
    case "completed":
      return { ...job, status: "completed", progress: 1, imageIds: event.imageIds, queuePosition: undefined };
    case "failed":
      // A failure the worker will retry leaves the job queued.
      return event.willRetry
        ? { ...job, status: "pending", errorMessage: event.errorMessage, progress: 0 }
        : { ...job, status: "failed", errorMessage: event.errorMessage, queuePosition: undefined };
    case "cancelled":
      return { ...job, status: "cancelled", queuePosition: undefined };
  }
}

/** Whether an event ends a job for good (a failure the worker will retry does not). */
export const endsJob = (event: JobEventPayload): boolean =>
  event.type === "completed" || event.type === "cancelled" || (event.type === "failed" && !event.willRetry);

/**
 * Whether the job lists (queue and history) must be fetched again after an event: a new job (from this tab or
 * any other tab or device) is not in them yet, a finished one moves from the queue to the history, and a job
 * that starts without the lists knowing it (its "queued" came before this page listened) must be added.
 * Position and progress events only patch rows already listed.
 */
export function listsNeedRefetch(event: JobEventPayload, listed: boolean): boolean {
  if (event.type === "queued" || endsJob(event)) return true;
  return event.type === "started" && !listed;
}

/** Merges a /status answer into a full job. */
export function mergeStatus(job: Job, status: JobStatusView): Job {
  const { queuePosition, ...rest } = status;
  return { ...job, ...rest, progress: isTerminal(status.status) ? status.progress : Math.max(job.progress, status.progress), queuePosition };
}

/** 0–100 for a progress bar, or null while the job waits (an indeterminate bar). */
export function progressPercent(job: Pick<Job, "status" | "progress">): number | null {
  if (job.status === "completed") return 100;
  if (job.status !== "processing") return null;
  return Math.round(Math.min(1, Math.max(0, job.progress)) * 100);
}

/** Seconds a finished job took to run (start → end), or null. */
export function runSeconds(job: Pick<Job, "startedAt" | "completedAt">): number | null {
  if (!job.startedAt || !job.completedAt) return null;
  const s = (Date.parse(job.completedAt) - Date.parse(job.startedAt)) / 1000;
  return Number.isFinite(s) && s >= 0 ? s : null;
}

/** How many images a job asked for. */
export function requestedImages(job: Pick<Job, "parameters" | "imageIds">): number {
  if (job.imageIds.length) return job.imageIds.length;
  const n = job.parameters.numImages;
  return typeof n === "number" && n > 0 ? n : 1;
}

/** The pixel size a job makes (from its normalised parameters). */
export function jobSize(job: Pick<Job, "parameters">): { width: number; height: number } | null {
  const { width, height } = job.parameters;
  return typeof width === "number" && typeof height === "number" ? { width, height } : null;
}
