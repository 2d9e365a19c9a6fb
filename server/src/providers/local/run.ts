/** ProviderInput → the right render function, one image at a time. Errors become ProviderErrors. */
import { applyStylePreset } from "../../../../shared/src/catalog";
import { flattenMultiPrompt } from "@image-studio/shared";
import { ProviderError, type ProviderImage, type ProviderInput } from "../types";
import { parseMotion, renderAnimation } from "./animate";
import { needsConditionedRender, renderConditioned } from "./conditioned";
import { renderImageToImage, renderInpaint, renderVariation } from "./edit";
import { isFastModel } from "./models";
import { renderOutpaint } from "./outpaint";
import type { PngImage } from "./raster";
import { renderRemoveBackground } from "./remove-background";
import type { PromptParams } from "./sketch-canvas";
import { renderTextToImage } from "./text-to-image";
import { renderStyleTransfer, renderUpscale } from "./utility";

/** Operations whose output does not depend on the seed: one image, however many were asked for. */
export const SEEDLESS_OPERATIONS = new Set<ProviderInput["operation"]>([
  "upscale",
  "remove-background",
  "style-transfer",
  "image-to-video",
]);

function need(buf: Buffer | undefined, what: string, op: string): Buffer {
  if (!buf || buf.length === 0) throw new ProviderError("validation", `${op} needs ${what}`, false);
  return buf;
}

function promptParams(input: ProviderInput, index: number): PromptParams {
  const sampler = typeof input.extra.sampler === "string" ? input.extra.sampler : undefined;
  return {
    prompt: applyStylePreset(flattenMultiPrompt(input.prompt, { weightSyntax: false }), input.extra.stylePreset),
    negativePrompt: input.negativePrompt,
    seed: input.seed + index,
    guidanceScale: input.guidanceScale,
    steps: input.steps,
    fast: isFastModel(input.modelId),
    sampler,
  };
}

const num = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

function dispatch(input: ProviderInput, index: number): Promise<PngImage | ProviderImage> {
  const op = input.operation;
  const params = promptParams(input, index);
  const source = () => need(input.sourceImage, "a source image", op);
  switch (op) {
    case "text-to-image":
      if (needsConditionedRender(input)) return renderConditioned(input, params);
      return renderTextToImage({ ...params, width: input.width, height: input.height });
    case "image-to-image":
      return renderImageToImage(source(), { ...params, strength: input.strength ?? 0.6 });
    case "variation":
      return renderVariation(source(), { ...params, strength: input.strength ?? 0.4 });
    case "inpaint":
      return renderInpaint(source(), need(input.maskImage, "a mask", op), { ...params, strength: input.strength ?? 1 });
    case "outpaint":
      if (!input.extend)
        throw new ProviderError("validation", "outpaint needs extend {top, right, bottom, left}", false);
      return renderOutpaint(source(), input.extend, params);
    case "upscale":
      return renderUpscale(source(), input.scale ?? 2);
    case "remove-background":
      return renderRemoveBackground(source());
    case "style-transfer":
      return renderStyleTransfer(source(), need(input.styleImage, "a style image", op), input.strength ?? 0.85);
    case "image-to-video":
      return renderAnimation(source(), {
        durationSeconds: num(input.extra.duration, 2),
        fps: num(input.extra.fps, 8),
        motion: parseMotion(input.extra.motion),
      });
    default:
      throw new ProviderError("validation", `The local engine cannot do ${String(op)}`, false);
  }
}

const UNREADABLE = /unsupported image format|input buffer|corrupt|premature end|vipsload|bad seek|not a png/i;

/** Renders image `index` of a request (seed + index). */
export async function renderOne(input: ProviderInput, index: number): Promise<PngImage | ProviderImage> {
  try {
    return await dispatch(input, index);
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    if (err instanceof RangeError) throw new ProviderError("validation", err.message, false);
    const message = err instanceof Error ? err.message : String(err);
    if (UNREADABLE.test(message))
      throw new ProviderError("validation", `An input image could not be read: ${message}`, false);
    throw new ProviderError("internal", `The local engine failed: ${message}`, false, { cause: message });
  }
}
