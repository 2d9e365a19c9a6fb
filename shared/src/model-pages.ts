/** Model pages: measured figures from this install and each model's status. */

export type ModelStatusValue = "available" | "degraded" | "disabled" | "unavailable";

export interface ModelStatus {
  modelId: string;
  status: ModelStatusValue;
  /** Why it is not plainly available (admin switch, engine missing, recent failure rate). */
  reason?: string;
  /** Finished jobs of the last 24 hours the status is judged on. */
  recent: { finished: number; failed: number };
}

/** Recent failure share at which a model counts as degraded (with at least MODEL_DEGRADED_MIN_JOBS finished). */
export const MODEL_DEGRADED_FAILURE_RATE = 0.25;
export const MODEL_DEGRADED_MIN_JOBS = 4;

export interface ModelStats {
  modelId: string;
  /** Finished jobs (completed + failed) the figures are measured on; null figures when there are none. */
  jobs: { completed: number; failed: number; cancelled: number };
  successRate: number | null;
  /** Wall-clock seconds from start to finish of completed jobs. */
  durationSeconds: { p50: number | null; p95: number | null };
  images: number;
  lastUsedAt: string | null;
}

export interface ModelSample {
  prompt: string;
  url: string;
  width: number;
  height: number;
}
export interface ModelSamples {
  items: ModelSample[];
  /** "generated": made once on this install by the model itself; "none": not made (and why). */
  source: "generated" | "none";
  /** Samples are being made right now: ask again in a few seconds. */
  making: boolean;
  /** Why there are none or more are coming, in the request's language. */
  note?: string;
}
