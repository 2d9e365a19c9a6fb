/**
 * Text-to-image on the local engine with a multi-prompt, a control image and image prompts — honest, visible
 * approximations of what the AI engines do:
 *  - weighted sub-prompts: each part is sketched with the same seed and the sketches are mixed by weight;
 *  - ControlNet canny: the control image's edge map is inked over the sketch (strength = ink opacity);
 *  - ControlNet depth: the heuristic depth map shades the sketch, near bright and far dark;
 *  - image prompts: each reference image lends its colour statistics, by weight.
 */
import { applyStylePreset } from "../../../../shared/src/catalog";
import { normalisedParts, parseMultiPrompt } from "../../../../shared/src/multi-prompt";
import { controlMap } from "../control-maps";
import type { ProviderInput } from "../types";
import { type PngImage, type RawImage, clampByte, decodeRgba, encodePng, mixRaw } from "./raster";
import type { PromptParams } from "./sketch-canvas";
import { renderSketchRaw } from "./text-to-image";
import { colourStats, transferColour } from "./ycc";

export const needsConditionedRender = (input: ProviderInput) =>
  Boolean(input.control || input.imagePrompts?.length || parseMultiPrompt(input.prompt));

async function composePrompts(input: ProviderInput, params: PromptParams): Promise<RawImage> {
  const { width, height } = input;
  const parts = normalisedParts(parseMultiPrompt(input.prompt) ?? [{ text: input.prompt, weight: 1 }]);
  if (parts.length === 0) return renderSketchRaw({ ...params, width, height });
  const style = input.extra.stylePreset;
  let out = await renderSketchRaw({ ...params, prompt: applyStylePreset(parts[0]!.text, style), width, height });
  let acc = parts[0]!.weight;
  for (const part of parts.slice(1)) {
    const next = await renderSketchRaw({ ...params, prompt: applyStylePreset(part.text, style), width, height });
    acc += part.weight;
    const w = part.weight / acc; // running weighted mean
    out = mixRaw(out, next, () => w);
  }
  return out;
}

async function applyControl(img: RawImage, control: NonNullable<ProviderInput["control"]>): Promise<RawImage> {
  if (control.type === "pose") return img; // refused earlier: the local engine lists no pose support
  const map = await controlMap(control.type, control.image, { width: img.width, height: img.height });
  const k = Math.min(1, Math.max(0, control.strength) * 0.6);
  const out = Buffer.from(img.data);
  for (let p = 0, i = 0; p < map.data.length; p++, i += 4) {
    const m = map.data[p]! / 255;
    for (let c = 0; c < 3; c++) {
      const v = img.data[i + c]!;
      out[i + c] =
        control.type === "canny"
          ? clampByte(v + (v * 0.12 - v) * k * m) // ink the edges in a dark shade of the sketch's own colour
          : clampByte(v * (1 - k + k * (0.3 + 0.7 * m))); // near stays bright, far recedes into shadow
    }
  }
  return { ...img, data: out };
}

async function applyImagePrompts(img: RawImage, refs: NonNullable<ProviderInput["imagePrompts"]>): Promise<RawImage> {
  let out = img;
  for (const ref of refs) {
    if (ref.weight <= 0) continue;
    const stats = colourStats(await decodeRgba(ref.image));
    out = transferColour(out, colourStats(out), stats, Math.min(1, ref.weight));
  }
  return out;
}

export async function renderConditioned(input: ProviderInput, params: PromptParams): Promise<PngImage> {
  let img = await composePrompts(input, params);
  if (input.imagePrompts?.length) img = await applyImagePrompts(img, input.imagePrompts);
  if (input.control) img = await applyControl(img, input.control);
  return encodePng(img);
}
