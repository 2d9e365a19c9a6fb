/**
 * Image conditioning for text-to-image: ControlNet (a control image's edges, depth or pose steer the layout) and
 * image prompts / IP-adapter (reference images steer the look, with weights). Distinct from style transfer, which
 * restyles an existing image. Which models take what is listed here, next to the catalog, so the studio, the
 * validation and the providers read one table.
 */
import { z } from "zod";
import labels from "./locales/en/labels.json";
import { vm } from "./validation-messages";

export const CONTROL_TYPES = ["canny", "depth", "pose"] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];

/** In English; the client shows them from the `labels` catalog (controlTypes.<type>) in the reader's language. */
export const CONTROL_TYPE_LABELS: Record<ControlType, { label: string; description: string }> = labels.controlTypes;

export interface ConditioningSupport {
  /** Control types the model takes (empty: no ControlNet). */
  controlTypes: readonly ControlType[];
  /** How many reference images (IP-adapter / image prompt) at most; 0 = none. */
  maxImagePrompts: number;
  /** Control types whose preprocessing (edge/depth map) the server does itself before sending; the rest the engine does. */
  preprocessedHere: readonly ControlType[];
  /** A short honest note shown in the studio (e.g. what the local engine approximates). */
  note?: string;
}

/** Conditioning per model id (models absent here take none). */
export const CONDITIONING_SUPPORT: Readonly<Record<string, ConditioningSupport>> = {
  "fal-ai/flux-general": {
    controlTypes: ["canny", "depth", "pose"],
    maxImagePrompts: 2,
    preprocessedHere: ["canny", "depth"],
    note: "FLUX.1 [dev] with ControlNets and the XLabs IP-adapter.",
  },
  "fal-ai/flux-control-lora-canny": { controlTypes: ["canny"], maxImagePrompts: 0, preprocessedHere: ["canny"] },
  "fal-ai/flux-control-lora-depth": { controlTypes: ["depth"], maxImagePrompts: 0, preprocessedHere: ["depth"] },
  "fal-ai/sdxl-controlnet-union": { controlTypes: ["canny", "depth", "pose"], maxImagePrompts: 0, preprocessedHere: [] },
  "fal-ai/flux-pro/v1.1-ultra": {
    controlTypes: [],
    maxImagePrompts: 1,
    preprocessedHere: [],
    note: "One image prompt; its weight is the reference strength.",
  },
  "local/sketch": {
    controlTypes: ["canny", "depth"],
    maxImagePrompts: 4,
    preprocessedHere: ["canny", "depth"],
    note: "Local sketch engine: edges are drawn over the sketch and depth shades it; reference images lend their colours.",
  },
  "local/sketch-fast": {
    controlTypes: ["canny", "depth"],
    maxImagePrompts: 4,
    preprocessedHere: ["canny", "depth"],
    note: "Local sketch engine: edges are drawn over the sketch and depth shades it; reference images lend their colours.",
  },
};

export function conditioningFor(modelId: string): ConditioningSupport | undefined {
  return CONDITIONING_SUPPORT[modelId];
}

/** Exactly one of: one of your images, or one of your uploads. */
const imageRef = {
  imageId: z.uuid().optional(),
  uploadId: z.uuid().optional(),
};
const oneRef = (v: { imageId?: string; uploadId?: string }) => (v.imageId ? 1 : 0) + (v.uploadId ? 1 : 0) === 1;
const ONE_REF = { message: vm("generation.oneImageRef"), path: ["imageId"] };

export const CONTROL_STRENGTH = { min: 0, max: 2, default: 1 } as const;
export const IMAGE_PROMPT_WEIGHT = { min: 0, max: 1, default: 0.6 } as const;
export const MAX_IMAGE_PROMPTS = 4;

export const controlNetSchema = z
  .object({
    type: z.enum(CONTROL_TYPES),
    ...imageRef,
    strength: z.number().min(CONTROL_STRENGTH.min).max(CONTROL_STRENGTH.max).default(CONTROL_STRENGTH.default),
  })
  .refine(oneRef, ONE_REF);
export type ControlNetRequest = z.input<typeof controlNetSchema>;

export const imagePromptSchema = z
  .object({
    ...imageRef,
    weight: z.number().min(IMAGE_PROMPT_WEIGHT.min).max(IMAGE_PROMPT_WEIGHT.max).default(IMAGE_PROMPT_WEIGHT.default),
  })
  .refine(oneRef, ONE_REF);
export type ImagePromptRequest = z.input<typeof imagePromptSchema>;

export const imagePromptsSchema = z.array(imagePromptSchema).max(MAX_IMAGE_PROMPTS, vm("generation.atMostReferenceImages", { max: MAX_IMAGE_PROMPTS }));

/** POST /api/generate/control-preview: the preprocessed control map (PNG) the engine will follow. */
export const controlPreviewRequestSchema = z
  .object({
    type: z.enum(["canny", "depth"]),
    ...imageRef,
    /** Longest side of the preview, px. */
    size: z.number().int().min(64).max(1024).default(512),
  })
  .refine(oneRef, ONE_REF);
export type ControlPreviewRequest = z.input<typeof controlPreviewRequestSchema>;

/** Why a model cannot take this conditioning, or null. */
export function conditioningProblem(
  modelId: string,
  controlNet: { type: ControlType } | undefined,
  imagePrompts: readonly unknown[] | undefined,
): string | null {
  const support = conditioningFor(modelId);
  if (controlNet && !support?.controlTypes.includes(controlNet.type)) {
    const ok = support?.controlTypes.length ? ` (it takes ${support.controlTypes.join(", ")})` : "";
    return `This model does not take a ${controlNet.type} control image${ok}`;
  }
  const n = imagePrompts?.length ?? 0;
  if (n > 0 && n > (support?.maxImagePrompts ?? 0)) {
    const max = support?.maxImagePrompts ?? 0;
    return max ? `This model takes at most ${max} reference image${max === 1 ? "" : "s"}` : "This model does not take reference images";
  }
  return null;
}
