import { thumbHashToAverageRGBA, thumbHashToDataURL } from "thumbhash";

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

/** Average colours of ThumbHashes, newest last (a fling past thousands of images asks for each once). */
const colours = new Map<string, string>();

/** The image's average colour as a CSS colour (a fast-scrolling wall's stand-in), or undefined without a hash. */
export function thumbhashColor(hash: string | null | undefined): string | undefined {
  if (!hash) return undefined;
  const hit = colours.get(hash);
  if (hit) return hit;
  try {
    const { r, g, b, a } = thumbHashToAverageRGBA(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    const colour = `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)} / ${a.toFixed(2)})`;
    colours.set(hash, colour);
    if (colours.size > MAX) colours.delete(colours.keys().next().value!);
    return colour;
  } catch {
    return undefined;
  }
}
