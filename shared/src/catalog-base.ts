/**
 * The vocabulary of the model catalog: operations, parameter specs, sizes, style presets and samplers.
 * Pure data and types (plus zod schemas that mirror them); the entries themselves live in catalog-models.ts
 * and the public entry point is catalog.ts.
 */
import { z } from "zod";
// Labels in English; the client shows them from the `labels` catalog by id, in the reader's language.
import labels from "./locales/en/labels.json";

/** Everything an engine can be asked to do. Identical to `Operation` in server/src/providers/types.ts. */
export const OPERATIONS = [
  "text-to-image",
  "image-to-image",
  "inpaint",
  "outpaint",
  "variation",
  "upscale",
  "remove-background",
  "style-transfer",
  "image-to-video",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Operations whose output size follows the source image rather than a chosen canvas. */
export const SOURCE_SIZED_OPERATIONS: readonly Operation[] = [
  "image-to-image",
  "inpaint",
  "outpaint",
  "upscale",
  "remove-background",
  "image-to-video",
];

export type ParamType = "int" | "float" | "enum" | "boolean" | "loras";

export interface LoraWeight {
  /** A public https URL to a .safetensors file, or a Hugging Face repo id ("owner/name"). */
  path: string;
  /** Blend weight, default 1. */
  scale: number;
}

export type ParamValue = number | string | boolean | LoraWeight[];

export interface ParamSpec {
  /** Our camelCase name (guidanceScale, steps, outputFormat, …); the provider maps it to the engine's field. */
  key: string;
  label: string;
  type: ParamType;
  /** int/float: inclusive bounds. loras: `max` is the most LoRAs accepted. */
  min?: number;
  max?: number;
  step?: number;
  default?: ParamValue;
  /** enum: the allowed strings; int: when present, the only allowed values (e.g. 1, 2, 4, 8 steps). */
  options?: readonly (string | number)[];
  /** Shown in the advanced accordion. */
  advanced?: boolean;
  description: string;
  /** Only used for these operations (e.g. strength for image-to-image). Absent = every operation of the model. */
  operations?: readonly Operation[];
}

export type ModelCategory = "flux" | "stable-diffusion" | "aura" | "specialized" | "utility" | "local";
export type SizeMode = "image_size" | "aspect_ratio" | "none";

export interface Pricing {
  /** "second": video models, billed per second of output (credits × duration). */
  unit: "image" | "megapixel" | "second";
  /** 1 credit = US$0.001. Megapixel prices are billed per image, rounding up to whole megapixels (1 MP = 1024×1024 px). */
  credits: number;
  /** false when fal publishes no firm price (compute-billed or conflicting sources): the value is our estimate. */
  priceConfirmed: boolean;
  note?: string;
}

export interface SizeLimits {
  min: number;
  max: number;
  multipleOf: number;
}

export interface RecommendedSettings {
  aspectRatio?: AspectRatioId;
  steps?: number;
  guidanceScale?: number;
  tip?: string;
}

export interface CatalogModel {
  /** fal endpoint id of the main (usually text-to-image) endpoint, or a `local/…` id. */
  id: string;
  provider: "fal" | "local";
  displayName: string;
  description: string;
  category: ModelCategory;
  version: string;
  operations: Operation[];
  /** fal endpoint id per operation (empty for local models). */
  endpoints: Partial<Record<Operation, string>>;
  sizeMode: SizeMode;
  /** Per-side bounds for explicit width/height (default 64..2048, multiples of 8). */
  sizeLimits?: SizeLimits;
  /** Aspect ratios the model accepts (default: all of ASPECT_RATIOS). */
  aspectRatios?: AspectRatioId[];
  supportsNegativePrompt: boolean;
  maxImages: number;
  pricing: Pricing;
  /** Where an operation is priced differently from `pricing`. */
  operationPricing?: Partial<Record<Operation, Pricing>>;
  /** 1 (slow) … 5 (fast). */
  speed: number;
  /** 1 (rough) … 5 (best). */
  quality: number;
  bestFor: string[];
  recommended: RecommendedSettings;
  docsUrl?: string;
  featured?: boolean;
  /** Licence or usage caveat shown next to the model (e.g. research-only weights). */
  license?: string;
  /** Id of the model that replaces this one, when fal marks it as superseded. */
  successor?: string;
  params: ParamSpec[];
}

/** fal's named image_size presets and the pixel sizes they stand for. */
export const FAL_IMAGE_SIZE_PRESETS = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
} as const;
export type FalImageSizePreset = keyof typeof FAL_IMAGE_SIZE_PRESETS;

export interface AspectRatio {
  id: string;
  label: string;
  /** Just under one billed megapixel (1024×1024 px), multiples of 16 (FLUX works in 16-px patches). */
  width: number;
  height: number;
  /** The fal image_size preset with this shape, where one exists (its pixel size is smaller than width×height). */
  falPreset?: FalImageSizePreset;
}

export const ASPECT_RATIOS = [
  { id: "1:1", label: labels.aspectRatios["1x1"], width: 1024, height: 1024, falPreset: "square_hd" },
  { id: "16:9", label: labels.aspectRatios["16x9"], width: 1360, height: 768, falPreset: "landscape_16_9" },
  { id: "9:16", label: labels.aspectRatios["9x16"], width: 768, height: 1360, falPreset: "portrait_16_9" },
  { id: "4:3", label: labels.aspectRatios["4x3"], width: 1152, height: 864, falPreset: "landscape_4_3" },
  { id: "3:4", label: labels.aspectRatios["3x4"], width: 864, height: 1152, falPreset: "portrait_4_3" },
  { id: "3:2", label: labels.aspectRatios["3x2"], width: 1248, height: 832 },
  { id: "2:3", label: labels.aspectRatios["2x3"], width: 832, height: 1248 },
  { id: "21:9", label: labels.aspectRatios["21x9"], width: 1536, height: 656 },
] as const satisfies readonly AspectRatio[];
export type AspectRatioId = (typeof ASPECT_RATIOS)[number]["id"];

/** Style presets: appended to the prompt by every engine (see applyStylePreset). */
export const STYLE_PRESETS = {
  none: "",
  photographic: "professional photograph, natural light, sharp focus, high detail",
  cinematic: "cinematic still, dramatic lighting, shallow depth of field, film grain",
  anime: "anime illustration, clean line art, vibrant cel shading",
  "digital-art": "digital painting, concept art, highly detailed",
  "oil-painting": "oil painting on canvas, visible brush strokes, rich texture",
  watercolor: "watercolor painting, soft washes, paper texture",
  "pixel-art": "pixel art, 16-bit, crisp pixels, limited palette",
  "3d-render": "3D render, octane, global illumination, studio lighting",
  "line-art": "black and white line art, ink drawing, clean outlines",
  "comic-book": "comic book art, bold inks, halftone shading",
  fantasy: "fantasy art, epic, ethereal lighting, intricate detail",
  isometric: "isometric illustration, clean geometry, soft shadows",
  minimalist: "minimalist, flat colors, simple shapes, generous negative space",
} as const;
export type StylePresetId = keyof typeof STYLE_PRESETS;

/** Sampler names for engines that take one (the local sketch engine; fal's hosted FLUX/SDXL endpoints fix theirs). */
export const SAMPLERS = [
  "euler",
  "euler_a",
  "heun",
  "dpmpp_2m",
  "dpmpp_2m_karras",
  "dpmpp_sde",
  "ddim",
  "lcm",
] as const;
export type SamplerId = (typeof SAMPLERS)[number];

// ---- zod mirrors (the models table stores the spec as JSON; these check it on the way back in) ----

const operationSchema = z.enum(OPERATIONS);
const pricingSchema = z.object({
  unit: z.enum(["image", "megapixel", "second"]),
  credits: z.number().min(0),
  priceConfirmed: z.boolean(),
  note: z.string().optional(),
});
const loraSchema = z.object({ path: z.string().min(1), scale: z.number() });

export const paramSpecSchema = z.object({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "camelCase"),
  label: z.string().min(1),
  type: z.enum(["int", "float", "enum", "boolean", "loras"]),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  default: z.union([z.number(), z.string(), z.boolean(), z.array(loraSchema)]).optional(),
  options: z
    .array(z.union([z.string(), z.number()]))
    .readonly()
    .optional(),
  advanced: z.boolean().optional(),
  description: z.string().min(1),
  operations: z.array(operationSchema).readonly().optional(),
});

export const catalogModelSchema = z.object({
  id: z.string().min(3),
  provider: z.enum(["fal", "local"]),
  displayName: z.string().min(1),
  description: z.string().min(1),
  category: z.enum(["flux", "stable-diffusion", "aura", "specialized", "utility", "local"]),
  version: z.string().min(1),
  operations: z.array(operationSchema).min(1),
  endpoints: z.partialRecord(operationSchema, z.string().min(3)),
  sizeMode: z.enum(["image_size", "aspect_ratio", "none"]),
  sizeLimits: z.object({ min: z.number().int(), max: z.number().int(), multipleOf: z.number().int() }).optional(),
  aspectRatios: z.array(z.string()).optional(),
  supportsNegativePrompt: z.boolean(),
  maxImages: z.number().int().min(1),
  pricing: pricingSchema,
  operationPricing: z.partialRecord(operationSchema, pricingSchema).optional(),
  speed: z.number().int().min(1).max(5),
  quality: z.number().int().min(1).max(5),
  bestFor: z.array(z.string()),
  recommended: z.object({
    aspectRatio: z.string().optional(),
    steps: z.number().optional(),
    guidanceScale: z.number().optional(),
    tip: z.string().optional(),
  }),
  docsUrl: z.url().optional(),
  featured: z.boolean().optional(),
  license: z.string().optional(),
  successor: z.string().optional(),
  params: z.array(paramSpecSchema),
});
