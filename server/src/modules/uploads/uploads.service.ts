import { randomUUID } from "node:crypto";
import type { UploadPurpose, UploadResponse } from "@image-studio/shared";
import sharp from "sharp";
import type { Ctx } from "../../context";
import { AppError } from "../../lib/errors";
import { uploadKey } from "../../storage/keys";
import { checkImageBytes, reencode } from "./uploads.check";

const FORMATS = ["png", "webp"] as const;

/** Checks, cleans and stores an upload at uploadKey(userId, uploadId, ext). Nothing is stored on failure. */
export async function createUpload(ctx: Ctx, data: Buffer, purpose: UploadPurpose): Promise<UploadResponse> {
  const checked = await checkImageBytes(data);
  const out = await reencode(data, { mask: purpose === "mask", hasAlpha: checked.hasAlpha });
  const uploadId = randomUUID();
  await ctx.deps.storage.put(uploadKey(ctx.user.id, uploadId, out.format), out.data, { contentType: out.contentType });
  return { uploadId, width: out.width, height: out.height, format: out.format };
}

export interface OwnedUpload {
  key: string;
  width: number;
  height: number;
}

/**
 * One of the caller's uploads. The key is built here from the user's id (never taken from the client), so an
 * id that belongs to someone else simply isn't found: a 404.
 */
export async function findUpload(ctx: Ctx, uploadId: string, what = "Upload"): Promise<OwnedUpload> {
  for (const ext of FORMATS) {
    const key = uploadKey(ctx.user.id, uploadId, ext);
    const obj = await ctx.deps.storage.get(key);
    if (!obj) continue;
    const chunks: Buffer[] = [];
    for await (const c of obj.body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    return { key, width: meta.width ?? 0, height: meta.height ?? 0 };
  }
  throw new AppError("NOT_FOUND", `${what} not found`);
}
