import { findModel } from "@image-studio/shared";
import { i18n } from "@/i18n";
import { paramLabel as catalogParamLabel } from "@/i18n/labels";

/** Settings the studio draws itself (size, count, style) rather than from the model's parameter list. */
const STUDIO_LABELS = {
  aspectRatio: "params.aspectRatio",
  width: "params.width",
  height: "params.height",
  imageSize: "params.imageSize",
  numImages: "params.numImages",
  stylePreset: "params.stylePreset",
  seed: "params.seed",
  negativePrompt: "params.negativePrompt",
  loras: "params.loras",
} as const;
const studioLabel = (key: string) => (Object.hasOwn(STUDIO_LABELS, key) ? i18n.t(`gallery:${STUDIO_LABELS[key as keyof typeof STUDIO_LABELS]}`) : undefined);

/** "guidanceScale" → "Guidance scale": the last resort for a key no model describes. */
const humanize = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .replace(/^\w/, (c) => c.toUpperCase());

/** The label the studio shows for a parameter of this model. */
export function paramLabel(modelId: string, key: string): string {
  const spec = findModel(modelId)?.params.find((p) => p.key === key);
  return studioLabel(key) ?? (spec ? catalogParamLabel(i18n.t, modelId, spec) : humanize(key));
}

/** A parameter's value as the studio shows it: switches read On/Off, LoRAs by name and weight. */
export function paramValue(value: unknown): string {
  if (typeof value === "boolean") return value ? i18n.t("gallery:params.on") : i18n.t("gallery:params.off");
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v && typeof v === "object" && "path" in v
          ? `${String(v.path).split("/").pop()} × ${String((v as { scale?: unknown }).scale ?? 1)}`
          : String(v),
      )
      .join(", ");
  }
  if (value && typeof value === "object") return JSON.stringify(value);
  return String(value);
}
