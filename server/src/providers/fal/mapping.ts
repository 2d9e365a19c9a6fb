/**
 * ProviderInput (our camelCase parameters, validated against the catalog) → the JSON body of one fal endpoint.
 * Each model family sends exactly the fields its endpoint documents (reference §5): image_size vs aspect_ratio,
 * output_format vs fast-sdxl's `format`, safety_tolerance vs enable_safety_checker, negative_prompt only where
 * supported, and so on. Pure: images arrive already encoded (data URI or uploaded URL).
 */
import {
  applyStylePreset,
  type CatalogModel,
  type Operation as CatalogOperation,
  endpointFor,
  FAL_IMAGE_SIZE_PRESETS,
  type FalImageSizePreset,
  nearestAspectRatio,
} from "../../../../shared/src/catalog";
import { flattenMultiPrompt } from "../../../../shared/src/multi-prompt";
import { type Operation, ProviderError, type ProviderInput } from "../types";
import { type ControlImages, controlLoraFields, fluxGeneralFields, sdxlUnionFields } from "./mapping-control";
import { buildVideoRequest } from "./video-mapping";

// The catalog (shared) and the provider contract (server) each declare the operation union; keep them identical.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const operationsMatch: Same<CatalogOperation, Operation> = true;
void operationsMatch;

export interface EncodedImages extends ControlImages {
  source?: string;
  mask?: string;
  style?: string;
}

export interface FalRequest {
  endpoint: string;
  input: Record<string, unknown>;
}

type Family =
  | "flux-dev"
  | "flux-schnell"
  | "flux-pro"
  | "flux-ultra"
  | "flux-lora"
  | "flux-fill"
  | "sdxl"
  | "lightning"
  | "aura"
  | "sticker"
  | "clarity"
  | "rembg"
  | "birefnet"
  | "flux-general"
  | "control-lora"
  | "sdxl-union";

const FAMILY: Record<string, Family> = {
  "fal-ai/flux/dev": "flux-dev",
  "fal-ai/flux/schnell": "flux-schnell",
  "fal-ai/flux-pro/v1.1": "flux-pro",
  "fal-ai/flux-pro/v1.1-ultra": "flux-ultra",
  "fal-ai/flux-lora": "flux-lora",
  "fal-ai/flux-pro/v1/fill": "flux-fill",
  "fal-ai/fast-sdxl": "sdxl",
  "fal-ai/fast-lightning-sdxl": "lightning",
  "fal-ai/aura-flow": "aura",
  "fal-ai/face-to-sticker": "sticker",
  "fal-ai/clarity-upscaler": "clarity",
  "fal-ai/imageutils/rembg": "rembg",
  "fal-ai/birefnet/v2": "birefnet",
  "fal-ai/flux-general": "flux-general",
  "fal-ai/flux-control-lora-canny": "control-lora",
  "fal-ai/flux-control-lora-depth": "control-lora",
  "fal-ai/sdxl-controlnet-union": "sdxl-union",
};

export const familyOf = (modelId: string): Family | undefined => FAMILY[modelId];

/** fal's image_size: the preset name when the size is exactly a preset, else {width, height}. */
export function falImageSize(width: number, height: number): FalImageSizePreset | { width: number; height: number } {
  for (const [name, size] of Object.entries(FAL_IMAGE_SIZE_PRESETS)) {
    if (size.width === width && size.height === height) return name as FalImageSizePreset;
  }
  return { width, height };
}

/** A source-derived size made acceptable as an explicit SDXL canvas: ≤ 2048 per side, multiples of 8. */
function canvasFromSource(width: number, height: number) {
  const scale = Math.min(1, 2048 / Math.max(width, height));
  const snap = (v: number) => Math.max(64, Math.round((v * scale) / 8) * 8);
  return falImageSize(snap(width), snap(height));
}

/** Drops undefined values so the JSON carries only what we mean to send. */
function clean(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new ProviderError("validation", `This operation needs ${what}`, false);
  return value;
}

export function buildFalRequest(model: CatalogModel, input: ProviderInput, images: EncodedImages): FalRequest {
  if (input.operation === "image-to-video") return buildVideoRequest(model, input, images);
  const family = FAMILY[model.id];
  const endpoint = endpointFor(model, input.operation);
  if (!family || !endpoint)
    throw new ProviderError("validation", `${model.displayName} cannot do ${input.operation} on fal.ai`, false);
  const x = input.extra;
  const op = input.operation;
  const str = (k: string) => (typeof x[k] === "string" ? (x[k] as string) : undefined);
  const num = (k: string) => (typeof x[k] === "number" ? (x[k] as number) : undefined);
  const bool = (k: string) => (typeof x[k] === "boolean" ? (x[k] as boolean) : undefined);
  // Weighted sub-prompts (castle::2 | forest::1): SD-family engines read (text:w); FLUX reads earlier words as stronger.
  const flat = flattenMultiPrompt(input.prompt, { weightSyntax: model.category === "stable-diffusion" });
  const prompt = applyStylePreset(flat, x.stylePreset);
  const negative =
    model.supportsNegativePrompt && input.negativePrompt?.trim() ? input.negativePrompt.trim() : undefined;
  const common = { seed: input.seed, num_images: input.numImages };
  const source = () => need(images.source, "a source image");
  const fluxDevLike = {
    num_inference_steps: input.steps,
    enable_safety_checker: bool("enableSafetyChecker"),
    output_format: str("outputFormat"),
    acceleration: str("acceleration"),
    ...common,
  };
  const proLike = {
    safety_tolerance: str("safetyTolerance"),
    enhance_prompt: bool("enhancePrompt"),
    output_format: str("outputFormat"),
    ...common,
  };
  const size = falImageSize(input.width, input.height);
  let body: Record<string, unknown>;

  switch (family) {
    case "flux-dev":
    case "flux-schnell":
    case "flux-lora": {
      const guidance = family === "flux-schnell" ? undefined : input.guidanceScale;
      const loras = family === "flux-lora" ? x.loras : undefined;
      if (op === "image-to-image")
        body = {
          prompt,
          image_url: source(),
          strength: input.strength,
          guidance_scale: guidance,
          loras,
          ...fluxDevLike,
        };
      else if (op === "variation")
        body = { image_url: source(), image_size: size, guidance_scale: guidance, ...fluxDevLike };
      else body = { prompt, image_size: size, guidance_scale: guidance, loras, ...fluxDevLike };
      break;
    }
    case "flux-pro":
      body =
        op === "variation"
          ? { image_url: source(), prompt, image_size: size, ...proLike }
          : { prompt, image_size: size, ...proLike };
      break;
    case "flux-ultra": {
      const ultra = {
        prompt,
        aspect_ratio: nearestAspectRatio(input.width, input.height, model.aspectRatios).id,
        raw: bool("raw"),
        ...proLike,
      };
      if (op === "variation")
        body = { ...ultra, image_url: source(), image_prompt_strength: num("imagePromptStrength") };
      else if (op === "style-transfer")
        body = {
          ...ultra,
          image_url: need(images.style, "a style image"),
          image_prompt_strength: num("imagePromptStrength"),
        };
      else if (input.imagePrompts?.length && images.imagePrompts?.[0])
        // FLUX ultra's image prompt: one reference image; its weight is the reference strength.
        body = { ...ultra, image_url: images.imagePrompts[0], image_prompt_strength: input.imagePrompts[0]!.weight };
      else body = ultra;
      break;
    }
    case "flux-fill":
      body = { prompt, image_url: source(), mask_url: need(images.mask, "a mask"), ...proLike };
      break;
    case "sdxl":
    case "lightning": {
      const lightning = family === "lightning";
      const sdxl = {
        prompt,
        negative_prompt: lightning ? undefined : negative,
        num_inference_steps: lightning && input.steps !== undefined ? String(input.steps) : input.steps,
        guidance_scale: lightning ? undefined : input.guidanceScale,
        loras: lightning ? undefined : x.loras,
        expand_prompt: bool("expandPrompt"),
        enable_safety_checker: bool("enableSafetyChecker"),
        format: str("outputFormat"),
        ...common,
      };
      if (op === "image-to-image")
        body = {
          ...sdxl,
          image_url: source(),
          strength: input.strength,
          image_size: canvasFromSource(input.width, input.height),
        };
      else if (op === "inpaint") {
        body = {
          ...sdxl,
          image_url: source(),
          mask_url: need(images.mask, "a mask"),
          strength: input.strength,
          image_size: canvasFromSource(input.width, input.height),
        };
      } else body = { ...sdxl, image_size: size };
      break;
    }
    case "aura":
      body = {
        prompt,
        num_inference_steps: input.steps,
        guidance_scale: input.guidanceScale,
        expand_prompt: bool("expandPrompt"),
        ...common,
      };
      break;
    case "sticker":
      body = {
        image_url: source(),
        prompt,
        negative_prompt: negative,
        num_inference_steps: input.steps,
        guidance_scale: input.guidanceScale,
        instant_id_strength: num("instantIdStrength"),
        ip_adapter_weight: num("ipAdapterWeight"),
        ip_adapter_noise: num("ipAdapterNoise"),
        upscale: bool("upscale"),
        enable_safety_checker: bool("enableSafetyChecker"),
        seed: input.seed,
      };
      break;
    case "clarity":
      body = {
        image_url: source(),
        upscale_factor: input.scale ?? num("scale"),
        creativity: num("creativity"),
        resemblance: num("resemblance"),
        prompt: prompt.trim() || undefined,
        negative_prompt: negative,
        num_inference_steps: input.steps,
        guidance_scale: input.guidanceScale,
        enable_safety_checker: bool("enableSafetyChecker"),
        seed: input.seed,
      };
      break;
    case "rembg":
      body = { image_url: source(), crop_to_bbox: bool("cropToBbox") };
      break;
    case "flux-general":
    case "control-lora": {
      const control = family === "flux-general" ? fluxGeneralFields(input, images) : controlLoraFields(input, images);
      body = { prompt, image_size: size, guidance_scale: input.guidanceScale, ...control, ...fluxDevLike };
      break;
    }
    case "sdxl-union":
      body = {
        prompt,
        negative_prompt: negative,
        image_size: size,
        num_inference_steps: input.steps,
        guidance_scale: input.guidanceScale,
        enable_safety_checker: bool("enableSafetyChecker"),
        ...sdxlUnionFields(input, images),
        ...common,
      };
      break;
    case "birefnet":
      body = {
        image_url: source(),
        model: str("backgroundModel"),
        operating_resolution: str("operatingResolution"),
        refine_foreground: bool("refineForeground"),
        output_format: "png",
      };
      break;
  }
  return { endpoint, input: clean(body) };
}
