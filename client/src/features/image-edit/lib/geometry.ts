import { CROP_PRESETS, type CropRect, type EditRotation, rotatedSize } from "@image-studio/shared";

/** The editor's state: what the sliders and buttons hold (crop as a preset + size + position). */
export interface EditState {
  rotate: EditRotation;
  flipH: boolean;
  flipV: boolean;
  /** "none" or one of CROP_PRESETS' ids. */
  preset: "none" | (typeof CROP_PRESETS)[number]["id"];
  /** Crop size in % of the largest crop of the preset's shape (free: width and height in % of the picture). */
  size: number;
  freeWidth: number;
  freeHeight: number;
  /** Where the crop sits in the room left around it, 0–100 (50 = centred). */
  posX: number;
  posY: number;
  brightness: number;
  contrast: number;
  saturation: number;
}

export const INITIAL_EDIT: EditState = { rotate: 0, flipH: false, flipV: false, preset: "none", size: 100, freeWidth: 80, freeHeight: 80, posX: 50, posY: 50, brightness: 0, contrast: 0, saturation: 0 };

export const turn = (r: EditRotation, by: 90 | -90): EditRotation => (((r + by + 360) % 360) as EditRotation);

/** The crop as fractions of the rotated picture (`w`×`h` before rotation), or null for no crop. */
export function cropOf(s: EditState, w: number, h: number): CropRect | null {
  if (s.preset === "none") return null;
  const { width: W, height: H } = rotatedSize(w, h, s.rotate);
  let fw: number;
  let fh: number;
  if (s.preset === "free") {
    fw = s.freeWidth / 100;
    fh = s.freeHeight / 100;
  } else {
    const preset = CROP_PRESETS.find((p) => p.id === s.preset)!;
    const ratio = preset.ratio === "original" || preset.ratio === null ? W / H : preset.ratio;
    const [cw, ch] = W / H > ratio ? [H * ratio, H] : [W, W / ratio];
    fw = (cw / W) * (s.size / 100);
    fh = (ch / H) * (s.size / 100);
  }
  fw = Math.min(1, Math.max(0.01, fw));
  fh = Math.min(1, Math.max(0.01, fh));
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { x: round((1 - fw) * (s.posX / 100)), y: round((1 - fh) * (s.posY / 100)), width: round(fw), height: round(fh) };
}

/** The size in pixels the saved image will have. */
export function outputSize(s: EditState, w: number, h: number) {
  const { width: W, height: H } = rotatedSize(w, h, s.rotate);
  const c = cropOf(s, w, h);
  return c ? { width: Math.max(1, Math.round(c.width * W)), height: Math.max(1, Math.round(c.height * H)) } : { width: W, height: H };
}

export const isUnchanged = (s: EditState) =>
  s.rotate === 0 && !s.flipH && !s.flipV && s.preset === "none" && s.brightness === 0 && s.contrast === 0 && s.saturation === 0;
