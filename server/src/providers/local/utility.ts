/** Upscale, background removal and style transfer: no prompt involved. */
import sharp from "sharp";
import { type PngImage, type RawImage, decodeRgba, encodePng } from "./raster";
import { colourStats, transferColour } from "./ycc";

/** Upscale output limits (per side and total pixels). */
export const MAX_UPSCALE_SIDE = 16384;
export const MAX_UPSCALE_PIXELS = 80_000_000;

/** Lanczos resize by `scale` (1..4; the caller does 8× as two passes), then a light sharpen. */
export async function renderUpscale(source: Buffer, scale: number): Promise<PngImage> {
  if (!Number.isFinite(scale) || scale < 1 || scale > 4)
    throw new RangeError(`Upscale factor must be 1 to 4 (got ${scale})`);
  const { autoOrient: oriented } = await sharp(source).metadata();
  const width = Math.round(oriented.width * scale);
  const height = Math.round(oriented.height * scale);
  if (width > MAX_UPSCALE_SIDE || height > MAX_UPSCALE_SIDE || width * height > MAX_UPSCALE_PIXELS) {
    throw new RangeError(`The result would be ${width}×${height}, more than the local engine makes`);
  }
  const data = await sharp(source, { limitInputPixels: false })
    .autoOrient()
    .resize(width, height, { kernel: "lanczos3", fit: "fill" })
    .sharpen({ sigma: 0.4 + 0.15 * scale, m1: 0.6, m2: 1.5 })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { data, contentType: "image/png", width, height };
}

/** Recolours the source with the style image's colour statistics; `strength` 0..1 (default 0.85). */
export async function renderStyleTransfer(source: Buffer, style: Buffer, strength = 0.85): Promise<PngImage> {
  const src = await decodeRgba(source);
  const { data, info } = await sharp(style)
    .autoOrient()
    .resize(256, 256, { fit: "inside", withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const target = colourStats({ data, width: info.width, height: info.height });
  const amount = Number.isFinite(strength) ? Math.min(1, Math.max(0, strength)) : 0.85;
  const out: RawImage = transferColour(src, colourStats(src), target, amount);
  return encodePng(out);
}
