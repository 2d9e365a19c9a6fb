/** Image-to-image, variation, inpaint and outpaint: the source blended with a generated sketch. */
import sharp from "sharp";
import { hashString, mixSeed, Rng } from "./rng";
import { type PngImage, type RawImage, blurGrey, blurRaw, decodeRgba, encodePng, mixRaw } from "./raster";
import { type PromptParams, assertEditSize, sketchAt } from "./sketch-canvas";
import { colourStats, mixYcc, transferColour } from "./ycc";

export interface ImageToImageParams extends PromptParams {
  /** 0 = the source, 1 = a new image of the prompt. */
  strength: number;
  /** Output size; defaults to the source size (a different shape is centre-cropped, never stretched). */
  width?: number;
  height?: number;
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const sizeUnit = (img: { width: number; height: number }) => Math.sqrt(img.width * img.height);

async function fitTo(img: RawImage, width?: number, height?: number): Promise<RawImage> {
  const [w, h] = [width ?? img.width, height ?? img.height];
  assertEditSize(w, h);
  if (w === img.width && h === img.height) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(w, h, { fit: "cover", kernel: "lanczos3" })
    .raw()
    .toBuffer();
  return { data, width: w, height: h };
}

/** Structure fades first, colour follows the prompt sooner: mid strengths read as "the source, re-imagined". */
async function blendToward(src: RawImage, gen: RawImage, strength: number): Promise<RawImage> {
  if (strength <= 0) return src;
  const soft = await blurRaw(src, strength * sizeUnit(src) * 0.006);
  return mixYcc(soft, gen, strength ** 1.5, Math.min(1, strength * 1.5), strength);
}

export async function renderImageToImage(source: Buffer, params: ImageToImageParams): Promise<PngImage> {
  const src = await fitTo(await decodeRgba(source), params.width, params.height);
  const strength = clamp01(params.strength);
  if (strength === 0) return encodePng(src);
  const gen = await sketchAt(params, src.width, src.height);
  return encodePng(await blendToward(src, gen, strength));
}

/**
 * A variation: the sketch is recoloured to the source's palette first, so the result stays on theme, and the
 * source hue drifts a little with the seed.
 */
export async function renderVariation(source: Buffer, params: PromptParams & { strength?: number }): Promise<PngImage> {
  const decoded = await decodeRgba(source);
  const rng = new Rng(mixSeed(params.seed, hashString("variation")));
  const data = await sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: 4 } })
    .modulate({ hue: Math.round(rng.range(-14, 14)), saturation: rng.range(0.9, 1.15) })
    .raw()
    .toBuffer();
  const src: RawImage = { ...decoded, data };
  const sketch = await sketchAt(params, src.width, src.height);
  const themed = transferColour(sketch, colourStats(sketch), colourStats(src), 0.85);
  return encodePng(await blendToward(src, themed, clamp01(params.strength ?? 0.4)));
}

/** Mask as one byte per pixel (white = repaint), fitted to the source; transparent mask pixels count as keep. */
async function decodeMask(mask: Buffer, width: number, height: number): Promise<Uint8Array> {
  const data = await sharp(mask)
    .autoOrient()
    .flatten({ background: "#000000" })
    .resize(width, height, { fit: "fill", kernel: "linear" }) // no ringing: black stays exactly black
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer();
  if (data.length !== width * height)
    throw new Error(`mask decoded to ${data.length} bytes, expected ${width * height}`);
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Feathers the mask inward only: pixels outside the painted area stay exactly 0. */
async function featherInward(mask: Uint8Array, width: number, height: number, sigma: number): Promise<Uint8Array> {
  const blurred = await blurGrey(mask, width, height, sigma);
  return mask.map((v, i) => Math.min(v, blurred[i]!));
}

export interface InpaintParams extends PromptParams {
  /** How fully the painted area is replaced, 0..1 (default 1). */
  strength?: number;
}

/** Repaints only where the mask is white; black pixels come back byte-for-byte. */
export async function renderInpaint(source: Buffer, mask: Buffer, params: InpaintParams): Promise<PngImage> {
  const src = await decodeRgba(source);
  const unit = sizeUnit(src);
  const m = await featherInward(
    await decodeMask(mask, src.width, src.height),
    src.width,
    src.height,
    Math.max(1, unit * 0.004),
  );
  const gen = await sketchAt(params, src.width, src.height);
  const context = await blurRaw(src, Math.max(2, unit * 0.03));
  // The new content leans toward the colours around it so it sits in the picture.
  const fill = mixRaw(gen, context, () => 0.3);
  const strength = clamp01(params.strength ?? 1);
  return encodePng(mixRaw(src, fill, (p) => (m[p]! / 255) * strength));
}
