/** Outpaint: a bigger canvas whose new border continues the source's edge colours into a generated sketch. */
import sharp from "sharp";
import { type PngImage, type RawImage, blurRaw, decodeRgba, encodePng, mixRaw } from "./raster";
import { type PromptParams, assertEditSize, sketchAt } from "./sketch-canvas";

export interface Extend {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

function assertExtend(extend: Extend): void {
  for (const side of ["top", "right", "bottom", "left"] as const) {
    const v = extend[side];
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`extend.${side} must be a whole number ≥ 0 (got ${v})`);
  }
  if (extend.top + extend.right + extend.bottom + extend.left === 0)
    throw new RangeError("Outpaint needs at least one side to extend");
}

/** Distance (px) from each new pixel to the original rectangle; 0 inside it. */
function distanceFn(src: RawImage, e: Extend, width: number) {
  const [x0, y0, x1, y1] = [e.left, e.top, e.left + src.width - 1, e.top + src.height - 1];
  return (p: number) => {
    const x = p % width;
    const y = (p - x) / width;
    const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
    return dx === 0 ? dy : dy === 0 ? dx : Math.sqrt(dx * dx + dy * dy);
  };
}

async function mirrored(src: RawImage, e: Extend): Promise<RawImage> {
  const { data, info } = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 4 } })
    .extend({ ...e, extendWith: "mirror" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Copies the source into the canvas at (left, top), byte for byte. */
function pasteExact(canvas: RawImage, src: RawImage, left: number, top: number): void {
  const rowBytes = src.width * 4;
  for (let y = 0; y < src.height; y++) {
    src.data.copy(canvas.data, ((top + y) * canvas.width + left) * 4, y * rowBytes, (y + 1) * rowBytes);
  }
}

export async function renderOutpaint(source: Buffer, extend: Extend, params: PromptParams): Promise<PngImage> {
  assertExtend(extend);
  const src = await decodeRgba(source);
  const [width, height] = [src.width + extend.left + extend.right, src.height + extend.top + extend.bottom];
  assertEditSize(width, height);
  const unit = Math.sqrt(width * height);
  const mirror = await mirrored(src, extend);
  // Past the seam, a mirrored copy would repeat whole objects: blur it more the further out it goes.
  const washed = await blurRaw(mirror, Math.max(3, unit * 0.04));
  const dist = distanceFn(src, extend, width);
  const nearRamp = Math.max(4, unit * 0.03);
  const edge = mixRaw(mirror, washed, (p) => Math.min(1, dist(p) / nearRamp));
  const gen = await sketchAt(params, width, height);
  const farRamp = Math.max(8, Math.max(extend.top, extend.right, extend.bottom, extend.left) * 0.9);
  const out = mixRaw(edge, gen, (p) => Math.min(0.85, (dist(p) / farRamp) * 0.85));
  pasteExact(out, src, extend.left, extend.top);
  return encodePng(out);
}
