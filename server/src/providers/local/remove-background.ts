/**
 * Background removal without a model: the background is what touches the border and looks like the border.
 * Colours are estimated per side (medians), a flood fill from the edges takes every connected pixel close to
 * one of them, and alpha ramps over a tolerance band (then a slight blur) for a soft edge.
 */
import sharp from "sharp";
import type { Rgb } from "./color";
import { type PngImage, type RawImage, blurGrey, clampByte, decodeRgba } from "./raster";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function borderIndices(w: number, h: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < w; x++) out.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) out.push(y * w, y * w + w - 1);
  return out;
}

function sideColour(img: RawImage, pixels: number[]): Rgb {
  const ch = (k: number) => median(pixels.map((p) => img.data[p * 4 + k]!));
  return [ch(0), ch(1), ch(2)];
}

/** One reference colour per side of the frame (duplicates removed). */
function backgroundColours(img: RawImage): Rgb[] {
  const { width: w, height: h } = img;
  const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  const sides = [
    range(w, (x) => x),
    range(w, (x) => (h - 1) * w + x),
    range(h, (y) => y * w),
    range(h, (y) => y * w + w - 1),
  ].map((pixels) => sideColour(img, pixels));
  return sides.filter((c, i) => sides.findIndex((d) => d.every((v, k) => Math.abs(v - c[k]!) < 6)) === i);
}

/** Per-pixel distance (0..255) to the nearest background colour; transparent pixels count as background. */
function distances(img: RawImage, refs: Rgb[]): Uint8Array {
  const d = img.data;
  const out = new Uint8Array(img.width * img.height);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) {
    if (d[i + 3]! < 16) continue;
    let best = Infinity;
    for (const [r, g, b] of refs) {
      const dr = d[i]! - r;
      const dg = d[i + 1]! - g;
      const db = d[i + 2]! - b;
      best = Math.min(best, dr * dr + dg * dg + db * db);
    }
    out[p] = Math.min(255, Math.round(Math.sqrt(best)));
  }
  return out;
}

/** Pixels reachable from the border through pixels closer than `limit` to the background. */
function floodFromBorder(dist: Uint8Array, w: number, h: number, limit: number): Uint8Array {
  const seen = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let [head, tail] = [0, 0];
  const visit = (p: number) => {
    if (seen[p] || dist[p]! >= limit) return;
    seen[p] = 1;
    queue[tail++] = p;
  };
  for (const p of borderIndices(w, h)) visit(p);
  while (head < tail) {
    const p = queue[head++]!;
    const x = p % w;
    if (x > 0) visit(p - 1);
    if (x < w - 1) visit(p + 1);
    if (p >= w) visit(p - w);
    if (p < w * (h - 1)) visit(p + w);
  }
  return seen;
}

/** Tolerance from how noisy the border is: a clean studio backdrop gets a tight threshold. */
function tolerance(dist: Uint8Array, w: number, h: number): { inner: number; outer: number } {
  const spread = median(borderIndices(w, h).map((p) => dist[p]!));
  const inner = Math.min(90, 20 + 2.5 * spread);
  return { inner, outer: inner + 45 };
}

function softenAlpha(alpha: Uint8Array, w: number, h: number): Promise<Uint8Array> {
  return blurGrey(alpha, w, h, Math.max(0.6, Math.sqrt(w * h) / 1200));
}

function nearest(refs: Rgb[], d: Buffer, i: number): Rgb {
  let best = refs[0]!;
  let bestD = Infinity;
  for (const ref of refs) {
    const dd = (d[i]! - ref[0]) ** 2 + (d[i + 1]! - ref[1]) ** 2 + (d[i + 2]! - ref[2]) ** 2;
    if (dd < bestD) [best, bestD] = [ref, dd];
  }
  return best;
}

/** Un-mixes the background colour from semi-transparent edge pixels so no halo remains. */
function decontaminate(img: RawImage, alpha: Uint8Array, refs: Rgb[]): Buffer {
  const out = Buffer.from(img.data);
  for (let p = 0, i = 0; p < alpha.length; p++, i += 4) {
    const a = (alpha[p]! / 255) * (img.data[i + 3]! / 255);
    out[i + 3] = clampByte(a * 255);
    if (a <= 0.02 || a >= 0.98) continue;
    const bg = nearest(refs, img.data, i);
    for (let k = 0; k < 3; k++) out[i + k] = clampByte((img.data[i + k]! - bg[k]! * (1 - a)) / a);
  }
  return out;
}

export async function renderRemoveBackground(source: Buffer): Promise<PngImage> {
  const img = await decodeRgba(source);
  const { width: w, height: h } = img;
  const refs = backgroundColours(img);
  const dist = distances(img, refs);
  const { inner, outer } = tolerance(dist, w, h);
  const background = floodFromBorder(dist, w, h, outer);
  const alpha = new Uint8Array(w * h).map((_, p) =>
    background[p] ? clampByte(((dist[p]! - inner) / (outer - inner)) * 255) : 255,
  );
  const data = decontaminate(img, await softenAlpha(alpha, w, h), refs);
  const png = await sharp(data, { raw: { width: w, height: h, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { data: png, contentType: "image/png", width: w, height: h };
}
