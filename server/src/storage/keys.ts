/**
 * The one place object keys are built. Everything a user owns lives under `users/<userId>/`, so deleting an
 * account is one `deleteByPrefix(userPrefix(id))` and `usage(userPrefix(id))` is their quota:
 *
 *   users/<userId>/images/<imageId>/original.<ext>
 *   users/<userId>/images/<imageId>/<variant>            e.g. thumb-256.webp, preview-768.webp
 *   users/<userId>/avatar/v<version>-<size>.<ext>
 *   users/<userId>/uploads/<uploadId>.<ext>
 *   users/<userId>/exports/<exportId>.<ext>
 *
 * Ids are UUIDs (any version; stored lower-case, as PostgreSQL prints them).
 */
import { StorageKeyError } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXT = /^[a-z0-9]{1,10}$/;
const VARIANT = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]{1,10}$/;

function id(value: string, what: string): string {
  if (typeof value !== "string" || !UUID.test(value))
    throw new StorageKeyError(String(value), `${what} must be a UUID`);
  return value.toLowerCase();
}

function ext(value: string): string {
  const e = typeof value === "string" ? value.replace(/^\./, "").toLowerCase() : "";
  if (!EXT.test(e)) throw new StorageKeyError(String(value), "file extension must be 1-10 letters or digits");
  return e;
}

function positiveInt(value: number, what: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new StorageKeyError(String(value), `${what} must be an integer ≥ ${min}`);
  return value;
}

/** `users/<userId>/` — everything the user owns. */
export function userPrefix(userId: string): string {
  return `users/${id(userId, "userId")}/`;
}

/** `users/<userId>/images/<imageId>/` — the original and every variant of one image. */
export function imagePrefix(userId: string, imageId: string): string {
  return `${userPrefix(userId)}images/${id(imageId, "imageId")}/`;
}

export function originalKey(userId: string, imageId: string, extension: string): string {
  return `${imagePrefix(userId, imageId)}original.${ext(extension)}`;
}

/** `variant` is a file name such as "thumb-256.webp" or "preview-768.webp". */
export function variantKey(userId: string, imageId: string, variant: string): string {
  if (typeof variant !== "string" || !VARIANT.test(variant) || variant.startsWith("original.")) {
    throw new StorageKeyError(String(variant), 'variant must look like "thumb-256.webp" and not be "original.*"');
  }
  return `${imagePrefix(userId, imageId)}${variant}`;
}

/** `users/<userId>/avatar/` — every stored avatar size and version. */
export function avatarPrefix(userId: string): string {
  return `${userPrefix(userId)}avatar/`;
}

/** One size of one avatar version; bump the version on upload and delete the older ones. */
export function avatarKey(userId: string, size: number, version: number, extension = "webp"): string {
  return `${avatarPrefix(userId)}v${positiveInt(version, "avatar version", 0)}-${positiveInt(size, "avatar size", 1)}.${ext(extension)}`;
}

export function uploadPrefix(userId: string): string {
  return `${userPrefix(userId)}uploads/`;
}

/** A user-uploaded source (img2img source, mask, style reference) before or instead of becoming an image. */
export function uploadKey(userId: string, uploadId: string, extension: string): string {
  return `${uploadPrefix(userId)}${id(uploadId, "uploadId")}.${ext(extension)}`;
}

export function exportPrefix(userId: string): string {
  return `${userPrefix(userId)}exports/`;
}

/** A data export or bulk download archive. */
export function exportKey(userId: string, exportId: string, extension = "zip"): string {
  return `${exportPrefix(userId)}${id(exportId, "exportId")}.${ext(extension)}`;
}
