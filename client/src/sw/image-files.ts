/// <reference lib="webworker" />
import { registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { bestBlob } from "../offline/blobs";

/**
 * Image files: /api/images/:id/file/:variant. The device's blob cache (Dexie, keyed `imageId:variant`, filled by
 * saved galleries and the favourites/recent cache) answers first — online too, since a variant of an image never
 * changes — falling back to a nearby variant the device has. Otherwise thumbnails and previews go through a
 * Cache Storage cache-first; originals go to the network.
 */

const FILE = /^\/api\/images\/([0-9a-f-]{36})\/file\/(original|thumb-256|preview-768)$/;

const variants = new CacheFirst({
  cacheName: "image-variants",
  plugins: [new ExpirationPlugin({ maxEntries: 2000, maxAgeSeconds: 60 * 60 * 24 * 90, purgeOnQuotaError: true })],
});

async function fromDevice(imageId: string, variant: string): Promise<Response | undefined> {
  try {
    const row = await bestBlob(imageId, variant);
    if (!row) return undefined;
    return new Response(row.blob, {
      headers: { "Content-Type": row.blob.type || "application/octet-stream", "Cache-Control": "private, max-age=31536000, immutable", "X-Served-By": "device" },
    });
  } catch {
    return undefined; // IndexedDB unavailable (private mode, blocked): the network decides
  }
}

export function registerImageFiles() {
  registerRoute(
    ({ url, request }) => request.method === "GET" && url.origin === self.location.origin && FILE.test(url.pathname),
    async (options) => {
      const [, imageId, variant] = FILE.exec(options.url.pathname)!;
      const local = await fromDevice(imageId!, variant!);
      if (local) return local;
      if (variant === "original") return fetch(options.request);
      return variants.handle(options);
    },
  );
}
