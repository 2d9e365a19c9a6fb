/**
 * ProviderInput → fal request for image-to-video models (see shared/src/catalog-video.ts for the fields each
 * endpoint documents). Kept apart from mapping.ts so image families and video families evolve separately.
 */
import { type CatalogModel, endpointFor } from "../../../../shared/src/catalog";
import { ProviderError, type ProviderInput } from "../types";
import type { EncodedImages, FalRequest } from "./mapping";

const VIDEO_FAMILY: Record<string, "kling"> = {
  "fal-ai/kling-video/v2.1/standard/image-to-video": "kling",
};

export const isVideoModel = (modelId: string) => modelId in VIDEO_FAMILY;

export function buildVideoRequest(model: CatalogModel, input: ProviderInput, images: EncodedImages): FalRequest {
  const family = VIDEO_FAMILY[model.id];
  const endpoint = endpointFor(model, "image-to-video");
  if (!family || !endpoint) throw new ProviderError("validation", `${model.displayName} cannot do image-to-video on fal.ai`, false);
  if (!images.source) throw new ProviderError("validation", "This operation needs a source image", false);
  const duration = typeof input.extra.duration === "number" ? input.extra.duration : 5;
  const negative = input.negativePrompt?.trim();
  const body: Record<string, unknown> = {
    prompt: input.prompt.trim() || "natural, gentle motion",
    image_url: images.source,
    // Kling's duration is an enum of strings.
    duration: String(duration),
    ...(negative ? { negative_prompt: negative } : {}),
    ...(input.guidanceScale !== undefined ? { cfg_scale: input.guidanceScale } : {}),
  };
  return { endpoint, input: body };
}
