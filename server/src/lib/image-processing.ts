import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";

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

/** Decodes an engine's output (never trusting its claimed type), and derives thumbnails and hashes. */
export async function processGeneratedImage(data: Buffer): Promise<ProcessedImage> {
  const meta = await sharp(data, { limitInputPixels: 100_000_000 }).metadata();
  const format = meta.format === "jpeg" || meta.format === "png" || meta.format === "webp" ? meta.format : undefined;
  if (!format || !meta.width || !meta.height) throw new Error(`unsupported image output (${meta.format ?? "unknown"})`);
  const [variants, thumbhash, phash] = await Promise.all([
    Promise.all(
      (Object.entries(VARIANTS) as [VariantName, number][]).map(async ([name, size]) => {
        const { data: out, info } = await sharp(data)
          .rotate()
          .resize(size, size, { fit: "inside", withoutEnlargement: true })
          .webp({ quality: 80, alphaQuality: 90 })
          .toBuffer({ resolveWithObject: true });
        return { name, data: out, contentType: "image/webp" as const, width: info.width, height: info.height };
      }),
    ),
    thumbHashOf(data),
    differenceHash(data),
  ]);
  return {
    width: meta.width,
    height: meta.height,
    format,
    contentType: CONTENT_TYPES[format],
    original: data,
    variants,
    thumbhash,
    phash,
    hasAlpha: Boolean(meta.hasAlpha),
  };
}

export async function thumbHashOf(data: Buffer): Promise<string> {
  const { data: rgba, info } = await sharp(data).resize(100, 100, { fit: "inside" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, rgba)).toString("base64");
}

/** dHash: 9×8 greyscale, one bit per horizontal gradient. Near-duplicates differ in few bits. */
export async function differenceHash(data: Buffer): Promise<string> {
  const pixels = await sharp(data).greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer();
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
