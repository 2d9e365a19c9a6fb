import { z } from "zod";

export const componentHealthSchema = z.object({
  ok: z.boolean(),
  kind: z.string(),
  detail: z.string().optional(),
  latencyMs: z.number().optional(),
});

/** The job queue: a stalled queue (jobs due, no live worker) is not ok. */
export const queueHealthSchema = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  /** Jobs waiting (including retries scheduled for later). */
  pending: z.number().int(),
  /** Jobs a worker holds under a live lease. */
  running: z.number().int(),
  /** How long the longest-waiting due job has waited, or null when none waits. */
  oldestPendingAgeSeconds: z.number().nullable(),
});

/** Worker processes (or API processes with an in-process worker) that sent a heartbeat within the lease time. */
export const workersHealthSchema = z.object({
  ok: z.boolean(),
  detail: z.string().optional(),
  live: z.number().int(),
  /** Jobs the live workers may run at once, and run now. */
  capacity: z.number().int(),
  activeJobs: z.number().int(),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: componentHealthSchema,
  storage: componentHealthSchema,
  imageEngine: componentHealthSchema.extend({ label: z.string() }),
  mail: componentHealthSchema,
  queue: queueHealthSchema,
  workers: workersHealthSchema,
});
export type Health = z.infer<typeof healthSchema>;

/** GET /api/health/live: the process answers (no dependency checked). */
export const livenessSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });
export type Liveness = z.infer<typeof livenessSchema>;

/** GET /api/health/ready (and a standalone worker's /ready): may this process take traffic / jobs now. */
export const readinessSchema = z.object({
  status: z.enum(["ready", "unavailable"]),
  database: componentHealthSchema,
  /** A worker process: its lease owner id and running jobs. */
  worker: z.object({ id: z.string(), running: z.boolean(), activeJobs: z.number().int() }).optional(),
});
export type Readiness = z.infer<typeof readinessSchema>;
