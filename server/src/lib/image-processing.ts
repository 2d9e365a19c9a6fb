import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { type DecodePool, decodePool } from "./decode-pool";

export interface ProcessedImage {
  width: number;
  height: number;
  format: "png" | "jpeg" | "webp";
  contentType: string;
  /** The original bytes as stored (metadata stripped only when re-encoded elsewhere). */
  original: Buffer;
  variants: { name: VariantName; data: Buffer; contentType: "image/webp"; width: number; height: number }[];
  /** base64 ThumbHash for blur-up placeholders. */
  thumbhash: string;
  /** 64-bit difference hash, 16 hex chars. */
  phash: string;
  hasAlpha: boolean;
}

export const VARIANTS = { "thumb-256": 256, "preview-768": 768 } as const;
export type VariantName = keyof typeof VARIANTS;

const CONTENT_TYPES = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" } as const;

/** Engine outputs larger than this are refused (an 8× upscale of 1024² is 67 megapixels). */
const OUTPUT_MAX_PIXELS = 100_000_000;

interface Derived {
  meta: { format?: string; width?: number; height?: number; hasAlpha: boolean };
  variants: { name: VariantName; data: Uint8Array; width: number; height: number }[];
  thumb: { data: Uint8Array; width: number; height: number };
  grey: Uint8Array;
}

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/**
 * Decodes an engine's output (never trusting its claimed type), and derives thumbnails and hashes. The pixel
 * work runs in the bounded decode pool (off the main thread, never more than DECODE_CONCURRENCY at once).
 */
export async function processGeneratedImage(data: Buffer, pool: DecodePool = decodePool()): Promise<ProcessedImage> {
  const variantSizes = (Object.entries(VARIANTS) as [VariantName, number][]).map(([name, size]) => ({ name, size }));
  const d = await pool.run<Derived>("derive", { data, variants: variantSizes, maxPixels: OUTPUT_MAX_PIXELS });
  const meta = d.meta;
  const format = meta.format === "jpeg" || meta.format === "png" || meta.format === "webp" ? meta.format : undefined;
  if (!format || !meta.width || !meta.height) throw new Error(`unsupported image output (${meta.format ?? "unknown"})`);
  return {
    width: meta.width,
    height: meta.height,
    format,
    contentType: CONTENT_TYPES[format],
    original: data,
    variants: d.variants.map((v) => ({ ...v, data: toBuffer(v.data), contentType: "image/webp" as const })),
    thumbhash: Buffer.from(rgbaToThumbHash(d.thumb.width, d.thumb.height, d.thumb.data)).toString("base64"),
    phash: dHashOf(d.grey),
    hasAlpha: meta.hasAlpha,
  };
}

export async function thumbHashOf(data: Buffer): Promise<string> {
  const { data: rgba, info } = await sharp(data).resize(100, 100, { fit: "inside" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, rgba)).toString("base64");
}

/** dHash: 9×8 greyscale, one bit per horizontal gradient. Near-duplicates differ in few bits. */
export async function differenceHash(data: Buffer): Promise<string> {
  return dHashOf(await sharp(data).greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer());
}

/** The dHash of 9×8 greyscale pixels. */
function dHashOf(pixels: Uint8Array): string {
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      hash = (hash << 1n) | (pixels[y * 9 + x]! > pixels[y * 9 + x + 1]! ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, "0");
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
