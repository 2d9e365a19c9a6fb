import { LIMITS } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import sharp, { type Metadata } from "sharp";
import type { Ctx, Deps, SessionUser } from "../../context";
import { AppError, notFound } from "../../lib/errors";
import { avatarKey, avatarPrefix } from "../../storage/keys";
import { listAll } from "../../storage/types";
import * as repo from "./account.repo";

export const AVATAR_SIZES = [64, 256] as const;
/** Decoded size limit: a small file can still expand to a huge bitmap (decompression bombs). */
export const AVATAR_MAX_PIXELS = 25_000_000;
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif", "heif", "tiff"]);

export interface Crop {
  x: number;
  y: number;
  size: number;
}

export const avatarUrl = (userId: string, version: number) => `/api/avatars/${userId}?v=${version}`;

/**
 * Checks the bytes by decoding them (never by name or MIME type), crops to a square, and re-encodes WebP
 * in each avatar size. Metadata (EXIF, GPS) is dropped by the re-encode.
 */
export async function renderAvatar(data: Buffer, crop?: Crop): Promise<{ size: number; data: Buffer }[]> {
  if (data.length === 0) throw new AppError("BAD_REQUEST", msg("uploads.chooseFile"));
  if (data.length > LIMITS.avatarMaxBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      msg("avatar.tooLarge", { mb: Math.round(LIMITS.avatarMaxBytes / 1024 / 1024) }),
    );
  }
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      msg("avatar.unreadable"),
    );
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) {
    throw new AppError(
      "UNSUPPORTED_MEDIA",
      msg("avatar.unreadable"),
    );
  }
  if (meta.width * meta.height > AVATAR_MAX_PIXELS) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      msg("avatar.tooManyPixels", { width: meta.width, height: meta.height }),
    );
  }
  // Dimensions after EXIF orientation, which is what the crop (chosen on screen) refers to.
  const swap = (meta.orientation ?? 1) >= 5;
  const w = swap ? meta.height : meta.width;
  const h = swap ? meta.width : meta.height;
  const region = crop ? checkCrop(crop, w, h) : undefined;
  try {
    return await Promise.all(
      AVATAR_SIZES.map(async (size) => {
        let img = sharp(data, { limitInputPixels: AVATAR_MAX_PIXELS, animated: false }).rotate();
        if (region) img = img.extract({ left: region.x, top: region.y, width: region.size, height: region.size });
        const out = await img
          .resize(size, size, { fit: "cover", position: "attention" })
          .webp({ quality: 86 })
          .toBuffer();
        return { size, data: out };
      }),
    );
  } catch {
    throw new AppError("UNSUPPORTED_MEDIA", msg("avatar.undecodable"));
  }
}

function checkCrop(c: Crop, w: number, h: number): Crop {
  const r = { x: Math.round(c.x), y: Math.round(c.y), size: Math.round(c.size) };
  if (r.size < 16 || r.x < 0 || r.y < 0 || r.x + r.size > w || r.y + r.size > h) {
    throw new AppError("VALIDATION_FAILED", msg("avatar.badCrop"), {
      issues: [{ path: ["crop"], message: msg("issue.cropOutside") }],
    });
  }
  return r;
}

/** Stores a new avatar version, publishes it, then deletes every older stored avatar object. */
export async function uploadAvatar(ctx: Ctx, input: { data: Buffer; crop?: Crop }): Promise<{ image: string }> {
  const rendered = await renderAvatar(input.data, input.crop);
  const { storage } = ctx.deps;
  const userId = ctx.user.id;
  const version = await repo.nextAvatarVersion(ctx.db, userId);
  const keys = new Set<string>();
  for (const r of rendered) {
    const key = avatarKey(userId, r.size, version);
    await storage.put(key, r.data, { contentType: "image/webp", cacheControl: "public, max-age=31536000, immutable" });
    keys.add(key);
  }
  const image = avatarUrl(userId, version);
  if (!(await repo.setAvatarImage(ctx.db, userId, version, image))) {
    // A newer upload won the race: this version is already stale.
    for (const k of keys) await storage.delete(k);
    const row = await repo.findUser(ctx.db, userId);
    return { image: row?.image ?? image };
  }
  for (const obj of await listAll(storage, avatarPrefix(userId))) {
    if (!keys.has(obj.key)) await storage.delete(obj.key);
  }
  await repo.setOnboardingStep(ctx.db, userId, "profile", true);
  return { image };
}

export async function removeAvatar(ctx: Ctx): Promise<void> {
  const version = await repo.nextAvatarVersion(ctx.db, ctx.user.id);
  await repo.setAvatarImage(ctx.db, ctx.user.id, version, null);
  await ctx.deps.storage.deleteByPrefix(avatarPrefix(ctx.user.id));
}

/**
 * An avatar for `viewer` (null = signed out). Owners and admins always see it; others only when the user keeps
 * it public (the default; used on shared pages and comments). Anything else is a 404.
 */
export async function readAvatar(deps: Deps, viewer: SessionUser | null, input: { userId: string; size?: number }) {
  const row = await repo.findUser(deps.database.db, input.userId);
  if (!row || !row.image || !row.isActive) throw notFound("avatar");
  const isPublic = row.preferences?.publicAvatar !== false;
  const allowed = isPublic || viewer?.id === row.id || viewer?.role === "admin";
  if (!allowed) throw notFound("avatar");
  const size = AVATAR_SIZES.find((s) => s >= (input.size ?? 256)) ?? AVATAR_SIZES.at(-1)!;
  const object = await deps.storage.get(avatarKey(row.id, size, row.avatarVersion));
  if (!object) throw notFound("avatar");
  return { object, version: row.avatarVersion, isPublic };
}
