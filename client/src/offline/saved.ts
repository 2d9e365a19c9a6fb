import type { ImageDetail } from "@image-studio/shared";
import { cacheFile, evictUnpinned, unpin } from "./blobs";
import { db, type SavedGallery } from "./db";
import { cacheDisplay, estimateBytes, type Resize } from "./display";

/**
 * Saved galleries ("make available offline"): a project's or a collection's thumbnails and display-size copies
 * (1280 px, made on the device), and the originals when asked — a video's clip and poster always, since it plays
 * from them — pinned so a full disk never evicts them. Plus an
 * automatic cache of favourites and recent images within a budget.
 */

export interface SaveOptions {
  /** Keep the full-size originals too (display copies and thumbnails always). */
  originals?: boolean;
  onProgress?: (done: number, total: number) => void;
  fetcher?: typeof fetch;
  resize?: Resize;
}
export const AUTO_BUDGET_BYTES = 200 * 1024 * 1024;
export const AUTO_RECENT = 200;

export const savedKey = (kind: SavedGallery["kind"], id: string) => `${kind}:${id}`;

async function galleryImages(kind: SavedGallery["kind"], id: string): Promise<ImageDetail[]> {
  const d = db();
  if (kind === "project") return (await d.images.where("projectId").equals(id).toArray()).filter((i) => !i.deletedAt);
  const c = await d.collections.get(id);
  const rows = await d.images.bulkGet(c?.items.map((i) => i.imageId) ?? []);
  return rows.filter((i): i is ImageDetail => !!i && !i.deletedAt);
}

/** Runs `fn` over items with a few downloads in flight at once. */
async function pool<T>(items: T[], width: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** What saving a gallery would take on this device, before it is saved (from the device's copy of the library). */
export async function galleryEstimate(kind: SavedGallery["kind"], id: string): Promise<{ images: number; displayBytes: number; originalBytes: number }> {
  const images = await galleryImages(kind, id);
  return { images: images.length, displayBytes: estimateBytes(images, false), originalBytes: estimateBytes(images, true) };
}

/** Bytes of the files a saved gallery pins (shared files count for each gallery that keeps them). */
export async function pinnedBytes(key: string): Promise<number> {
  let total = 0;
  await db().blobs.where("pins").equals(key).each((r) => void (total += r.size));
  return total;
}

/**
 * Downloads a project or collection for offline use: thumbnails and display copies, and the originals when asked.
 * `onProgress(done, total)` reports images. The image list comes from the device's copy, so sync first (the
 * caller does) for the freshest membership.
 */
export async function saveGallery(kind: SavedGallery["kind"], id: string, name: string, opts: SaveOptions = {}): Promise<SavedGallery> {
  const { originals = false, onProgress, fetcher = fetch, resize } = opts;
  const d = db();
  const key = savedKey(kind, id);
  const images = await galleryImages(kind, id);
  const row: SavedGallery = { key, kind, id, name, imageIds: images.map((i) => i.id), savedAt: Date.now(), status: "downloading", bytes: 0, originals };
  await d.saved.put(row);
  let done = 0;
  try {
    await pool(images, 3, async (image) => {
      await cacheFile(image.id, "thumb-256", key, fetcher);
      if (image.mediaType === "video") {
        // A video plays from its clip (the original: MP4 or animated WebP) with the 768 px poster over it.
        await cacheFile(image.id, "preview-768", key, fetcher);
        await cacheFile(image.id, "original", key, fetcher);
      } else {
        // The original first when it is kept: the display copy is then made from the device's bytes.
        if (originals) await cacheFile(image.id, "original", key, fetcher);
        await cacheDisplay(image, key, fetcher, resize);
      }
      onProgress?.(++done, images.length);
    });
    // Keeping display copies only now: originals an earlier save kept for this gallery go (a video's clip stays).
    if (!originals) await dropPin(key, "original", new Set(images.filter((i) => i.mediaType === "video").map((i) => i.id)));
    row.status = "ready";
  } catch (err) {
    row.status = "error";
    row.error = err instanceof Error ? err.message : String(err);
  }
  row.bytes = await pinnedBytes(key);
  await d.saved.put(row);
  return row;
}

/** Takes one gallery's pin off its files of one variant (but those of `keep`); files nobody else pins are deleted. */
async function dropPin(key: string, variant: string, keep: Set<string>) {
  const d = db();
  await d.transaction("rw", d.blobs, async () => {
    const rows = (await d.blobs.where("pins").equals(key).toArray()).filter((r) => r.variant === variant && !keep.has(r.imageId));
    await d.blobs.bulkDelete(rows.filter((r) => r.pins.length === 1).map((r) => r.key));
    await d.blobs.bulkPut(rows.filter((r) => r.pins.length > 1).map((r) => ({ ...r, pins: r.pins.filter((p) => p !== key) })));
  });
}

/** Stops keeping a gallery offline (its files go unless another gallery pins them). */
export async function unsaveGallery(key: string) {
  await unpin(key);
  await db().saved.delete(key);
}

export const savedGalleries = () => db().saved.orderBy("savedAt").reverse().toArray();

/** Saved galleries pick up images added since (called after a sync). */
export async function refreshSavedGalleries(fetcher: typeof fetch = fetch) {
  for (const g of await savedGalleries()) {
    const images = await galleryImages(g.kind, g.id);
    if (images.some((i) => !g.imageIds.includes(i.id))) await saveGallery(g.kind, g.id, g.name, { originals: g.originals ?? true, fetcher });
  }
}

/**
 * Keeps thumbnails of favourites and the most recent images on the device, within `budget` bytes of unpinned
 * files (oldest evicted first). Returns bytes downloaded.
 */
export async function autoCache(budget = AUTO_BUDGET_BYTES, fetcher: typeof fetch = fetch): Promise<number> {
  const d = db();
  // The user's own images only: a shared project's files are kept when the user makes it available offline.
  const recent = await d.images.orderBy("createdAt").reverse().filter((i) => !i.deletedAt && !i.shared).limit(AUTO_RECENT).toArray();
  const favorites = await d.images.filter((i) => i.isFavorite && !i.deletedAt && !i.shared).toArray();
  const wanted = [...new Map([...favorites, ...recent].map((i) => [i.id, i])).values()];
  let downloaded = 0;
  for (const img of wanted) {
    if (downloaded > budget) break;
    try {
      downloaded += await cacheFile(img.id, "thumb-256", undefined, fetcher);
    } catch {
      return downloaded; // offline or the server away: next time
    }
  }
  let unpinned = 0;
  await d.blobs.each((r) => {
    if (!r.pins.length) unpinned += r.size;
  });
  if (unpinned > budget) await evictUnpinned(unpinned - budget);
  return downloaded;
}
