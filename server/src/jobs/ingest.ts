import type { Deps } from "../context";
import type { Db } from "../db/client";
import { images } from "../db/schema";
import { stableUuid } from "../lib/ids";
import { decodePool } from "../lib/decode-pool";
import { processGeneratedImage, type ProcessedImage } from "../lib/image-processing";
import type { ProviderImage, ProviderResult } from "../providers/types";
import { processedFields, storeProcessed, type StoredClip } from "../storage/processed";
import { sourceBytes } from "./provider-input";
import { type JobRow, resultOwnerOf } from "./queue.repo";

export interface StoredOutput {
  imageId: string;
  processed: ProcessedImage;
  keys: string[];
  /** Videos: the clip; `processed` then describes its poster frame (variants, hashes). */
  clip?: StoredClip & { frameCount?: number; fps?: number; posterFromSource: boolean };
}

/** The poster of a video output: its own first frame, else (MP4, no decoder here) the image it was made from. */
async function posterOf(deps: Deps, job: JobRow, img: ProviderImage): Promise<Buffer> {
  if (img.video?.poster) return img.video.poster;
  const source = await sourceBytes(deps, job);
  if (!source) throw new Error("a video output needs a poster frame or a source image");
  return source;
}

/**
 * Decodes and stores every output of a job under ids derived from the job, so a job finished again after a
 * crash overwrites the same objects instead of leaving copies.
 */
export async function storeOutputs(deps: Deps, job: JobRow, result: ProviderResult): Promise<StoredOutput[]> {
  return Promise.all(
    result.images.map(async (img, index) => {
      const imageId = stableUuid(`${job.id}:${index}`);
      const still = img.video ? await posterOf(deps, job, img) : img.data;
      const processed = await processGeneratedImage(still, decodePool(deps.env.DECODE_CONCURRENCY));
      const v = img.video;
      const clip = v && {
        data: img.data,
        format: v.format,
        width: img.width,
        height: img.height,
        durationSeconds: v.durationSeconds,
        frameCount: v.frameCount,
        fps: v.fps,
        posterFromSource: !v.poster,
      };
      const keys = await storeProcessed(deps.storage, resultOwnerOf(job), imageId, processed, clip);
      return { imageId, processed, keys, ...(clip ? { clip } : {}) };
    }),
  );
}

/**
 * Inserts the image rows for stored outputs in the caller's transaction: in the result owner's scope (a shared
 * project's owner), with the team member who made them as `created_by`.
 */
export async function insertImages(tx: Db, job: JobRow, outputs: StoredOutput[], result: ProviderResult, costPerImage: number) {
  const params = job.parameters as Record<string, unknown>;
  const baseSeed = typeof params.seed === "number" ? params.seed : result.seed;
  await tx
    .insert(images)
    .values(
      outputs.map(({ imageId, processed, keys, clip }, i) => ({
        id: imageId,
        userId: resultOwnerOf(job),
        createdBy: job.ownerId && job.ownerId !== job.userId ? job.userId : null,
        projectId: job.projectId,
        ...processedFields(imageId, processed, keys[0]!, clip),
        prompt: job.prompt,
        negativePrompt: job.negativePrompt,
        modelId: job.modelId,
        modelVersion: null,
        parameters: { ...params, seed: baseSeed + i, numImages: outputs.length },
        generationTime: result.inferenceSeconds ?? null,
        costCredits: costPerImage,
        parentImageId: job.parentImageId,
        operation: job.operation,
        jobId: job.id,
        altText: job.prompt.slice(0, 300),
        metadata: {
          provider: job.provider,
          nsfw: result.nsfw?.[i] ?? false,
          hasAlpha: processed.hasAlpha,
          inputs: job.inputs,
          ...(clip
            ? {
                video: {
                  frameCount: clip.frameCount ?? null,
                  fps: clip.fps ?? null,
                  posterFromSource: clip.posterFromSource,
                },
              }
            : {}),
        },
      })),
    )
    .onConflictDoNothing();
}
