/** A generated sketch at any size an edit needs (sources may be smaller or larger than text-to-image allows). */
import type { SketchParams } from "./plan";
import { type RawImage, resizeRaw } from "./raster";
import { MAX_SIDE, MIN_SIDE, renderSketchRaw } from "./text-to-image";

/** Largest side any edit (outpaint, img2img of a big upload) may produce. */
export const MAX_EDIT_SIDE = 8192;

export type PromptParams = Omit<SketchParams, "width" | "height">;

export function assertEditSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`Image size must be whole positive numbers (got ${width}×${height})`);
  }
  if (width > MAX_EDIT_SIDE || height > MAX_EDIT_SIDE) {
    throw new RangeError(
      `The result would be ${width}×${height}; the local engine makes at most ${MAX_EDIT_SIDE} px a side`,
    );
  }
}

/** Renders the sketch at (width, height), drawing at a supported size and resampling when outside 64..4096. */
export async function sketchAt(params: PromptParams, width: number, height: number): Promise<RawImage> {
  assertEditSize(width, height);
  const down = Math.min(1, MAX_SIDE / Math.max(width, height));
  const up = Math.max(1, MIN_SIDE / Math.min(width * down, height * down));
  const clampSide = (v: number) => Math.min(MAX_SIDE, Math.max(MIN_SIDE, Math.round(v * down * up)));
  const [w, h] = [clampSide(width), clampSide(height)];
  const img = await renderSketchRaw({ ...params, width: w, height: h });
  return resizeRaw(img, width, height);
}
