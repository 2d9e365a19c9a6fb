/** Batch constants with no dependencies, so the CLI can bundle them without zod or papaparse. */
export const BATCH_PRIORITIES = ["low", "normal", "high"] as const;
export type BatchPriority = (typeof BATCH_PRIORITIES)[number];
/** The job priority each batch priority queues at (single generations default to 0, "normal"). */
export const BATCH_PRIORITY_VALUE: Record<BatchPriority, number> = { low: -5, normal: 0, high: 5 };
export const batchPriorityOf = (value: number): BatchPriority => (value > 0 ? "high" : value < 0 ? "low" : "normal");

export const BATCH_STATUSES = ["queued", "scheduled", "running", "paused", "completed", "failed", "cancelled"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_LIMITS = {
  /** Default cap on jobs per batch (the server's BATCH_MAX_JOBS overrides it). */
  maxJobs: 500,
  maxModels: 8,
  maxSeeds: 1000,
  csvMaxBytes: 512 * 1024,
  previewItems: 20,
  variableValuesMax: 200,
} as const;
