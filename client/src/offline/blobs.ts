import { type ImageVariant, imageFileUrl } from "@image-studio/shared";
import { noteFileResponse } from "../lib/file-delivery";
import { type BlobRow, db } from "./db";

/**
 * Image files on the device, keyed `imageId:variant` (never by a signed URL). A full disk (QuotaExceededError)
 * evicts unpinned blobs oldest-first and tries again; the outbox is never touched to make room.
 */

export const blobKey = (imageId: string, variant: ImageVariant | string) => `${imageId}:${variant}`;

export function isQuotaError(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as { name?: string; inner?: unknown; code?: number };
  return e.name === "QuotaExceededError" || e.code === 22 || (e.inner !== undefined && e.inner !== err && isQuotaError(e.inner));
}

/** Deletes unpinned blobs, oldest first, until `bytes` are freed (or none are left). Returns bytes freed. */
export async function evictUnpinned(bytes: number): Promise<number> {
  const d = db();
  let freed = 0;
  const victims: string[] = [];
  await d.blobs.orderBy("savedAt").until(() => freed >= bytes).each((row) => {
    if (row.pins.length) return;
    victims.push(row.key);
    freed += row.size;
  });
  if (victims.length) await d.blobs.bulkDelete(victims);
  return freed;
}

/** Stores a blob; on a full disk, evicts unpinned ones and retries (a few times, then gives up). */
export async function putBlob(row: BlobRow, tries = 3): Promise<void> {
  const d = db();
  for (let n = 0; ; n++) {
    try {
      await d.blobs.put(row);
      return;
    } catch (err) {
      if (!isQuotaError(err) || n + 1 >= tries) throw err;
      const freed = await evictUnpinned(Math.max(row.size * 4, 8 * 1024 * 1024));
      if (freed === 0) throw err;
    }
  }
}

export const getBlob = (imageId: string, variant: string) => db().blobs.get(blobKey(imageId, variant));

/**
 * Downloads one file into the cache (unless it is there already) and adds `pin` to its reasons to stay.
 * Returns the bytes stored now (0 when it was already cached).
 */
export async function cacheFile(imageId: string, variant: ImageVariant, pin?: string, fetcher: typeof fetch = fetch): Promise<number> {
  const d = db();
  const key = blobKey(imageId, variant);
  const existing = await d.blobs.get(key);
  if (existing) {
    if (pin && !existing.pins.includes(pin)) await d.blobs.update(key, { pins: [...existing.pins, pin] });
    return 0;
  }
  const url = imageFileUrl(imageId, variant);
  const res = await fetcher(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`Couldn't download ${variant} of ${imageId} (${res.status})`);
  noteFileResponse(url, res); // a redirect to the bucket: pictures keep going through the worker (lib/file-delivery.ts)
  const blob = await res.blob();
  await putBlob({ key, imageId, variant, blob, size: blob.size, savedAt: Date.now(), pins: pin ? [pin] : [] });
  return blob.size;
}

/** Removes a pin everywhere; blobs nobody pins any more become evictable (auto cache) or are deleted. */
export async function unpin(pin: string, deleteOrphans = true): Promise<void> {
  const d = db();
  await d.transaction("rw", d.blobs, async () => {
    const rows = await d.blobs.where("pins").equals(pin).toArray();
    const orphans = rows.filter((r) => r.pins.length === 1).map((r) => r.key);
    const kept = rows.filter((r) => r.pins.length > 1).map((r) => ({ ...r, pins: r.pins.filter((p) => p !== pin) }));
    if (deleteOrphans) await d.blobs.bulkDelete(orphans);
    else await d.blobs.bulkPut(rows.filter((r) => r.pins.length === 1).map((r) => ({ ...r, pins: [] })));
    await d.blobs.bulkPut(kept);
  });
}

/** Total bytes of cached files (pinned and not). */
export async function cachedBytes(): Promise<{ total: number; pinned: number; count: number }> {
  let total = 0;
  let pinned = 0;
  let count = 0;
  await db().blobs.each((r) => {
    total += r.size;
    count += 1;
    if (r.pins.length) pinned += r.size;
  });
  return { total, pinned, count };
}

/**
 * The file to show for a request, falling back to the nearest bigger, else smaller, variant the device has; a saved
 * gallery's 1280 px display copy (display-1280) answers for the preview and, without the original, for it.
 */
export const VARIANT_ORDER: Record<string, string[]> = {
  "thumb-256": ["thumb-256", "preview-768", "display-1280", "original"],
  "preview-768": ["preview-768", "display-1280", "original", "thumb-256"],
  "display-1280": ["display-1280", "original", "preview-768", "thumb-256"],
  original: ["original", "display-1280", "preview-768", "thumb-256"],
};

export async function bestBlob(imageId: string, variant: string): Promise<BlobRow | undefined> {
  const order = VARIANT_ORDER[variant] ?? VARIANT_ORDER.original!;
  const rows = await db().blobs.bulkGet(order.map((v) => blobKey(imageId, v)));
  return rows.find((r): r is BlobRow => !!r);
}
