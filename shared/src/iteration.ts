/**
 * Iterating on an image: variations, upscales, remixes, inpaint/outpaint, background removal, style transfer,
 * uploads and the lineage tree. Request/response contracts shared by the API and the client.
 */
import { z } from "zod";
import type { Operation } from "./catalog-base";
import { generationParametersSchema } from "./generation";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/** Largest result of an upscale (all passes together), per side and in total pixels. */
export const UPSCALE_MAX_SIDE = 16384;
export const UPSCALE_MAX_PIXELS = 8192 * 8192;
/** Upscale factors offered; 8× runs as two passes (4× then 2×). */
export const UPSCALE_FACTORS = [2, 4, 8] as const;

/** Why a `scale`× upscale of a width×height image is refused (past the size guard), or null when it fits. */
export function upscaleLimitMessage(width: number, height: number, scale: number): string | null {
  const w = width * scale;
  const h = height * scale;
  if (w <= UPSCALE_MAX_SIDE && h <= UPSCALE_MAX_SIDE && w * h <= UPSCALE_MAX_PIXELS) return null;
  const mp = Math.round(UPSCALE_MAX_PIXELS / 1_000_000);
  return vm("checks.upscale.tooLarge", { scale, width, height, w, h, maxSide: UPSCALE_MAX_SIDE, mp });
}
/** How far up and down the lineage walks from an image, and how many nodes it returns at most. */
export const LINEAGE_MAX_DEPTH = 25;
export const LINEAGE_MAX_NODES = 500;
/** Outpainting: pixels added per side at most. */
export const OUTPAINT_MAX_EXTEND = 2048;

/** The model used per operation when the caller names none: fal's when FAL_KEY is set, else the local engine's. */
export const DEFAULT_ITERATION_MODELS: Record<Exclude<Operation, "text-to-image">, { fal: string; local: string }> = {
  "image-to-image": { fal: "fal-ai/flux/dev", local: "local/sketch" },
  variation: { fal: "fal-ai/flux/dev", local: "local/sketch" },
  upscale: { fal: "fal-ai/clarity-upscaler", local: "local/upscale" },
  "remove-background": { fal: "fal-ai/birefnet/v2", local: "local/remove-background" },
  inpaint: { fal: "fal-ai/flux-pro/v1/fill", local: "local/inpaint" },
  outpaint: { fal: "fal-ai/flux-pro/v1/fill", local: "local/inpaint" },
  "style-transfer": { fal: "fal-ai/flux-pro/v1.1-ultra", local: "local/sketch" },
  "image-to-video": { fal: "fal-ai/kling-video/v2.1/standard/image-to-video", local: "local/animate" },
};
/** The fal model that applies LoRAs to an existing image. */
export const LORA_MODEL_ID = "fal-ai/flux-lora";

const clientId = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "use letters, digits and . _ : - only");
const strength = z.number().min(0.01).max(1);
const modelId = z.string().min(1).optional();
const prompt = z.string().trim().max(LIMITS.promptMaxLength).optional();
const negativePrompt = z.string().max(LIMITS.negativePromptMaxLength).optional();
const parameters = generationParametersSchema.optional();
/** A LoRA applied to a remix: a public https URL to the weights (.safetensors) and a blend weight. */
export const loraWeightSchema = z.object({
  path: z
    .string()
    .trim()
    .min(1, vm("generation.loraUrlRequired"))
    .max(2048)
    .regex(/^https:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(\/\S*)?$/, vm("generation.loraUrlHttps")),
  scale: z.number(vm("common.enterNumber")).min(-4, vm("generation.scaleMin")).max(4, vm("generation.scaleMax")).default(1),
});
/** How many LoRAs one remix can combine. */
export const MAX_LORAS = 5;

const common = {
  modelId,
  clientId: clientId.optional(),
  projectId: z.uuid().nullish(),
  /** Keep the parent image's seed instead of drawing a new one. */
  lockSeed: z.boolean().default(false),
};

export const variationRequestSchema = z.object({
  count: z.number().int().min(1).max(4).default(1),
  strength: strength.optional(),
  ...common,
});
export type VariationRequest = z.input<typeof variationRequestSchema>;

export const upscaleRequestSchema = z.object({
  scale: z.union([z.literal(2), z.literal(4), z.literal(8)]),
  ...common,
});
export type UpscaleRequest = z.input<typeof upscaleRequestSchema>;

export const remixRequestSchema = z.object({
  prompt,
  negativePrompt,
  parameters,
  strength: strength.optional(),
  /** Apply LoRAs (needs a model that takes them, e.g. fal-ai/flux-lora). */
  loras: z.array(loraWeightSchema).max(MAX_LORAS, vm("generation.atMostLoras", { max: MAX_LORAS })).optional(),
  ...common,
});
export type RemixRequest = z.input<typeof remixRequestSchema>;

/** POST /api/generate/image-to-image: from one of your images or one of your uploads. */
export const imageToImageRequestSchema = z
  .object({
    prompt: z.string().trim().min(1, vm("common.writePromptFirst")).max(LIMITS.promptMaxLength),
    negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).default(""),
    modelId: z.string().min(1),
    parameters: generationParametersSchema.default({}),
    projectId: z.uuid().nullish(),
    clientId: clientId.optional(),
    priority: z.number().int().min(-10).max(10).default(0),
    sourceImageId: z.uuid().optional(),
    uploadId: z.uuid().optional(),
    strength: strength.optional(),
  })
  .refine((v) => (v.sourceImageId ? 1 : 0) + (v.uploadId ? 1 : 0) === 1, {
    message: vm("generation.sourceImageOrUpload"),
    path: ["sourceImageId"],
  });
export type ImageToImageRequest = z.input<typeof imageToImageRequestSchema>;

export const inpaintRequestSchema = z.object({
  maskUploadId: z.uuid(),
  prompt: z.string().trim().min(1, vm("generation.inpaintPromptRequired")).max(LIMITS.promptMaxLength),
  negativePrompt,
  parameters,
  strength: strength.optional(),
  ...common,
});
export type InpaintRequest = z.input<typeof inpaintRequestSchema>;

const side = z.number().int().min(0).max(OUTPAINT_MAX_EXTEND).default(0);
export const outpaintExtendSchema = z
  .object({ top: side, right: side, bottom: side, left: side })
  .refine((e) => e.top + e.right + e.bottom + e.left > 0, { message: vm("generation.extendOneSide") });
export type OutpaintExtend = z.output<typeof outpaintExtendSchema>;

export const outpaintRequestSchema = z.object({
  extend: outpaintExtendSchema,
  prompt,
  negativePrompt,
  parameters,
  ...common,
});
export type OutpaintRequest = z.input<typeof outpaintRequestSchema>;

export const removeBackgroundRequestSchema = z.object({ parameters, ...common });
export type RemoveBackgroundRequest = z.input<typeof removeBackgroundRequestSchema>;

export const styleTransferRequestSchema = z
  .object({
    styleImageId: z.uuid().optional(),
    styleUploadId: z.uuid().optional(),
    prompt,
    strength: strength.optional(),
    parameters,
    ...common,
  })
  .refine((v) => (v.styleImageId ? 1 : 0) + (v.styleUploadId ? 1 : 0) === 1, {
    message: vm("generation.styleImageOrUpload"),
    path: ["styleImageId"],
  });
export type StyleTransferRequest = z.input<typeof styleTransferRequestSchema>;

export const UPLOAD_PURPOSES = ["source", "mask", "style"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export const uploadResponseSchema = z.object({
  uploadId: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  format: z.enum(["png", "webp"]),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const lineageNodeSchema = z.object({
  id: z.uuid(),
  parentImageId: z.uuid().nullable(),
  operation: z.string(),
  prompt: z.string(),
  modelId: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  width: z.number(),
  height: z.number(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
  deleted: z.boolean(),
  /** Generations from the root (the root is 0). */
  depth: z.number().int(),
});
export type LineageNode = z.infer<typeof lineageNodeSchema>;

export const lineageSchema = z.object({
  imageId: z.uuid(),
  rootId: z.uuid(),
  /** Oldest first: the root … the image's parent. */
  ancestors: z.array(z.uuid()),
  /** Every image of the tree (root, the image's ancestors, and all descendants of the root), root first. */
  nodes: z.array(lineageNodeSchema),
  /** True when the depth or node cap cut the tree short. */
  truncated: z.boolean(),
});
export type Lineage = z.infer<typeof lineageSchema>;
