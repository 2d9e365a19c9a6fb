import type { Deps } from "../context";
import type { Db } from "../db/client";
import { images } from "../db/schema";
import { stableUuid } from "../lib/ids";
import { decodePool } from "../lib/decode-pool";
import { processGeneratedImage, type ProcessedImage } from "../lib/image-processing";
import type { ProviderResult } from "../providers/types";
import { originalKey, variantKey } from "../storage/keys";
import type { JobRow } from "./queue.repo";

export interface StoredOutput {
  imageId: string;
  processed: ProcessedImage;
  keys: string[];
}

const EXT = { png: "png", jpeg: "jpg", webp: "webp" } as const;

/**
 * Decodes and stores every output of a job under ids derived from the job, so a job finished again after a
 * crash overwrites the same objects instead of leaving copies.
 */
export async function storeOutputs(deps: Deps, job: JobRow, result: ProviderResult): Promise<StoredOutput[]> {
  return Promise.all(
    result.images.map(async (img, index) => {
      const imageId = stableUuid(`${job.id}:${index}`);
      const processed = await processGeneratedImage(img.data, decodePool(deps.env.DECODE_CONCURRENCY));
      const key = originalKey(job.userId, imageId, EXT[processed.format]);
      await deps.storage.put(key, processed.original, { contentType: processed.contentType });
      const keys = [key];
      for (const v of processed.variants) {
        const vKey = variantKey(job.userId, imageId, `${v.name}.webp`);
        await deps.storage.put(vKey, v.data, { contentType: v.contentType, cacheControl: "public, max-age=31536000, immutable" });
        keys.push(vKey);
      }
      return { imageId, processed, keys };
    }),
  );
}

/** Inserts the image rows for stored outputs in the caller's transaction. */
export async function insertImages(tx: Db, job: JobRow, outputs: StoredOutput[], result: ProviderResult, costPerImage: number) {
  const params = job.parameters as Record<string, unknown>;
  const baseSeed = typeof params.seed === "number" ? params.seed : result.seed;
  await tx
    .insert(images)
    .values(
      outputs.map(({ imageId, processed, keys }, i) => ({
        id: imageId,
        userId: job.userId,
        projectId: job.projectId,
        filePath: keys[0]!,
        fileUrl: `/api/images/${imageId}/file/original`,
        thumbnailUrl: `/api/images/${imageId}/file/thumb-256`,
        thumbhash: processed.thumbhash,
        phash: processed.phash,
        width: processed.width,
        height: processed.height,
        fileSize: processed.original.length,
        format: processed.format,
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
        metadata: { provider: job.provider, nsfw: result.nsfw?.[i] ?? false, hasAlpha: processed.hasAlpha, inputs: job.inputs },
      })),
    )
    .onConflictDoNothing();
}
