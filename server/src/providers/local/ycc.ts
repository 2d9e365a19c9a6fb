/**
 * Per-pixel work in YCbCr (BT.601, full range): luminance and colour can be blended separately, and colour
 * statistics transferred channel by channel (Reinhard-style mean/std transfer).
 */
import { type RawImage, clampByte } from "./raster";

export interface ColourStats {
  mean: [number, number, number];
  std: [number, number, number];
}

const Y = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
const CB = (r: number, g: number, b: number) => 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
const CR = (r: number, g: number, b: number) => 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;

function writeRgb(out: Buffer, i: number, y: number, cb: number, cr: number): void {
  out[i] = clampByte(y + 1.402 * (cr - 128));
  out[i + 1] = clampByte(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  out[i + 2] = clampByte(y + 1.772 * (cb - 128));
}

/** Mean and standard deviation of Y, Cb, Cr over the mostly-opaque pixels. */
export function colourStats(img: RawImage): ColourStats {
  const d = img.data;
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]! < 128) continue;
    const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
    const v = [Y(r, g, b), CB(r, g, b), CR(r, g, b)];
    for (let k = 0; k < 3; k++) {
      sum[k]! += v[k]!;
      sq[k]! += v[k]! * v[k]!;
    }
    n++;
  }
  if (n === 0) return { mean: [128, 128, 128], std: [1, 1, 1] };
  const mean = sum.map((s) => s / n) as ColourStats["mean"];
  const std = sq.map((s, k) => Math.sqrt(Math.max(0, s / n - mean[k]! ** 2))) as ColourStats["std"];
  return { mean, std };
}

/** Moves the image's colour statistics from `from` to `to`; `amount` 0 = unchanged, 1 = full transfer. */
export function transferColour(img: RawImage, from: ColourStats, to: ColourStats, amount: number): RawImage {
  const d = img.data;
  const out = Buffer.from(d);
  // Floors keep flat images (std ≈ 0) from exploding; luminance contrast is changed more gently than colour.
  const gain = [0, 1, 2].map((k) => Math.min(k === 0 ? 2.5 : 4, to.std[k]! / Math.max(from.std[k]!, k === 0 ? 8 : 4)));
  const tf = (v: number, k: number) => (v - from.mean[k]!) * gain[k]! + to.mean[k]!;
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
    const [y, cb, cr] = [Y(r, g, b), CB(r, g, b), CR(r, g, b)];
    writeRgb(out, i, y + (tf(y, 0) - y) * amount, cb + (tf(cb, 1) - cb) * amount, cr + (tf(cr, 2) - cr) * amount);
  }
  return { data: out, width: img.width, height: img.height };
}

/**
 * Blends b over a with separate weights for luminance (structure) and chroma (colour), and for alpha.
 * wY = wC = 0 returns a's pixels unchanged.
 */
export function mixYcc(a: RawImage, b: RawImage, wY: number, wC: number, wA = wY): RawImage {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError("mixYcc: size mismatch");
  if (wY <= 0 && wC <= 0 && wA <= 0) return a;
  const [x, z] = [a.data, b.data];
  const out = Buffer.alloc(x.length);
  for (let i = 0; i < x.length; i += 4) {
    const [r1, g1, b1, r2, g2, b2] = [x[i]!, x[i + 1]!, x[i + 2]!, z[i]!, z[i + 1]!, z[i + 2]!];
    const y = Y(r1, g1, b1) + (Y(r2, g2, b2) - Y(r1, g1, b1)) * wY;
    const cb = CB(r1, g1, b1) + (CB(r2, g2, b2) - CB(r1, g1, b1)) * wC;
    const cr = CR(r1, g1, b1) + (CR(r2, g2, b2) - CR(r1, g1, b1)) * wC;
    writeRgb(out, i, y, cb, cr);
    out[i + 3] = clampByte(x[i + 3]! + (z[i + 3]! - x[i + 3]!) * wA);
  }
  return { data: out, width: a.width, height: a.height };
}
