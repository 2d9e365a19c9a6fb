/** Raw RGBA buffers in and out of sharp, and the per-pixel helpers the operations share. */
import sharp, { type KernelEnum } from "sharp";
import { Rng } from "./rng";

export interface RawImage {
  /** RGBA, 8 bits per channel, row-major. */
  data: Buffer;
  width: number;
  height: number;
}

export interface PngImage {
  data: Buffer;
  contentType: "image/png";
  width: number;
  height: number;
}

/** Decodes any image sharp reads (EXIF orientation applied) to RGBA. */
export async function decodeRgba(input: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(input).autoOrient().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Resizes an RGBA image to an exact size (no cropping). */
export async function resizeRaw(
  img: RawImage,
  width: number,
  height: number,
  kernel: keyof KernelEnum = "lanczos3",
): Promise<RawImage> {
  if (img.width === width && img.height === height) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(width, height, { fit: "fill", kernel })
    .raw()
    .toBuffer();
  return { data, width, height };
}

export function isOpaque(img: RawImage): boolean {
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i] !== 255) return false;
  return true;
}

/** PNG bytes; drops the alpha channel when every pixel is opaque (smaller files). */
export async function encodePng(img: RawImage): Promise<PngImage> {
  let pipeline = sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } });
  if (isOpaque(img)) pipeline = pipeline.removeAlpha();
  const data = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  return { data, contentType: "image/png", width: img.width, height: img.height };
}

/** 64 Ki of seeded triangular noise in −1..1; rows read it from random offsets, so nothing repeats visibly. */
function noiseTable(rng: Rng): Float32Array {
  const table = new Float32Array(65536);
  for (let k = 0; k < table.length; k++) table[k] = rng.next() + rng.next() - 1;
  return table;
}

/** Seeded film grain (monochrome, so it does not tint). Optional greyscale conversion in the same pass. */
export function grainInPlace(img: RawImage, amount: number, seed: number, mono = false): void {
  if (amount <= 0 && !mono) return;
  const d = img.data;
  const rng = new Rng(seed);
  const table = noiseTable(rng);
  for (let y = 0; y < img.height; y++) {
    const offset = Math.floor(rng.next() * 65536);
    const row = y * img.width * 4;
    for (let x = 0; x < img.width; x++) {
      const i = row + x * 4;
      const n = table[(offset + x) & 0xffff]! * amount;
      if (mono) {
        const luma = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]! + n;
        d[i] = d[i + 1] = d[i + 2] = clampByte(luma);
      } else {
        d[i] = clampByte(d[i]! + n);
        d[i + 1] = clampByte(d[i + 1]! + n);
        d[i + 2] = clampByte(d[i + 2]! + n);
      }
    }
  }
}

export const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * Per-pixel mix: out = a·(1−w) + b·w, with w from `weight(pixelIndex)` in 0..1.
 * Alpha is mixed too. Both images must have the same size.
 */
export function mixRaw(a: RawImage, b: RawImage, weight: (pixel: number) => number): RawImage {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError("mixRaw: size mismatch");
  const out = Buffer.alloc(a.data.length);
  for (let p = 0, i = 0; i < out.length; p++, i += 4) {
    const w = weight(p);
    for (let k = 0; k < 4; k++) {
      const av = a.data[i + k]!;
      out[i + k] = w <= 0 ? av : w >= 1 ? b.data[i + k]! : Math.round(av + (b.data[i + k]! - av) * w);
    }
  }
  return { data: out, width: a.width, height: a.height };
}

/** Gaussian blur of an RGBA image (sigma in px). */
export async function blurRaw(img: RawImage, sigma: number): Promise<RawImage> {
  if (sigma < 0.3) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .blur(sigma)
    .raw()
    .toBuffer();
  return { data, width: img.width, height: img.height };
}

/** Gaussian blur of a one-byte-per-pixel map (masks, alpha). */
export async function blurGrey(map: Uint8Array, width: number, height: number, sigma: number): Promise<Uint8Array> {
  if (sigma < 0.3) return map;
  const out = await sharp(Buffer.from(map.buffer, map.byteOffset, map.length), { raw: { width, height, channels: 1 } })
    .blur(sigma)
    .extractChannel(0) // sharp would otherwise hand back three sRGB channels
    .raw()
    .toBuffer();
  if (out.length !== width * height) throw new Error(`blurGrey: expected ${width * height} bytes, got ${out.length}`);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
