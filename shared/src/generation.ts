import { z } from "zod";
import type { BatchEventPayload } from "./batch";
import type { Notification } from "./notifications";
import { LIMITS } from "./limits";
import { jsonWithin } from "./safe";
import { controlNetSchema, imagePromptsSchema } from "./conditioning";
import { vm } from "./validation-messages";

export const JOB_STATUS = ["pending", "processing", "completed", "failed", "cancelled"] as const;
export type JobStatusName = (typeof JOB_STATUS)[number];

/** Model parameters: known keys are typed; model-specific keys are checked against the catalog. */
export const generationParametersSchema = z
  .object({
    aspectRatio: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    numImages: z.number().int().optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    guidanceScale: z.number().optional(),
    steps: z.number().int().optional(),
    sampler: z.string().optional(),
    stylePreset: z.string().optional(),
  })
  .catchall(z.unknown())
  .superRefine(jsonWithin(LIMITS.jsonBlobMaxBytes));
export type GenerationParameters = z.infer<typeof generationParametersSchema>;

const clientId = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "use letters, digits and . _ : - only");

export const textToImageRequestSchema = z.object({
  prompt: z.string().trim().min(1, vm("common.writePromptFirst")).max(LIMITS.promptMaxLength),
  negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).default(""),
  modelId: z.string().min(1),
  parameters: generationParametersSchema.default({}),
  projectId: z.uuid().nullish(),
  clientId: clientId.optional(),
  priority: z.number().int().min(-10).max(10).default(0),
  /** The saved prompt or template this came from: counts a use of it (ignored when it is not the caller's). */
  promptId: z.uuid().optional(),
  /** ControlNet: a control image (one of yours or an upload) whose edges/depth/pose steer the layout. */
  controlNet: controlNetSchema.optional(),
  /** Image prompts (IP-adapter): reference images with weights that steer the look. */
  imagePrompts: imagePromptsSchema.optional(),
});
export type TextToImageRequest = z.input<typeof textToImageRequestSchema>;

export const jobSchema = z.object({
  id: z.uuid(),
  status: z.enum(JOB_STATUS),
  operation: z.string(),
  modelId: z.string(),
  prompt: z.string(),
  negativePrompt: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  projectId: z.uuid().nullable(),
  parentImageId: z.uuid().nullable(),
  batchId: z.uuid().nullable(),
  clientId: z.string().nullable(),
  priority: z.number(),
  progress: z.number(),
  queuePosition: z.number().optional(),
  imageIds: z.array(z.uuid()),
  errorMessage: z.string().nullable(),
  retryCount: z.number(),
  creditsHeld: z.number(),
  creditsCharged: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobStatusSchema = jobSchema.pick({ id: true, status: true, progress: true, queuePosition: true, imageIds: true, errorMessage: true });
export type JobStatusView = z.infer<typeof jobStatusSchema>;

export const costEstimateRequestSchema = textToImageRequestSchema.pick({ modelId: true, parameters: true }).extend({
  operation: z.string().default("text-to-image"),
});
export const costEstimateSchema = z.object({
  modelId: z.string(),
  credits: z.number().int(),
  balance: z.number().int(),
  affordable: z.boolean(),
  breakdown: z.string(),
});
export type CostEstimate = z.infer<typeof costEstimateSchema>;

/** Server-sent events on GET /api/generate/events. */
export type JobEventPayload =
  | { type: "queued"; jobId: string; queuePosition?: number }
  | { type: "position"; jobId: string; queuePosition: number }
  | { type: "started"; jobId: string }
  | { type: "progress"; jobId: string; progress: number; queuePosition?: number }
  | { type: "completed"; jobId: string; imageIds: string[] }
  | { type: "failed"; jobId: string; errorMessage: string; willRetry: boolean }
  | { type: "cancelled"; jobId: string };

/**
 * Everything the user's live event stream carries: job events, plus events that are not about one job (a new
 * notification for the bell). Modules add their kinds here; the client's stream listens by `type`.
 */
export type LiveEventPayload = JobEventPayload | { type: "notification"; notification: Notification } | BatchEventPayload;
