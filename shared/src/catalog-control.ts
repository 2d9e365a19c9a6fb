/**
 * Catalog entries for the control models (reference §5.4): FLUX general (ControlNets + IP-adapter), the FLUX
 * canny/depth control LoRAs and SDXL ControlNet union. Conditioning support per model is in conditioning.ts.
 */
import type { CatalogModel, Pricing } from "./catalog-base";
import * as p from "./catalog-params";

const docs = (id: string) => `https://fal.ai/models/${id}`;
const perMp = (credits: number, priceConfirmed: boolean, note?: string): Pricing => ({
  unit: "megapixel",
  credits,
  priceConfirmed,
  ...(note ? { note } : {}),
});
const ESTIMATE = "fal publishes no firm price for this endpoint; the credit value is our estimate (FLUX [dev]-like).";

const fluxDevParams = () => [
  p.steps(1, 50, 28),
  p.guidance(1, 20, 3.5),
  p.outputFormat(["jpeg", "png"], "png"),
  p.safetyChecker,
  p.stylePreset,
];

export const CONTROL_MODELS: CatalogModel[] = [
  {
    id: "fal-ai/flux-general",
    provider: "fal",
    displayName: "FLUX.1 [dev] general (ControlNet, IP-adapter)",
    description:
      "FLUX.1 [dev] with ControlNets (edges, depth, pose) and image prompts through the XLabs IP-adapter.",
    category: "flux",
    version: "1.0-dev",
    operations: ["text-to-image"],
    endpoints: { "text-to-image": "fal-ai/flux-general" },
    sizeMode: "image_size",
    supportsNegativePrompt: false,
    maxImages: 4,
    pricing: perMp(25, false, ESTIMATE),
    speed: 2,
    quality: 4,
    bestFor: ["composition from a sketch or photo", "pose transfer", "image prompts"],
    recommended: { aspectRatio: "1:1", steps: 28, guidanceScale: 3.5, tip: "Start at control strength 0.7." },
    docsUrl: docs("fal-ai/flux-general"),
    params: fluxDevParams(),
  },
  {
    id: "fal-ai/flux-control-lora-canny",
    provider: "fal",
    displayName: "FLUX.1 [dev] canny control",
    description: "FLUX.1 [dev] with a control LoRA that follows the edges of a control image.",
    category: "flux",
    version: "1.0-dev",
    operations: ["text-to-image"],
    endpoints: { "text-to-image": "fal-ai/flux-control-lora-canny" },
    sizeMode: "image_size",
    supportsNegativePrompt: false,
    maxImages: 4,
    pricing: perMp(25, false, ESTIMATE),
    speed: 3,
    quality: 4,
    bestFor: ["line art to picture", "keeping outlines"],
    recommended: { aspectRatio: "1:1", steps: 28, guidanceScale: 3.5 },
    docsUrl: docs("fal-ai/flux-control-lora-canny"),
    params: fluxDevParams(),
  },
  {
    id: "fal-ai/flux-control-lora-depth",
    provider: "fal",
    displayName: "FLUX.1 [dev] depth control",
    description: "FLUX.1 [dev] with a control LoRA that keeps the depth layout of a control image.",
    category: "flux",
    version: "1.0-dev",
    operations: ["text-to-image"],
    endpoints: { "text-to-image": "fal-ai/flux-control-lora-depth" },
    sizeMode: "image_size",
    supportsNegativePrompt: false,
    maxImages: 4,
    pricing: perMp(25, false, ESTIMATE),
    speed: 3,
    quality: 4,
    bestFor: ["re-imagining a scene", "keeping depth and layout"],
    recommended: { aspectRatio: "1:1", steps: 28, guidanceScale: 3.5 },
    docsUrl: docs("fal-ai/flux-control-lora-depth"),
    params: fluxDevParams(),
  },
  {
    id: "fal-ai/sdxl-controlnet-union",
    provider: "fal",
    displayName: "SDXL ControlNet union",
    description: "SDXL with one ControlNet for edges, depth and pose; fal preprocesses the control image.",
    category: "stable-diffusion",
    version: "1.0",
    operations: ["text-to-image"],
    endpoints: { "text-to-image": "fal-ai/sdxl-controlnet-union" },
    sizeMode: "image_size",
    supportsNegativePrompt: true,
    maxImages: 4,
    pricing: perMp(5, false, "fal bills this model by compute time; the credit value is our estimate."),
    speed: 3,
    quality: 3,
    bestFor: ["pose transfer", "negative prompts with control"],
    recommended: { aspectRatio: "1:1", steps: 35, guidanceScale: 7.5 },
    docsUrl: docs("fal-ai/sdxl-controlnet-union"),
    params: [p.steps(1, 65, 35), p.guidance(0, 20, 7.5), p.safetyChecker, p.stylePreset],
  },
];
