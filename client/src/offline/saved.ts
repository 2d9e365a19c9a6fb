import type { ImageDetail, ImageVariant } from "@image-studio/shared";
import { cacheFile, evictUnpinned, unpin } from "./blobs";
import { db, type SavedGallery } from "./db";

/**
 * Saved galleries ("make available offline"): a project's or a collection's thumbnails and originals, pinned so
 * a full disk never evicts them. Plus an automatic cache of favourites and recent images within a budget.
 */

export const SAVED_VARIANTS: ImageVariant[] = ["thumb-256", "original"];
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

/**
 * Downloads a project or collection for offline use. `onProgress(done, total)` reports files. The image list
 * comes from the device's copy, so sync first (the caller does) for the freshest membership.
 */
export async function saveGallery(kind: SavedGallery["kind"], id: string, name: string, onProgress?: (done: number, total: number) => void, fetcher: typeof fetch = fetch): Promise<SavedGallery> {
  const d = db();
  const key = savedKey(kind, id);
  const images = await galleryImages(kind, id);
  const row: SavedGallery = { key, kind, id, name, imageIds: images.map((i) => i.id), savedAt: Date.now(), status: "downloading", bytes: 0 };
  await d.saved.put(row);
  const files = images.flatMap((i) => SAVED_VARIANTS.map((v) => [i.id, v] as const));
  let done = 0;
  try {
    await pool(files, 4, async ([imageId, variant]) => {
      const stored = await cacheFile(imageId, variant, key, fetcher); // (not `+= await`: parallel workers)
      row.bytes += stored;
      onProgress?.(++done, files.length);
    });
    row.status = "ready";
  } catch (err) {
    row.status = "error";
    row.error = err instanceof Error ? err.message : String(err);
  }
  await d.saved.put(row);
  return row;
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
    if (images.some((i) => !g.imageIds.includes(i.id))) await saveGallery(g.kind, g.id, g.name, undefined, fetcher);
  }
}

/**
 * Keeps thumbnails of favourites and the most recent images on the device, within `budget` bytes of unpinned
 * files (oldest evicted first). Returns bytes downloaded.
 */
export async function autoCache(budget = AUTO_BUDGET_BYTES, fetcher: typeof fetch = fetch): Promise<number> {
  const d = db();
  const recent = await d.images.orderBy("createdAt").reverse().filter((i) => !i.deletedAt).limit(AUTO_RECENT).toArray();
  const favorites = await d.images.filter((i) => i.isFavorite && !i.deletedAt).toArray();
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
