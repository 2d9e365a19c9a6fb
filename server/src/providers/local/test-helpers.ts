/** Helpers for the local engine's tests (not exported from index.ts). */
import sharp from "sharp";

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

export async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute difference over RGB, 0..255. */
export function meanDiff(a: Pixels, b: Pixels): number {
  if (a.data.length !== b.data.length) throw new Error("meanDiff: size mismatch");
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let k = 0; k < 3; k++) sum += Math.abs(a.data[i + k]! - b.data[i + k]!);
  }
  return sum / ((a.data.length / 4) * 3);
}

export function pixelAt(img: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, img.data[i + 3]!];
}

export function meanRgb(img: Pixels): [number, number, number] {
  const sum = [0, 0, 0];
  for (let i = 0; i < img.data.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += img.data[i + k]!;
  const n = img.data.length / 4;
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

/** A solid PNG, optionally with SVG drawn on top (test fixtures only). */
export async function solidPng(
  width: number,
  height: number,
  background: string,
  svgOverlay?: string,
): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background } });
  const overlay = svgOverlay
    ? [
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${svgOverlay}</svg>`,
          ),
        },
      ]
    : [];
  return base.composite(overlay).png().toBuffer();
}
