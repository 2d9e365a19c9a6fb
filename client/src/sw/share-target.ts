/// <reference lib="webworker" />
import { SHARE_TARGET_CACHE, SHARE_TARGET_KEY, SHARE_TARGET_PATH, SHARE_TARGET_REDIRECT } from "../lib/share-target";

declare const self: ServiceWorkerGlobalScope;

/**
 * Receives a picture shared to the installed app (manifest `share_target`, multipart POST) and hands it to the
 * image-to-image page through Cache Storage. Nothing leaves the device until the user presses Generate there.
 */
export function registerShareTarget() {
  self.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== "POST" || url.origin !== self.location.origin || url.pathname !== SHARE_TARGET_PATH) return;
    event.respondWith(receive(event.request));
  });
}

async function receive(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const file = form.getAll("image").find((f): f is File => typeof f !== "string");
    const text = [form.get("title"), form.get("text"), form.get("url")].filter((v): v is string => typeof v === "string" && v.length > 0).join(" ");
    if (!file) return Response.redirect(`${SHARE_TARGET_REDIRECT}&error=no-image`, 303);
    const cache = await caches.open(SHARE_TARGET_CACHE);
    await cache.put(
      SHARE_TARGET_KEY,
      new Response(file, {
        headers: { "content-type": file.type || "application/octet-stream", "x-file-name": encodeURIComponent(file.name || "shared.png"), "x-shared-text": encodeURIComponent(text) },
      }),
    );
    return Response.redirect(SHARE_TARGET_REDIRECT, 303);
  } catch {
    return Response.redirect(`${SHARE_TARGET_REDIRECT}&error=unreadable`, 303);
  }
}
