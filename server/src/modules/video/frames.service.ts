/**
 * Saving a frame of a video as a new image in its lineage (operation "video-frame", parent = the video).
 * Animated WebP (the local engine's clips) is cut on the server with sharp; MP4 has no decoder here, so the
 * browser sends the frame it decoded as an upload and the server checks it matches the video.
 */
import { frameIndexAt, type ImageDetail } from "@image-studio/shared";
import { msg, type ApiMessage } from "../../i18n/api";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Ctx } from "../../context";
import { decodePool } from "../../lib/decode-pool";
import { AppError, notFound } from "../../lib/errors";
import { stableUuid } from "../../lib/ids";
import { processGeneratedImage } from "../../lib/image-processing";
import { processedFields, storeProcessed } from "../../storage/processed";
import * as images from "../images/images.service";
import { findUpload } from "../uploads/uploads.service";
import { assertRoom } from "../usage/quota.service";
import * as repo from "./video.repo";


function invalid(path: string, message: ApiMessage): AppError {
  return new AppError("VALIDATION_FAILED", message, { issues: [{ path: [path], message }] });
}

async function readObject(ctx: Ctx, key: string): Promise<Buffer> {
  const obj = await ctx.deps.storage.get(key);
  if (!obj) throw new AppError("NOT_FOUND", msg("video.fileMissing"));
  const chunks: Buffer[] = [];
  for await (const c of obj.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** One frame of an animated WebP as PNG, and its index. */
export async function webpFrame(data: Buffer, timeSeconds: number): Promise<{ png: Buffer; index: number }> {
  const meta = await sharp(data, { animated: true }).metadata();
  const pages = meta.pages ?? 1;
  const delays = meta.delay?.length === pages ? meta.delay : Array.from({ length: pages }, () => 100);
  const index = frameIndexAt(delays, timeSeconds);
  return { png: await sharp(data, { page: index }).png().toBuffer(), index };
}

type Video = NonNullable<Awaited<ReturnType<typeof repo.getLive>>>;

async function frameBytes(ctx: Ctx, video: Video, body: { timeSeconds: number; uploadId?: string }) {
  if (video.format === "webp") return webpFrame(await readObject(ctx, video.filePath), body.timeSeconds);
  if (!body.uploadId) {
    throw invalid("uploadId", msg("video.sendFrame"));
  }
  const up = await findUpload(ctx, body.uploadId, "frameUpload");
  if (up.width !== video.width || up.height !== video.height) {
    throw invalid("uploadId", msg("video.frameSize", { frameWidth: up.width, frameHeight: up.height, width: video.width ?? 0, height: video.height ?? 0 }));
  }
  return { png: await readObject(ctx, up.key), index: null };
}

export async function saveFrame(
  ctx: Ctx,
  id: string,
  body: { timeSeconds: number; uploadId?: string; clientId?: string },
): Promise<{ image: ImageDetail; created: boolean }> {
  const video = await repo.getLive(ctx.db, ctx.user.id, id);
  if (!video) throw notFound("video");
  if (video.mediaType !== "video") throw invalid("id", msg("video.notVideo"));
  const duration = video.durationSeconds ?? 0;
  if (body.timeSeconds > duration + 0.001) {
    throw invalid("timeSeconds", msg("video.timeTooLate", { seconds: duration.toFixed(2) }));
  }
  const frameId = stableUuid(`${ctx.user.id}:frame:${body.clientId ?? randomUUID()}`);
  const existing = await repo.getAny(ctx.db, ctx.user.id, frameId);
  if (existing) return { image: await images.get(ctx, frameId), created: false };
  const { png, index } = await frameBytes(ctx, video, body);
  await assertRoom(ctx, png.length);
  const processed = await processGeneratedImage(png, decodePool(ctx.deps.env.DECODE_CONCURRENCY));
  const keys = await storeProcessed(ctx.deps.storage, ctx.user.id, frameId, processed);
  const key = keys[0]!;
  const created = await repo.insertImage(ctx.db, {
    id: frameId,
    userId: ctx.user.id,
    projectId: video.projectId,
    ...processedFields(frameId, processed, key),
    prompt: video.prompt,
    negativePrompt: video.negativePrompt,
    modelId: video.modelId,
    parameters: { timeSeconds: body.timeSeconds, ...(index !== null ? { frameIndex: index } : {}) },
    costCredits: 0,
    parentImageId: video.id,
    operation: "video-frame",
    tags: video.tags,
    altText: `Frame at ${body.timeSeconds.toFixed(2)} s of: ${video.altText || video.prompt}`.slice(0, 300),
    metadata: { frameOf: video.id, timeSeconds: body.timeSeconds, capturedBy: index === null ? "browser" : "server" },
  });
  if (!created) {
    // A concurrent save with the same clientId won: ours wrote the same keys, nothing to clean up.
    return { image: await images.get(ctx, frameId), created: false };
  }
  return { image: await images.get(ctx, frameId), created: true };
}
