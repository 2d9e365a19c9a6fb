import { type ImageDetail, imageFileUrl } from "@image-studio/shared";
import { blobKey, getBlob, putBlob } from "./blobs";
import { db } from "./db";

/**
 * The display-size copy a saved gallery keeps: sharp in the lightbox on a phone or a laptop, a fraction of the
 * original's bytes. The server has no such size (thumb 256, preview 768, original), so the device makes it from
 * the original — once, when saving — and keeps it as the blob `imageId:display-1280`.
 */
export const DISPLAY_VARIANT = "display-1280";
export const DISPLAY_MAX = 1280;

type Size = Pick<ImageDetail, "id" | "width" | "height" | "fileSize"> & { mediaType?: ImageDetail["mediaType"] };
/** A video's 768 px poster (guessed): kept with its clip. */
const POSTER_BYTES = 80_000;
/** Scales a picture down to fit `max` px (WebP); injected in tests, where there is no canvas. */
export type Resize = (original: Blob, width: number, height: number) => Promise<Blob>;

export function displaySize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, DISPLAY_MAX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** In the browser: decode with a resize (off the main thread where it can be), encode WebP. */
export const browserResize: Resize = async (original, width, height) => {
  const bitmap = await createImageBitmap(original, { resizeWidth: width, resizeHeight: height, resizeQuality: "high" });
  try {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: "image/webp", quality: 0.86 });
  } finally {
    bitmap.close();
  }
};

/**
 * Bytes a gallery will take before it is saved: thumbnails are small (~25 KB guessed), the display copy is the
 * original scaled by area (no bigger than the original), originals are their file size; a video is its poster and
 * its clip, kept whether or not originals are.
 */
export function estimateBytes(images: readonly Size[], originals: boolean): number {
  return images.reduce((sum, i) => {
    if (i.mediaType === "video") return sum + 25_000 + POSTER_BYTES + i.fileSize; // the clip either way
    const scaled = displaySize(i.width, i.height);
    const display = Math.round(i.fileSize * Math.min(1, (scaled.width * scaled.height) / (i.width * i.height)));
    return sum + 25_000 + display + (originals ? i.fileSize : 0);
  }, 0);
}

/**
 * Makes and stores the display copy of an image (unless it is there already) with `pin` on it. The original comes
 * from the device when it has it, else from the server. Returns the bytes stored now.
 */
export async function cacheDisplay(image: Size, pin: string, fetcher: typeof fetch, resize: Resize = browserResize): Promise<number> {
  const key = blobKey(image.id, DISPLAY_VARIANT);
  const existing = await db().blobs.get(key);
  if (existing) {
    if (!existing.pins.includes(pin)) await db().blobs.update(key, { pins: [...existing.pins, pin] });
    return 0;
  }
  let original = (await getBlob(image.id, "original"))?.blob;
  if (!original) {
    const res = await fetcher(imageFileUrl(image.id, "original"), { credentials: "same-origin" });
    if (!res.ok) throw new Error(`Couldn't download the original of ${image.id} (${res.status})`);
    original = await res.blob();
  }
  const size = displaySize(image.width, image.height);
  const blob = size.width === image.width && size.height === image.height ? original : await resize(original, size.width, size.height);
  await putBlob({ key, imageId: image.id, variant: DISPLAY_VARIANT, blob, size: blob.size, savedAt: Date.now(), pins: [pin] });
  return blob.size;
}
