import { thumbHashToDataURL } from "thumbhash";

/** Decoded ThumbHash placeholders, newest last; a few hundred cover any screenful of tiles. */
const cache = new Map<string, string>();
const MAX = 600;

/** A tiny blurred PNG data URL for a base64 ThumbHash (or undefined when there is none or it is corrupt). */
export function thumbhashDataUrl(hash: string | null | undefined): string | undefined {
  if (!hash) return undefined;
  const hit = cache.get(hash);
  if (hit) return hit;
  try {
    const bytes = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
    const url = thumbHashToDataURL(bytes);
    cache.set(hash, url);
    if (cache.size > MAX) cache.delete(cache.keys().next().value!);
    return url;
  } catch {
    return undefined;
  }
}
