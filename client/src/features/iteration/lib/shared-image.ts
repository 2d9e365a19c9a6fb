import { SHARE_TARGET_CACHE, SHARE_TARGET_KEY } from "@/lib/share-target";

export interface SharedImage {
  file: Blob;
  name: string;
  text?: string;
}

/** The picture most recently shared to the installed app, removed as it is taken (a reload does not re-use it). */
export async function takeSharedImage(): Promise<SharedImage | null> {
  if (typeof caches === "undefined") return null;
  const cache = await caches.open(SHARE_TARGET_CACHE);
  const res = await cache.match(SHARE_TARGET_KEY);
  if (!res) return null;
  const file = await res.blob();
  await cache.delete(SHARE_TARGET_KEY);
  const name = decodeURIComponent(res.headers.get("x-file-name") ?? "shared.png");
  const text = decodeURIComponent(res.headers.get("x-shared-text") ?? "") || undefined;
  return { file, name, ...(text ? { text } : {}) };
}
