/**
 * Batch generation: many jobs from one request — a prompt list, a template, or a CSV — times seeds times models.
 * The contracts and the pure expansion both sides use (the client to preview, the
 * server to build jobs); the CSV reader is in batch-csv.ts.
 */
import { z } from "zod";
import { generationParametersSchema, textToImageRequestSchema } from "./generation";
import { LIMITS } from "./limits";
import { compileTemplate, type ParsedTemplate, templateExpansionAt } from "./prompt-template";
import { safeDateTime } from "./safe";
import { type BatchRow, batchRowErrorSchema, type BatchRowError, parseBatchCsv } from "./batch-csv";
import { BATCH_LIMITS, BATCH_PRIORITIES, BATCH_STATUSES, type BatchStatus } from "./batch-constants";
import { vm } from "./validation-messages";

export * from "./batch-constants";
export * from "./batch-csv";

const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);
const clientId = textToImageRequestSchema.shape.clientId;

export const batchRequestSchema = z
  .object({
    /** Client-minted idempotency key (offline outbox): the same clientId twice makes one batch. */
    clientId,
    name: z.string().trim().max(LIMITS.nameMaxLength).optional(),
    modelId: z.string().min(1),
    /** More models: every item runs on each (the rows × seeds × models product). */
    modelIds: z.array(z.string().min(1)).max(BATCH_LIMITS.maxModels).optional(),
    parameters: generationParametersSchema.default({}),
    negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).default(""),
    prompts: z
      .array(z.string().max(LIMITS.promptMaxLength))
      .max(BATCH_LIMITS.maxJobs * 4)
      .optional(),
    template: z.string().max(LIMITS.promptMaxLength).optional(),
    variables: z
      .record(z.string().max(64), z.array(z.string().max(LIMITS.promptMaxLength)).max(BATCH_LIMITS.variableValuesMax))
      .optional()
      .refine((v) => !v || Object.keys(v).length <= 16, vm("batch.atMostVariables", { max: 16 })),
    csv: z.string().max(BATCH_LIMITS.csvMaxBytes).optional(),
    seeds: z.array(seed).max(BATCH_LIMITS.maxSeeds).optional(),
    /** A run of seeds: start, start+1, … (instead of a list). */
    seedRange: z.object({ start: seed, count: z.number().int().min(1).max(BATCH_LIMITS.maxSeeds) }).optional(),
    priority: z.enum(BATCH_PRIORITIES).default("normal"),
    scheduledAt: safeDateTime().optional(),
    /** Where the batch's images go. */
    projectId: z.uuid().nullish(),
  })
  .superRefine((b, ctx) => {
    const sources = [b.prompts !== undefined, b.template !== undefined, b.csv !== undefined].filter(Boolean).length;
    if (sources !== 1)
      ctx.addIssue({ code: "custom", path: ["prompts"], message: vm("batch.oneSource") });
    if (b.seeds && b.seedRange)
      ctx.addIssue({ code: "custom", path: ["seedRange"], message: vm("batch.seedsOrRange") });
  });
export type BatchRequest = z.input<typeof batchRequestSchema>;
export type BatchRequestParsed = z.output<typeof batchRequestSchema>;

export interface BatchItem {
  index: number;
  prompt: string;
  negativePrompt: string;
  seed: number | null;
  modelId: string;
  parameters: Record<string, unknown>;
  /** The CSV data row it came from. */
  row?: number;
}

// ------------------------------------------------------------------------------------------------------------
// Expansion: rows × seeds × models, counted first and materialised only when affordable and under the cap.

export interface BatchPlan {
  /** Rows × seeds × models. */
  total: number;
  /** The item at `index` (0-based): rows vary slowest, then seeds, then models. */
  at(index: number): BatchItem;
  errors: BatchRowError[];
  columns?: string[];
}

function seedList(b: Pick<BatchRequestParsed, "seeds" | "seedRange">): (number | null)[] {
  if (b.seeds?.length) return b.seeds;
  if (b.seedRange)
    return Array.from({ length: b.seedRange.count }, (_, i) => Math.min(2 ** 32 - 1, b.seedRange!.start + i));
  return [null];
}

/** Plans a batch without making its items (a template of a billion prompts is counted, not expanded). */
export function planBatch(b: BatchRequestParsed): BatchPlan {
  const models = [...new Set([b.modelId, ...(b.modelIds ?? [])])];
  const seeds = seedList(b);
  const errors: BatchRowError[] = [];
  let rowCount = 0;
  let rowAt: (i: number) => BatchRow;
  let columns: string[] | undefined;
  if (b.template !== undefined) {
    const compiled = compileTemplate(b.template, b.variables ?? {});
    if (!compiled.ok) {
      errors.push(...compiled.issues.map((i) => ({ row: 0, column: "template", message: i.message })));
      rowAt = () => ({ prompt: "", parameters: {} });
    } else {
      const t: ParsedTemplate = compiled.template;
      rowCount = compiled.count;
      rowAt = (i) => ({ prompt: templateExpansionAt(t, b.variables ?? {}, i), parameters: {} });
    }
  } else if (b.csv !== undefined) {
    const csv = parseBatchCsv(b.csv, { modelId: b.modelId });
    errors.push(...csv.errors);
    columns = csv.columns;
    rowCount = csv.rows.length;
    rowAt = (i) => csv.rows[i]!;
  } else {
    const prompts = (b.prompts ?? []).map((p) => p.trim()).filter(Boolean);
    rowCount = prompts.length;
    rowAt = (i) => ({ prompt: prompts[i]!, parameters: {} });
  }
  if (!errors.length && rowCount === 0)
    errors.push({ row: 0, column: b.csv !== undefined ? "csv" : "prompts", message: vm("checks.batchRows.noPrompts") });
  const perRow = seeds.length * models.length;
  return {
    total: rowCount * perRow,
    errors,
    columns,
    at(index) {
      const row = rowAt(Math.floor(index / perRow));
      const seed = row.seed ?? seeds[Math.floor(index / models.length) % seeds.length]!;
      const modelId = row.modelId ?? models[index % models.length]!;
      const parameters: Record<string, unknown> = { ...b.parameters, ...row.parameters };
      if (seed !== null) parameters.seed = seed;
      const item: BatchItem = {
        index,
        prompt: row.prompt,
        negativePrompt: row.negativePrompt ?? b.negativePrompt,
        seed,
        modelId,
        parameters,
      };
      if (row.row !== undefined) item.row = row.row;
      return item;
    },
  };
}

// ------------------------------------------------------------------------------------------------------------
// Responses

export const batchItemSchema = z.object({
  index: z.number().int(),
  prompt: z.string(),
  negativePrompt: z.string(),
  seed: z.number().int().nullable(),
  modelId: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});

export const batchPreviewSchema = z.object({
  total: z.number().int(),
  images: z.number().int(),
  estimatedCredits: z.number().int(),
  balance: z.number().int(),
  affordable: z.boolean(),
  maxJobs: z.number().int(),
  etaSeconds: z.number().nullable(),
  columns: z.array(z.string()).optional(),
  items: z.array(batchItemSchema),
  errors: z.array(batchRowErrorSchema),
});
export type BatchPreview = z.infer<typeof batchPreviewSchema>;

export const batchSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(BATCH_STATUSES),
  priority: z.enum(BATCH_PRIORITIES),
  total: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  running: z.number().int(),
  pending: z.number().int(),
  modelIds: z.array(z.string()),
  projectId: z.uuid().nullable(),
  estimatedCredits: z.number().int(),
  jobIds: z.array(z.uuid()),
  imageIds: z.array(z.uuid()),
  etaSeconds: z.number().nullable(),
  /** Seconds one job of this batch takes here (p50 of recent runs), for per-job estimates. */
  secondsPerJob: z.number().nullable(),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Batch = z.infer<typeof batchSchema>;
export type BatchSummary = Omit<Batch, "jobIds" | "imageIds">;

export const batchCreatedSchema = z.object({
  id: z.uuid(),
  total: z.number().int(),
  estimatedCredits: z.number().int(),
});

/** Move one pending job, or a whole batch, just before or after another in the user's queue. */
export const queueRefSchema = z.object({ kind: z.enum(["job", "batch"]), id: z.uuid() });
export type QueueRef = z.infer<typeof queueRefSchema>;
export const queueReorderSchema = z
  .object({ move: queueRefSchema, before: queueRefSchema.optional(), after: queueRefSchema.optional() })
  .refine((r) => (r.before ? 1 : 0) + (r.after ? 1 : 0) === 1, {
    message: vm("batch.beforeOrAfter"),
    path: ["before"],
  });
export type QueueReorder = z.infer<typeof queueReorderSchema>;

export const batchPresetInputSchema = z.object({
  name: z.string().trim().min(1, vm("batch.presetNameRequired")).max(LIMITS.nameMaxLength),
  config: z.record(z.string(), z.unknown()).superRefine((v, ctx) => {
    if (JSON.stringify(v).length > 64 * 1024) ctx.addIssue({ code: "custom", message: vm("batch.presetTooLarge") });
  }),
});
export const batchPresetSchema = batchPresetInputSchema.extend({ id: z.uuid(), createdAt: z.string() });
export type BatchPreset = z.infer<typeof batchPresetSchema>;

/** Live events of batches (on the owner's stream): a batch's progress, and "the waiting line's order changed". */
export type BatchEventPayload =
  | { type: "batch"; batchId: string; status: BatchStatus; total: number; completed: number; failed: number }
  | { type: "line" };
