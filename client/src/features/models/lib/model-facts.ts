import type { CatalogModel, ModelStatusValue, Operation } from "@image-studio/shared";

/** What the comparison matrix and the model page say about a catalog entry (from its spec only). */

export const OPERATION_LABELS: Record<Operation, string> = {
  "text-to-image": "Text to image",
  "image-to-image": "Image to image",
  inpaint: "Inpaint",
  outpaint: "Outpaint",
  variation: "Variations",
  upscale: "Upscale",
  "remove-background": "Remove background",
  "style-transfer": "Style transfer",
  "image-to-video": "Image to video",
};

const IMAGE_INPUT: Operation[] = ["image-to-image", "inpaint", "outpaint", "variation", "upscale", "remove-background", "style-transfer", "image-to-video"];

export const takesImageInput = (m: CatalogModel) => m.operations.some((o) => IMAGE_INPUT.includes(o));
export const supportsLora = (m: CatalogModel) => m.params.some((p) => p.type === "loras");

export function maxSize(m: CatalogModel): string {
  if (m.sizeMode === "none") return "Follows the input";
  if (m.sizeMode === "aspect_ratio") return "By aspect ratio";
  const max = m.sizeLimits?.max ?? 2048;
  return `${max} × ${max}`;
}

/** "Free", "35 credits / image (≈ $0.035)", "25 credits / MP"… */
export function costLabel(m: CatalogModel): string {
  const p = m.pricing;
  if (p.credits === 0) return "Free";
  const unit = p.unit === "megapixel" ? "MP" : p.unit === "second" ? "second" : "image";
  return `${p.credits} credit${p.credits === 1 ? "" : "s"} / ${unit}`;
}
export const costDollars = (m: CatalogModel) => (m.pricing.credits === 0 ? null : `≈ $${(m.pricing.credits / 1000).toFixed(3)}${m.pricing.priceConfirmed ? "" : " (estimate)"}`);

export const STATUS_LABEL: Record<ModelStatusValue, string> = {
  available: "Available",
  degraded: "Degraded",
  disabled: "Disabled",
  unavailable: "Unavailable",
};
export const STATUS_VARIANT: Record<ModelStatusValue, "success" | "warning" | "secondary" | "destructive"> = {
  available: "success",
  degraded: "warning",
  disabled: "secondary",
  unavailable: "secondary",
};

export const modelPath = (id: string) => `/models/${id}`;
