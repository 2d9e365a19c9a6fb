import sharp from "sharp";
import type { DecodePool } from "../../lib/decode-pool";
import { processGeneratedImage, type ProcessedImage } from "../../lib/image-processing";
import { isMp4, mp4Facts } from "../../providers/fal/mp4";
import type { StoredClip } from "../../storage/processed";
import { type ArchivedImage, IMAGE_MAX_BYTES, VIDEO_MAX_BYTES } from "./account-data.format";
import type { ZipReader } from "./zip-reader";

/** An archived picture read back: the processed still (a video's poster) and, for a video, its clip. */
export type ArchivedMedia = { processed: ProcessedImage; clip?: StoredClip } | { skip: string };

async function entry(zip: ZipReader, name: string, max: number): Promise<Buffer | null> {
  try {
    return await zip.read(name, max);
  } catch {
    return null;
  }
}

/** An animated WebP's picture size, length and first frame (the poster when the archive has none). */
async function webpClip(
  data: Buffer,
): Promise<{ width: number; height: number; durationSeconds: number; first: () => Promise<Buffer> } | null> {
  const meta = await sharp(data, { animated: true })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== "webp" || !meta.width || !meta.height) return null;
  const pages = meta.pages ?? 1;
  const delays = meta.delay?.length === pages ? meta.delay : Array.from({ length: pages }, () => 100);
  return {
    width: meta.width,
    height: meta.pageHeight ?? meta.height,
    durationSeconds: delays.reduce((n, d) => n + d, 0) / 1000,
    first: () => sharp(data, { page: 0 }).png().toBuffer(),
  };
}

async function readVideo(zip: ZipReader, img: ArchivedImage, pool: DecodePool): Promise<ArchivedMedia> {
  const data = await entry(zip, img.file, VIDEO_MAX_BYTES);
  if (!data) return { skip: `${img.file}: missing, unreadable or larger than ${VIDEO_MAX_BYTES / 1024 ** 2} MB` };
  const poster = img.poster ? await entry(zip, img.poster, IMAGE_MAX_BYTES) : null;
  let clip: StoredClip;
  let still: Buffer | null = poster;
  if (img.file.endsWith(".mp4")) {
    const facts = isMp4(data) ? mp4Facts(data) : undefined;
    if (!facts) return { skip: `${img.file}: not an MP4 video` };
    clip = {
      data,
      format: "mp4",
      width: facts.width,
      height: facts.height,
      durationSeconds: facts.durationSeconds || (img.durationSeconds ?? 0),
    };
  } else {
    const webp = img.file.endsWith(".webp") ? await webpClip(data) : null;
    if (!webp) return { skip: `${img.file}: not a video (MP4 or animated WebP)` };
    clip = { data, format: "webp", width: webp.width, height: webp.height, durationSeconds: webp.durationSeconds };
    still ??= await webp.first();
  }
  // MP4 cannot be decoded here: without its poster in the archive there is nothing to make thumbnails from.
  if (!still) return { skip: `${img.file}: the video's poster frame (${img.poster ?? "posters/…"}) is missing` };
  const processed = await processGeneratedImage(still, pool).catch(() => null);
  if (!processed) return { skip: `${img.poster ?? img.file}: the poster frame is not an image` };
  return { processed, clip };
}

/** Reads one archived image or video and prepares what storeProcessed stores; a broken entry gives a reason to skip it. */
export async function readArchivedMedia(zip: ZipReader, img: ArchivedImage, pool: DecodePool): Promise<ArchivedMedia> {
  if (img.mediaType === "video") return readVideo(zip, img, pool);
  const bytes = await entry(zip, img.file, IMAGE_MAX_BYTES);
  if (!bytes) return { skip: `${img.file}: missing or unreadable` };
  const processed = await processGeneratedImage(bytes, pool).catch(() => null);
  return processed ? { processed } : { skip: `${img.file}: not an image` };
}

/** Bytes an archived image takes once imported (the clip or original, plus a video's poster), for the quota check. */
export const archivedSize = (zip: ZipReader, img: ArchivedImage) =>
  zip.size(img.file) + (img.poster ? zip.size(img.poster) : 0);
