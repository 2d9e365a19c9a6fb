import type { CatalogModel, ModelStatusValue, Operation } from "@image-studio/shared";
import type { TFunction } from "i18next";
import { formatNumber } from "@/i18n";

type T = TFunction<"models">;

/** What the comparison matrix and the model page say about a catalog entry (from its spec only). */

/** Catalog keys of the operations' names (translate with the "models" namespace). */
export const OPERATION_LABELS = {
  "text-to-image": "operations.textToImage",
  "image-to-image": "operations.imageToImage",
  inpaint: "operations.inpaint",
  outpaint: "operations.outpaint",
  variation: "operations.variation",
  upscale: "operations.upscale",
  "remove-background": "operations.removeBackground",
  "style-transfer": "operations.styleTransfer",
  "image-to-video": "operations.imageToVideo",
} as const satisfies Record<Operation, string>;

const IMAGE_INPUT: Operation[] = ["image-to-image", "inpaint", "outpaint", "variation", "upscale", "remove-background", "style-transfer", "image-to-video"];

export const takesImageInput = (m: CatalogModel) => m.operations.some((o) => IMAGE_INPUT.includes(o));
export const supportsLora = (m: CatalogModel) => m.params.some((p) => p.type === "loras");

export function maxSize(m: CatalogModel, t: T): string {
  if (m.sizeMode === "none") return t("size.followsInput");
  if (m.sizeMode === "aspect_ratio") return t("size.byAspectRatio");
  const max = m.sizeLimits?.max ?? 2048;
  return t("size.dimensions", { max });
}

/** "Free", "35 credits / image (≈ $0.035)", "25 credits / MP"… */
export function costLabel(m: CatalogModel, t: T): string {
  const p = m.pricing;
  if (p.credits === 0) return t("cost.free");
  const count = p.credits;
  return p.unit === "megapixel" ? t("cost.perMegapixel", { count }) : p.unit === "second" ? t("cost.perSecond", { count }) : t("cost.perImage", { count });
}
export function costDollars(m: CatalogModel, t: T): string | null {
  if (m.pricing.credits === 0) return null;
  const price = formatNumber(m.pricing.credits / 1000, { style: "currency", currency: "USD", minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return m.pricing.priceConfirmed ? t("cost.dollars", { price }) : t("cost.dollarsEstimate", { price });
}

/** Catalog keys of the statuses' names. */
export const STATUS_LABEL = {
  available: "status.available",
  degraded: "status.degraded",
  disabled: "status.disabled",
  unavailable: "status.unavailable",
} as const satisfies Record<ModelStatusValue, string>;
export const STATUS_VARIANT: Record<ModelStatusValue, "success" | "warning" | "secondary" | "destructive"> = {
  available: "success",
  degraded: "warning",
  disabled: "secondary",
  unavailable: "secondary",
};

export const modelPath = (id: string) => `/models/${id}`;
