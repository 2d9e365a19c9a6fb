/**
 * Local image-to-video: a virtual camera (zoom, pan or drift) moves over the source image; the frames are
 * encoded as a looping animated WebP with sharp. Not AI, and labelled so in the catalog.
 */
import sharp from "sharp";
import { LOCAL_MOTIONS, type LocalMotion } from "../../../../shared/src/catalog-video";
import { ProviderError, type ProviderImage } from "../types";

export interface AnimateOptions {
  durationSeconds: number;
  fps: number;
  motion: LocalMotion;
}

/** Longest side of the animation; larger sources are scaled down so a clip stays a few hundred KB to a few MB. */
export const ANIMATION_MAX_SIDE = 640;
const ZOOM = 0.18;

/** The source window (in source pixels) shown at time t ∈ [0, 1]. */
export function cameraWindow(motion: LocalMotion, t: number, w: number, h: number) {
  const ease = (1 - Math.cos(Math.PI * t)) / 2;
  let scale = 1;
  let cx = 0.5;
  let cy = 0.5;
  switch (motion) {
    case "zoom-in":
      scale = 1 + ZOOM * ease;
      break;
    case "zoom-out":
      scale = 1 + ZOOM * (1 - ease);
      break;
    case "pan-left":
    case "pan-right": {
      scale = 1 + ZOOM;
      const span = (1 - 1 / scale) / 2;
      cx = 0.5 + (motion === "pan-right" ? 1 : -1) * span * (2 * ease - 1);
      break;
    }
    case "drift": {
      scale = 1 + ZOOM / 2;
      const r = (1 - 1 / scale) / 2;
      cx = 0.5 + r * Math.cos(2 * Math.PI * t);
      cy = 0.5 + r * Math.sin(2 * Math.PI * t);
      break;
    }
  }
  const cw = Math.max(1, Math.round(w / scale));
  const ch = Math.max(1, Math.round(h / scale));
  const left = Math.min(w - cw, Math.max(0, Math.round(cx * w - cw / 2)));
  const top = Math.min(h - ch, Math.max(0, Math.round(cy * h - ch / 2)));
  return { left, top, width: cw, height: ch };
}

export function parseMotion(v: unknown): LocalMotion {
  return typeof v === "string" && (LOCAL_MOTIONS as readonly string[]).includes(v) ? (v as LocalMotion) : "zoom-in";
}

export async function renderAnimation(source: Buffer, opts: AnimateOptions): Promise<ProviderImage> {
  if (!(opts.durationSeconds >= 1 && opts.durationSeconds <= 10)) throw new ProviderError("validation", "duration must be 1 to 10 seconds", false);
  if (!(opts.fps >= 1 && opts.fps <= 30)) throw new ProviderError("validation", "fps must be 1 to 30", false);
  // Oversample the source so the zoomed windows stay sharp, then resize each window to the output size.
  const meta = await sharp(source).metadata();
  if (!meta.width || !meta.height) throw new ProviderError("validation", "The source image could not be read", false);
  const fit = Math.min(1, ANIMATION_MAX_SIDE / Math.max(meta.width, meta.height));
  const outW = Math.max(2, Math.round(meta.width * fit));
  const outH = Math.max(2, Math.round(meta.height * fit));
  const workW = Math.round(outW * (1 + ZOOM));
  const workH = Math.round(outH * (1 + ZOOM));
  const work = await sharp(source).autoOrient().resize(workW, workH, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const frameCount = Math.max(2, Math.round(opts.durationSeconds * opts.fps));
  const frames: Buffer[] = [];
  for (let i = 0; i < frameCount; i++) {
    const win = cameraWindow(opts.motion, i / frameCount, workW, workH);
    frames.push(
      await sharp(work, { raw: { width: workW, height: workH, channels: 3 } })
        .extract(win)
        .resize(outW, outH, { fit: "fill" })
        .ensureAlpha()
        .raw()
        .toBuffer(),
    );
  }
  const delay = Math.round(1000 / opts.fps);
  const data = await sharp(Buffer.concat(frames), { raw: { width: outW, height: outH * frameCount, channels: 4, pageHeight: outH } })
    .webp({ quality: 80, loop: 0, delay: frames.map(() => delay), effort: 2 })
    .toBuffer();
  const poster = await sharp(frames[0]!, { raw: { width: outW, height: outH, channels: 4 } }).png().toBuffer();
  return {
    data,
    contentType: "image/webp",
    width: outW,
    height: outH,
    video: { format: "webp", durationSeconds: (frameCount * delay) / 1000, frameCount, fps: opts.fps, poster },
  };
}
