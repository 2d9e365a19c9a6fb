/**
 * Image editing (issue #18): crop, rotate, flip and adjust, applied on the server with sharp and saved as a new
 * image in the lineage (operation "edit"). Free: no credits are charged.
 *
 * Order, as the editor previews it: rotate (clockwise), then flip (of what is shown), then crop (fractions of the
 * rotated and flipped picture), then brightness, contrast and saturation — the same formulas as CSS filters
 * `brightness() contrast() saturate()` with factors 1 + value/100.
 */
import { z } from "zod";
import { vm } from "./validation-messages";

export const EDIT_OPERATION = "edit";
export const EDIT_ROTATIONS = [0, 90, 180, 270] as const;
export type EditRotation = (typeof EDIT_ROTATIONS)[number];
/** The smallest crop, in pixels per side. */
export const EDIT_MIN_SIDE = 16;

export const CROP_PRESETS = [
  { id: "free", label: "Free", ratio: null },
  { id: "original", label: "Original", ratio: "original" },
  { id: "1:1", label: "Square 1:1", ratio: 1 },
  { id: "4:3", label: "4:3", ratio: 4 / 3 },
  { id: "3:2", label: "3:2", ratio: 3 / 2 },
  { id: "16:9", label: "16:9", ratio: 16 / 9 },
  { id: "3:4", label: "3:4", ratio: 3 / 4 },
  { id: "9:16", label: "9:16", ratio: 9 / 16 },
] as const;

const fraction = z.number().min(0).max(1);
const adjust = z.number().int(vm("common.wholeNumbers")).min(-100).max(100).default(0);

export const cropSchema = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .strict()
  .refine((c) => c.x + c.width <= 1.000001 && c.y + c.height <= 1.000001, vm("generation.cropInside"));
export type CropRect = z.infer<typeof cropSchema>;

export const imageEditRequestSchema = z
  .object({
    /** Client-minted id of the new image: a retry answers with the same image. */
    clientId: z.uuid().optional(),
    rotate: z.union(EDIT_ROTATIONS.map((r) => z.literal(r)) as [z.ZodLiteral<0>, z.ZodLiteral<90>, z.ZodLiteral<180>, z.ZodLiteral<270>]).default(0),
    flipH: z.boolean().default(false),
    flipV: z.boolean().default(false),
    crop: cropSchema.nullable().optional(),
    brightness: adjust,
    contrast: adjust,
    saturation: adjust,
  })
  .strict();
export type ImageEditRequest = z.input<typeof imageEditRequestSchema>;
export type ImageEdit = z.output<typeof imageEditRequestSchema>;

/** Whether an edit changes anything at all. */
export function isNoopEdit(e: ImageEdit): boolean {
  const c = e.crop;
  const fullCrop = !c || (c.x <= 0 && c.y <= 0 && c.width >= 1 && c.height >= 1);
  return e.rotate === 0 && !e.flipH && !e.flipV && fullCrop && e.brightness === 0 && e.contrast === 0 && e.saturation === 0;
}

/** The size of the rotated picture. */
export const rotatedSize = (w: number, h: number, rotate: number) => (rotate % 180 === 0 ? { width: w, height: h } : { width: h, height: w });

/** A crop in pixels of a picture `w`×`h` (rounded, inside the picture). */
export function cropPixels(crop: CropRect, w: number, h: number) {
  const left = Math.min(w - 1, Math.max(0, Math.round(crop.x * w)));
  const top = Math.min(h - 1, Math.max(0, Math.round(crop.y * h)));
  const width = Math.max(1, Math.min(w - left, Math.round(crop.width * w)));
  const height = Math.max(1, Math.min(h - top, Math.round(crop.height * h)));
  return { left, top, width, height };
}

/** The CSS filter that previews the adjustments exactly as the server applies them. */
export const cssFilterOf = (e: Pick<ImageEdit, "brightness" | "contrast" | "saturation">) =>
  `brightness(${1 + e.brightness / 100}) contrast(${1 + e.contrast / 100}) saturate(${1 + e.saturation / 100})`;
