/**
 * Control maps from a control image, computed with sharp: an edge map (Sobel gradient, non-maximum thinning and
 * hysteresis — the steps of Canny) and a heuristic depth map. The depth map is not a learned depth estimate: it
 * combines position in the frame (lower is nearer, as in most photographs) with smoothed brightness and local
 * detail. Both are white-on-black greyscale PNGs as ControlNets expect (white = edge, white = near).
 */
import sharp from "sharp";

export type MapKind = "canny" | "depth";

export interface GreyMap {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Greyscale pixels of an image fitted inside `maxSide` (or resized to exactly width×height). */
async function grey(input: Buffer, size: { maxSide: number } | { width: number; height: number }, blur: number): Promise<GreyMap> {
  let pipeline = sharp(input, { limitInputPixels: 100_000_000 }).autoOrient().flatten({ background: "#ffffff" });
  pipeline =
    "maxSide" in size
      ? pipeline.resize(size.maxSide, size.maxSide, { fit: "inside", withoutEnlargement: false })
      : pipeline.resize(size.width, size.height, { fit: "cover" });
  if (blur > 0) pipeline = pipeline.blur(blur);
  const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), width: info.width, height: info.height };
}

function sobel(g: GreyMap): { mag: Float32Array; dir: Uint8Array } {
  const { data, width: w, height: h } = g;
  const mag = new Float32Array(w * h);
  const dir = new Uint8Array(w * h);
  const at = (x: number, y: number) => data[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const gx = at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy = at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      mag[y * w + x] = Math.hypot(gx, gy);
      // 0: horizontal gradient, 1: 45°, 2: vertical, 3: 135°
      const a = ((Math.atan2(gy, gx) * 180) / Math.PI + 180) % 180;
      dir[y * w + x] = a < 22.5 || a >= 157.5 ? 0 : a < 67.5 ? 1 : a < 112.5 ? 2 : 3;
    }
  }
  return { mag, dir };
}

const NEIGHBOURS = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
] as const;

/** Canny-style edges: thin the gradient to its ridges, keep strong ones and the weak ones connected to them. */
export function edgeMap(g: GreyMap): GreyMap {
  const { width: w, height: h } = g;
  const { mag, dir } = sobel(g);
  const thin = new Float32Array(w * h);
  let max = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const [dx, dy] = NEIGHBOURS[dir[i]!]!;
      const m = mag[i]!;
      if (m >= mag[i + dy * w + dx]! && m >= mag[i - dy * w - dx]!) {
        thin[i] = m;
        if (m > max) max = m;
      }
    }
  }
  const out = new Uint8Array(w * h);
  if (max === 0) return { data: out, width: w, height: h };
  const high = max * 0.25;
  const low = max * 0.1;
  const stack: number[] = [];
  for (let i = 0; i < thin.length; i++) {
    if (thin[i]! < high) continue;
    out[i] = 255;
    stack.push(i);
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    for (let oy = -1; oy <= 1; oy++) {
      for (let ox = -1; ox <= 1; ox++) {
        const j = i + oy * w + ox;
        const nx = x + ox;
        if (nx < 0 || nx >= w || j < 0 || j >= out.length || out[j]) continue;
        if (thin[j]! < low) continue;
        out[j] = 255;
        stack.push(j);
      }
    }
  }
  return { data: out, width: w, height: h };
}

/** Heuristic depth (white = near): lower in the frame, brighter after smoothing, and busier detail read as nearer. */
export async function depthMap(g: GreyMap): Promise<GreyMap> {
  const { width: w, height: h } = g;
  const { mag } = sobel(g);
  let maxMag = 1;
  for (const m of mag) if (m > maxMag) maxMag = m;
  const raw = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = 0.55 * (y / Math.max(1, h - 1)) + 0.3 * (g.data[i]! / 255) + 0.15 * Math.min(1, (mag[i]! / maxMag) * 4);
      raw[i] = Math.round(Math.min(1, v) * 255);
    }
  }
  const sigma = Math.max(1, Math.sqrt(w * h) / 60);
  const smooth = await sharp(Buffer.from(raw), { raw: { width: w, height: h, channels: 1 } }).blur(sigma).normalise().extractChannel(0).raw().toBuffer();
  return { data: new Uint8Array(smooth), width: w, height: h };
}

/** The control map of an image, fitted inside `maxSide` or sized to the canvas. */
export async function controlMap(
  kind: MapKind,
  image: Buffer,
  size: { maxSide: number } | { width: number; height: number },
): Promise<GreyMap> {
  const g = await grey(image, size, kind === "canny" ? 1.2 : 0);
  return kind === "canny" ? edgeMap(g) : depthMap(g);
}

export async function greyPng(map: GreyMap): Promise<Buffer> {
  return sharp(Buffer.from(map.data), { raw: { width: map.width, height: map.height, channels: 1 } }).toColourspace("b-w").png().toBuffer();
}

/** The control map as PNG bytes (what the preview shows and what fal receives for server-preprocessed types). */
export async function controlMapPng(kind: MapKind, image: Buffer, maxSide: number): Promise<Buffer> {
  return greyPng(await controlMap(kind, image, { maxSide }));
}
