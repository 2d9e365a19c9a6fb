import { randomUUID } from "node:crypto";
import { msg } from "../../i18n/api";
import type { UploadPurpose, UploadResponse } from "@image-studio/shared";
import sharp from "sharp";
import { consume } from "../../auth/rate-limit";
import type { Ctx } from "../../context";
import { decodePool } from "../../lib/decode-pool";
import { AppError, notFound, type NotFoundThing } from "../../lib/errors";
import { uploadKey } from "../../storage/keys";
import { assertRoom } from "../usage/quota.service";
import { checkImageBytes, reencode } from "./uploads.check";
import * as repo from "./uploads.repo";

const FORMATS = ["png", "webp"] as const;

/** UPLOADS_PER_HOUR per user, counted in the shared rate-limit table (every API process sees the same count). */
async function rateLimit(ctx: Ctx) {
  const decision = await consume(ctx.db, `upload:${ctx.user.id}`, { window: 3600, max: ctx.deps.env.UPLOADS_PER_HOUR });
  if (decision.allowed) return;
  throw new AppError(
    "RATE_LIMITED",
    msg("uploads.perHour", { count: ctx.deps.env.UPLOADS_PER_HOUR, minutes: Math.ceil((decision.retryAfter ?? 60) / 60) }),
    undefined,
    { "Retry-After": String(decision.retryAfter ?? 60) },
  );
}

/**
 * Checks, cleans and stores an upload at uploadKey(userId, uploadId, ext), and records it (it counts towards
 * the storage quota and expires after UPLOAD_TTL_HOURS unless a job uses it). Nothing is stored on failure.
 */
export async function createUpload(ctx: Ctx, data: Buffer, purpose: UploadPurpose): Promise<UploadResponse> {
  await rateLimit(ctx);
  const env = ctx.deps.env;
  const maxPixels = Math.round(env.UPLOAD_MAX_MEGAPIXELS * 1_000_000);
  const checked = await checkImageBytes(data, { maxPixels });
  await assertRoom(ctx, data.length);
  const out = await reencode(decodePool(env.DECODE_CONCURRENCY), data, {
    maxPixels,
    mask: purpose === "mask",
    checked,
  });
  await assertRoom(ctx, out.data.length);
  const uploadId = randomUUID();
  const key = uploadKey(ctx.user.id, uploadId, out.format);
  await ctx.deps.storage.put(key, out.data, { contentType: out.contentType });
  try {
    await repo.insertUpload(ctx.db, {
      id: uploadId,
      userId: ctx.user.id,
      storageKey: key,
      byteSize: out.data.length,
      width: out.width,
      height: out.height,
      format: out.format,
      purpose,
      createdAt: ctx.now,
      lastUsedAt: ctx.now,
    });
  } catch (err) {
    await ctx.deps.storage.delete(key);
    throw err;
  }
  return { uploadId, width: out.width, height: out.height, format: out.format };
}

export interface OwnedUpload {
  key: string;
  width: number;
  height: number;
}

/**
 * One of the caller's uploads, marked as used now (its expiry starts again). Looked up by owner, so an id
 * that belongs to someone else simply isn't found: a 404.
 */
export async function findUpload(ctx: Ctx, uploadId: string, what: NotFoundThing = "upload"): Promise<OwnedUpload> {
  const row = await repo.findOwned(ctx.db, ctx.user.id, uploadId);
  if (row) {
    await repo.touch(ctx.db, ctx.user.id, uploadId, ctx.now);
    return { key: row.storageKey, width: row.width, height: row.height };
  }
  const legacy = await adoptLegacy(ctx, uploadId);
  if (legacy) return legacy;
  throw notFound(what);
}

/** An upload stored before uploads were recorded: recorded now (so it counts and expires), then used. */
async function adoptLegacy(ctx: Ctx, uploadId: string): Promise<OwnedUpload | undefined> {
  for (const format of FORMATS) {
    const key = uploadKey(ctx.user.id, uploadId, format);
    const head = await ctx.deps.storage.head(key);
    if (!head) continue;
    const obj = await ctx.deps.storage.get(key);
    if (!obj) continue;
    const chunks: Buffer[] = [];
    for await (const c of obj.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
    const meta = await sharp(Buffer.concat(chunks)).metadata(); // header only; stored uploads are our own re-encodes
    const row = { width: meta.width ?? 0, height: meta.height ?? 0 };
    await repo.insertUpload(ctx.db, {
      id: uploadId,
      userId: ctx.user.id,
      storageKey: key,
      byteSize: head.size,
      format,
      purpose: "source",
      ...row,
    });
    return { key, ...row };
  }
  return undefined;
}
