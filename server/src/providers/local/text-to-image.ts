/** Text-to-image for the local sketch engine: plan → SVG → sharp → effects → grain. Deterministic. */
import sharp from "sharp";
import { type SketchParams, planScene } from "./plan";
import { type PngImage, type RawImage, encodePng, grainInPlace } from "./raster";
import { mixSeed } from "./rng";
import { sceneSvg } from "./scene";

export const MIN_SIDE = 64;
export const MAX_SIDE = 4096;

export function assertCanvasSize(width: number, height: number): void {
  for (const [name, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) {
      throw new RangeError(`${name} must be a whole number from ${MIN_SIDE} to ${MAX_SIDE} (got ${v})`);
    }
  }
}

async function pixelate(img: RawImage): Promise<RawImage> {
  const block = Math.max(4, Math.round(Math.sqrt(img.width * img.height) / 96));
  const raw = { raw: { width: img.width, height: img.height, channels: 4 as const } };
  const small = await sharp(img.data, raw)
    .resize(Math.max(1, Math.round(img.width / block)), Math.max(1, Math.round(img.height / block)), {
      kernel: "linear",
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const data = await sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 4 } })
    .resize(img.width, img.height, { kernel: "nearest", fit: "fill" })
    .raw()
    .toBuffer();
  return { data, width: img.width, height: img.height };
}

/** The generated picture as RGBA (what image-to-image and friends blend with). */
export async function renderSketchRaw(params: SketchParams): Promise<RawImage> {
  const { width, height } = params;
  assertCanvasSize(width, height);
  const plan = planScene(params);
  const svg = Buffer.from(sceneSvg(plan, width, height));
  let pipeline = sharp(svg, { limitInputPixels: false })
    .resize(width, height, { fit: "fill" })
    .modulate({ saturation: plan.saturation })
    .linear(plan.contrast, 128 * (1 - plan.contrast));
  if (plan.effects.soft) pipeline = pipeline.blur(Math.max(0.5, Math.sqrt(width * height) / 300));
  const data = await pipeline.ensureAlpha(1).raw().toBuffer();
  let img: RawImage = { data, width, height };
  if (plan.effects.pixelate) img = await pixelate(img);
  grainInPlace(img, plan.effects.pixelate ? 0 : plan.grain, mixSeed(plan.drawSeed, 0x6a09e667), plan.effects.mono);
  return img;
}

/** Text-to-image: the same params always give byte-identical PNG output. */
export async function renderTextToImage(params: SketchParams): Promise<PngImage> {
  return encodePng(await renderSketchRaw(params));
}
