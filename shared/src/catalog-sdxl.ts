/**
 * SDXL-class and other open diffusion models on fal.
 * Ranges, defaults and prices: see catalog-models.ts.
 */
import type { CatalogModel } from "./catalog-base";
import * as p from "./catalog-params";
import { perImage, docs, COMPUTE_BILLED } from "./catalog-pricing";

export const SDXL_MODELS: CatalogModel[] = [
  {
    id: "fal-ai/fast-sdxl",
    provider: "fal",
    displayName: "Stable Diffusion XL",
    description:
      "fal's fast SDXL 1.0 endpoint (fal has no fal-ai/stable-diffusion-xl id; this is it). Negative prompts, LoRAs, cheap.",
    category: "stable-diffusion",
    version: "1.0",
    operations: ["text-to-image", "image-to-image", "inpaint"],
    endpoints: {
      "text-to-image": "fal-ai/fast-sdxl",
      "image-to-image": "fal-ai/fast-sdxl/image-to-image",
      inpaint: "fal-ai/fast-sdxl/inpainting",
    },
    sizeMode: "image_size",
    supportsNegativePrompt: true,
    maxImages: 4,
    pricing: perImage(3, true, "fal quotes about $0.0025 per typical image."),
    speed: 4,
    quality: 3,
    bestFor: ["negative prompts", "community LoRAs", "stylised art"],
    recommended: { aspectRatio: "1:1", steps: 25, guidanceScale: 7.5 },
    docsUrl: docs("fal-ai/fast-sdxl"),
    params: [
      p.steps(1, 50, 25),
      p.guidance(0, 20, 7.5),
      p.strength(0.95, ["image-to-image", "inpaint"]),
      p.loras(5),
      p.expandPrompt(false),
      p.outputFormat(),
      p.safetyChecker,
      p.stylePreset,
    ],
  },
  {
    id: "fal-ai/fast-lightning-sdxl",
    provider: "fal",
    displayName: "SDXL Lightning",
    description: "ByteDance's SDXL-Lightning: SDXL quality in 1 to 8 steps. Very fast and cheap; no negative prompt.",
    category: "stable-diffusion",
    version: "1.0-lightning",
    operations: ["text-to-image", "image-to-image", "inpaint"],
    endpoints: {
      "text-to-image": "fal-ai/fast-lightning-sdxl",
      "image-to-image": "fal-ai/fast-lightning-sdxl/image-to-image",
      inpaint: "fal-ai/fast-lightning-sdxl/inpainting",
    },
    sizeMode: "image_size",
    supportsNegativePrompt: false,
    maxImages: 8,
    pricing: perImage(2, false, COMPUTE_BILLED),
    speed: 5,
    quality: 2,
    bestFor: ["instant previews", "large batches"],
    recommended: { aspectRatio: "1:1", steps: 4 },
    docsUrl: docs("fal-ai/fast-lightning-sdxl"),
    params: [
      p.steps(1, 8, 4, {
        options: [1, 2, 4, 8],
        step: undefined,
        description: "Lightning runs in 1, 2, 4 or 8 steps.",
      }),
      p.strength(0.95, ["image-to-image", "inpaint"]),
      p.expandPrompt(false),
      p.outputFormat(),
      p.safetyChecker,
      p.stylePreset,
    ],
  },
  {
    id: "fal-ai/aura-flow",
    provider: "fal",
    displayName: "AuraFlow",
    description: "Fal's open flow-based model with strong prompt adherence; always makes 1024×1024 images.",
    category: "aura",
    version: "0.x",
    operations: ["text-to-image"],
    endpoints: { "text-to-image": "fal-ai/aura-flow" },
    sizeMode: "none",
    supportsNegativePrompt: false,
    maxImages: 2,
    pricing: perImage(15, false, COMPUTE_BILLED),
    speed: 2,
    quality: 3,
    bestFor: ["complex prompts", "open-source model"],
    recommended: { aspectRatio: "1:1", steps: 50, guidanceScale: 3.5 },
    docsUrl: docs("fal-ai/aura-flow"),
    params: [p.steps(1, 50, 50), p.guidance(0, 20, 3.5), p.expandPrompt(true), p.stylePreset],
  },
];
