import { randomUUID } from "node:crypto";
import { msg, type ApiMessage } from "../../i18n/api";
import { buffer } from "node:stream/consumers";
import { cropPixels, EDIT_MIN_SIDE, EDIT_OPERATION, type ImageDetail, type ImageEdit, isNoopEdit, rotatedSize } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { decodePool } from "../../lib/decode-pool";
import { AppError, notFound } from "../../lib/errors";
import { processGeneratedImage } from "../../lib/image-processing";
import { processedFields, storeProcessed } from "../../storage/processed";
import * as images from "../images/images.service";
import * as repo from "./edit.repo";

/**
 * Crop, rotate, flip and adjust one of the owner's images with sharp, saved as a new image in its lineage
 * (parent link, operation "edit", the edit recorded in `metadata.edit`). Free: no credits are held or charged.
 * With a client-minted `clientId` a retry answers with the image the first call made.
 */

const OUTPUT_MAX_PIXELS = 100_000_000;

const invalid = (path: string, message: ApiMessage) => new AppError("VALIDATION_FAILED", message, { issues: [{ path: [path], message }] });

export async function edit(ctx: Ctx, sourceId: string, input: ImageEdit): Promise<{ image: ImageDetail; created: boolean }> {
  const id = (input.clientId ?? randomUUID()).toLowerCase();
  const found = await repo.existing(ctx.db, ctx.user.id, id);
  if (found && "foreign" in found) throw new AppError("CONFLICT", msg("request.idInUse"));
  if (found) return { image: await images.get(ctx, id), created: false };

  const src = await repo.source(ctx.db, ctx.user.id, sourceId);
  if (!src) throw notFound("image");
  if (src.deletedAt) throw new AppError("CONFLICT", msg("edit.restoreFirst"));
  if (isNoopEdit(input)) throw invalid("crop", msg("edit.nothingToSave"));
  const turned = rotatedSize(src.width, src.height, input.rotate);
  const crop = input.crop ? cropPixels(input.crop, turned.width, turned.height) : null;
  if (crop && (crop.width < EDIT_MIN_SIDE || crop.height < EDIT_MIN_SIDE)) throw invalid("crop", msg("edit.cropTooSmall", { min: EDIT_MIN_SIDE }));

  const obj = await ctx.deps.storage.get(src.filePath);
  if (!obj) throw new AppError("CONFLICT", msg("edit.fileMissing"));
  const data = await buffer(obj.body);
  const pool = decodePool(ctx.deps.env.DECODE_CONCURRENCY);
  const format = src.format === "jpeg" || src.format === "webp" ? src.format : "png";
  const out = await pool.run<{ data: Uint8Array }>("edit", { data, ...input, crop, format, maxPixels: OUTPUT_MAX_PIXELS });
  const processed = await processGeneratedImage(Buffer.from(out.data.buffer, out.data.byteOffset, out.data.byteLength), pool);

  const [key] = await storeProcessed(ctx.deps.storage, ctx.user.id, id, processed);
  const { clientId: _, ...recorded } = input;
  const created = await repo.insert(ctx.db, {
    id,
    userId: ctx.user.id,
    projectId: src.projectId,
    ...processedFields(id, processed, key!),
    prompt: src.prompt,
    negativePrompt: src.negativePrompt,
    modelId: src.modelId,
    modelVersion: src.modelVersion,
    parameters: src.parameters,
    costCredits: 0,
    parentImageId: src.id,
    operation: EDIT_OPERATION,
    tags: src.tags,
    altText: src.altText,
    metadata: { edit: { ...recorded, cropPixels: crop }, hasAlpha: processed.hasAlpha, sourceImageId: src.id },
  });
  return { image: await images.get(ctx, id), created };
}
