/// <reference lib="webworker" />
import { registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { bestBlob } from "../offline/blobs";
import { deviceResponse } from "./device-response";

/**
 * Image files: /api/images/:id/file/:variant. The device's blob cache (Dexie, keyed `imageId:variant`, filled by
 * saved galleries and the favourites/recent cache) answers first — online too, since a variant of an image never
 * changes — falling back to a nearby variant the device has; a video's clip (its original) is answered in the
 * ranges its player asks for. Otherwise thumbnails and previews go through a
 * Cache Storage cache-first; originals go to the network.
 */

const FILE = /^\/api\/images\/([0-9a-f-]{36})\/file\/(original|thumb-256|preview-768)$/;

const variants = new CacheFirst({
  cacheName: "image-variants",
  plugins: [new ExpirationPlugin({ maxEntries: 2000, maxAgeSeconds: 60 * 60 * 24 * 90, purgeOnQuotaError: true })],
});

async function fromDevice(imageId: string, variant: string, range: string | null): Promise<Response | undefined> {
  try {
    const row = await bestBlob(imageId, variant);
    if (!row) return undefined;
    return deviceResponse(row.blob, range); // a video's clip is read in ranges
  } catch {
    return undefined; // IndexedDB unavailable (private mode, blocked): the network decides
  }
}

export function registerImageFiles() {
  registerRoute(
    ({ url, request }) => request.method === "GET" && url.origin === self.location.origin && FILE.test(url.pathname),
    async (options) => {
      const [, imageId, variant] = FILE.exec(options.url.pathname)!;
      const local = await fromDevice(imageId!, variant!, options.request.headers.get("Range"));
      if (local) return local;
      if (variant === "original") return fetch(options.request);
      return variants.handle(options);
    },
  );
}
