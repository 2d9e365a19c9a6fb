/// <reference lib="webworker" />
import { IMAGE_VARIANTS } from "@image-studio/shared";
import { registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import type { WorkboxPlugin } from "workbox-core/types";
import { bestBlob } from "../offline/blobs";
import { deviceResponse } from "./device-response";

/**
 * Image files: /api/images/:id/file/:variant. The device's blob cache (Dexie, keyed `imageId:variant`, filled by
 * saved galleries and the favourites/recent cache) answers first — online too, since a variant of an image never
 * changes — falling back to a nearby variant the device has; a video's clip (its original) is answered in the
 * ranges its player asks for. Otherwise thumbnails and previews go through a
 * Cache Storage cache-first; originals go to the network.
 *
 * Where the static routing API exists, a page's thumbnails and previews shown online never reach this route
 * (static-routes.ts): it answers the rest — those shown offline or retried after a failed direct load, `fetch()`es
 * (offline copies being saved), originals and videos. Its network leg goes through the browser's HTTP cache, so
 * offline it still finds a variant the page was shown online.
 */

const FILE = new RegExp(`^/api/images/([0-9a-f-]{36})/file/(${IMAGE_VARIANTS.join("|")})$`);

/**
 * With S3 the API answers a file request with a redirect to a short-lived signed URL on the bucket (or its CDN).
 * An <img>'s request is no-cors, which would end in an opaque response: unreadable, padded in the quota and never
 * cached. So the network leg goes in cors mode (the bucket allows it), the response is cached under the API URL —
 * `/api/images/:id/file/:variant`, never the signed URL, which expires — and a bucket without CORS falls back to the
 * browser's own request (shown, not cached). Same-origin files (local disk) are unaffected.
 */
export const followSignedRedirects: WorkboxPlugin = {
  requestWillFetch: async ({ request }) =>
    request.mode === "no-cors" ? new Request(request.url, { credentials: "same-origin", mode: "cors", headers: request.headers }) : request,
  handlerDidError: async ({ request }) => {
    try {
      return await fetch(request); // the page's own (no-cors) request: an opaque picture, shown but not cached
    } catch {
      return undefined;
    }
  },
};

const variants = new CacheFirst({
  cacheName: "image-variants",
  plugins: [followSignedRedirects, new ExpirationPlugin({ maxEntries: 2000, maxAgeSeconds: 60 * 60 * 24 * 90, purgeOnQuotaError: true })],
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
