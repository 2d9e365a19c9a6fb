/**
 * The model catalog: the single source the generation UI, parameter validation, cost estimates, the fal
 * request mapping and the `models` table seed are built from. Pure TS + zod.
 */
import {
  ASPECT_RATIOS,
  type AspectRatio,
  type AspectRatioId,
  type CatalogModel,
  type Operation,
  type ParamSpec,
  type Pricing,
  STYLE_PRESETS,
} from "./catalog-base";
import { MODELS } from "./catalog-models";

export * from "./catalog-base";

/** Every model the app knows, in display order (fal models first, then the local sketch engine). */
export const CATALOG: readonly CatalogModel[] = MODELS;

const BY_ID = new Map(CATALOG.map((m) => [m.id, m]));

export function findModel(id: string): CatalogModel | undefined {
  return BY_ID.get(id);
}

/** The fal endpoint that serves `operation` for this model (undefined for local models or unsupported operations). */
export function endpointFor(model: CatalogModel, operation: Operation): string | undefined {
  return model.operations.includes(operation) ? model.endpoints[operation] : undefined;
}

/** The parameter specs that apply to one operation of a model. */
export function paramsFor(model: CatalogModel, operation: Operation): ParamSpec[] {
  return model.params.filter((p) => !p.operations || p.operations.includes(operation));
}

export function findAspectRatio(id: string): AspectRatio | undefined {
  return ASPECT_RATIOS.find((r) => r.id === id);
}

/** The aspect ratio (among `allowed`) closest in shape to width×height, compared on a log scale. */
export function nearestAspectRatio(
  width: number,
  height: number,
  allowed: readonly string[] = ASPECT_RATIOS.map((r) => r.id),
): AspectRatio {
  const target = Math.log(width / height);
  let best: AspectRatio = ASPECT_RATIOS[0];
  let bestDiff = Infinity;
  for (const r of ASPECT_RATIOS) {
    if (!allowed.includes(r.id)) continue;
    const diff = Math.abs(Math.log(r.width / r.height) - target);
    if (diff < bestDiff) {
      best = r;
      bestDiff = diff;
    }
  }
  return best;
}

/** The prompt with the style preset's description appended ("none" or unknown presets leave it unchanged). */
export function applyStylePreset(prompt: string, preset: unknown): string {
  const suffix =
    typeof preset === "string" && Object.hasOwn(STYLE_PRESETS, preset)
      ? STYLE_PRESETS[preset as keyof typeof STYLE_PRESETS]
      : "";
  if (!suffix) return prompt;
  const base = prompt.trim().replace(/[,.\s]+$/, "");
  return base ? `${base}, ${suffix}` : suffix;
}

/** One megapixel as fal bills it. */
export const MEGAPIXEL = 1024 * 1024;

/** Megapixels billed for one image: rounded up to a whole megapixel, at least one. */
export function billedMegapixels(width: number, height: number): number {
  return Math.max(1, Math.ceil((width * height) / MEGAPIXEL - 1e-9));
}

export function pricingFor(model: CatalogModel, operation: Operation): Pricing {
  return model.operationPricing?.[operation] ?? model.pricing;
}

export interface CreditEstimateInput {
  operation: Operation;
  /** Output canvas size; for upscale and remove-background, the source image's size. */
  width: number;
  height: number;
  numImages: number;
  /** Upscale factor (defaults to the model's `scale` default). */
  scale?: number;
  aspectRatio?: AspectRatioId;
  /** Video models: seconds of output (defaults to the model's `duration` default). */
  durationSeconds?: number;
}

/** Credits (1 credit = US$0.001) a request will cost, rounded up to a whole credit. */
export function estimateCredits(model: CatalogModel, input: CreditEstimateInput): number {
  const pricing = pricingFor(model, input.operation);
  if (pricing.credits === 0) return 0;
  const count = Math.max(1, Math.min(model.maxImages, Math.floor(input.numImages) || 1));
  if (pricing.unit === "image") return Math.ceil(pricing.credits * count);
  if (pricing.unit === "second") {
    const def = model.params.find((p) => p.key === "duration")?.default;
    const seconds = input.durationSeconds ?? (typeof def === "number" ? def : 5);
    return Math.ceil(pricing.credits * seconds * count);
  }
  let { width, height } = input;
  if (input.operation === "upscale") {
    const defaultScale = model.params.find((p) => p.key === "scale")?.default;
    const scale = input.scale ?? (typeof defaultScale === "number" ? defaultScale : 2);
    width = Math.round(width * scale);
    height = Math.round(height * scale);
  }
  return Math.ceil(pricing.credits * billedMegapixels(width, height) * count);
}
