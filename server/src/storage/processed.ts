import type { ProcessedImage } from "../lib/image-processing";
import { originalKey, variantKey } from "./keys";
import type { Storage } from "./types";

const EXT = { png: "png", jpeg: "jpg", webp: "webp" } as const;
export const VIDEO_TYPES = { mp4: "video/mp4", webp: "image/webp" } as const;

/** A video's clip: stored as the row's original, while `processed` (its poster) gives the variants and hashes. */
export interface StoredClip {
  data: Buffer;
  format: keyof typeof VIDEO_TYPES;
  width: number;
  height: number;
  durationSeconds: number;
}

/**
 * Stores a processed image (original + content-addressed variants) under `imageId`; returns the keys, original
 * first. With a `clip`, the original is the clip and the variants are made from the processed poster.
 */
export async function storeProcessed(
  storage: Storage,
  userId: string,
  imageId: string,
  processed: ProcessedImage,
  clip?: StoredClip,
): Promise<string[]> {
  const key = originalKey(userId, imageId, clip ? clip.format : EXT[processed.format]);
  if (clip) await storage.put(key, clip.data, { contentType: VIDEO_TYPES[clip.format] });
  else await storage.put(key, processed.original, { contentType: processed.contentType });
  const keys = [key];
  for (const v of processed.variants) {
    const vKey = variantKey(userId, imageId, `${v.name}.webp`);
    await storage.put(vKey, v.data, {
      contentType: v.contentType,
      cacheControl: "public, max-age=31536000, immutable",
    });
    keys.push(vKey);
  }
  return keys;
}

/** The file columns of an image row for a processed image (and its clip, for a video) stored by storeProcessed. */
export function processedFields(imageId: string, processed: ProcessedImage, originalKeyOf: string, clip?: StoredClip) {
  return {
    filePath: originalKeyOf,
    fileUrl: `/api/images/${imageId}/file/original`,
    thumbnailUrl: `/api/images/${imageId}/file/thumb-256`,
    thumbhash: processed.thumbhash,
    phash: processed.phash,
    width: clip?.width ?? processed.width,
    height: clip?.height ?? processed.height,
    fileSize: clip?.data.length ?? processed.original.length,
    format: clip?.format ?? processed.format,
    mediaType: clip ? ("video" as const) : ("image" as const),
    durationSeconds: clip?.durationSeconds ?? null,
  };
}
