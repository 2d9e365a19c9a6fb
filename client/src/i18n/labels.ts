/**
 * The shared label tables (the `labels` catalog, shared/src/locales) and the shortcut descriptions in the app's
 * language, by a row's id. English comes from the same text as the shared table's, which is also the fallback for
 * a row the catalog lacks.
 */
import type { AspectRatio, CatalogModel, ControlType, ModifierCategory, ParamSpec, PromptModifier } from "@image-studio/shared";
import { CONTROL_TYPE_LABELS, MODIFIER_CATEGORIES } from "@image-studio/shared";
import type { TFunction } from "i18next";
import type { ShortcutDef } from "@/lib/shortcuts";

/** Any screen's `t`: its own namespace does not matter here, every key below names its namespace. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- i18next brands t with its namespace
type AnyT = TFunction<any>;

// The catalog's keys are typed from English; rows whose id is only `string` are looked up with their English label
// as the default, so one key type stands for all of them.
type AnyLabelKey = "labels:aspectRatios.1x1";

export const aspectRatioLabel = (t: AnyT, ratio: Pick<AspectRatio, "id" | "label">): string =>
  t(`labels:aspectRatios.${ratio.id.replace(":", "x")}` as AnyLabelKey, { defaultValue: ratio.label });

export const controlTypeLabel = (t: AnyT, type: ControlType): string => t(`labels:controlTypes.${type}.label`, { defaultValue: CONTROL_TYPE_LABELS[type].label });

export const controlTypeDescription = (t: AnyT, type: ControlType): string =>
  t(`labels:controlTypes.${type}.description`, { defaultValue: CONTROL_TYPE_LABELS[type].description });

export const modifierCategoryLabel = (t: AnyT, id: ModifierCategory): string =>
  t(`labels:modifierCategories.${id}`, { defaultValue: MODIFIER_CATEGORIES.find((c) => c.id === id)?.label ?? id });

/** A prompt modifier's label (its id is `category:slug`). */
export function modifierLabel(t: AnyT, modifier: PromptModifier): string {
  const [category, slug] = modifier.id.split(":");
  return t(`labels:modifiers.${category}.${slug}` as AnyLabelKey, { defaultValue: modifier.label });
}

/** Model ids hold dots (`v1.1`), i18next's key separator; the catalog's keys have "_" there. */
const modelKey = (id: string) => id.replaceAll(".", "_");

/** A catalog model's description (from the API's model list or the shared catalog), by model id. */
export const modelDescription = (t: AnyT, model: Pick<CatalogModel, "id" | "description">): string =>
  t(`labels:models.${modelKey(model.id)}` as AnyLabelKey, { defaultValue: model.description });

// A parameter's text is the model's own where it differs (`modelParams`), otherwise the shared one by key.
const paramText = (t: AnyT, modelId: string | undefined, spec: ParamSpec, field: "label" | "description"): string => {
  const keys: string[] = [`labels:params.${spec.key}.${field}`];
  if (modelId) keys.unshift(`labels:modelParams.${modelKey(modelId)}.${spec.key}.${field}`);
  return t(keys as AnyLabelKey[], { defaultValue: spec[field] });
};

/** A model parameter's label; `modelId` picks the model's own wording where it has one. */
export const paramLabel = (t: AnyT, modelId: string | undefined, spec: ParamSpec): string => paramText(t, modelId, spec, "label");

export const paramDescription = (t: AnyT, modelId: string | undefined, spec: ParamSpec): string =>
  paramText(t, modelId, spec, "description");

/** Table text's key: its English, lower case, runs of anything but letters and digits as "-" (`community-loras`). */
export const textKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** One of a model's "best for" uses (the same use reads the same for every model). */
export const bestForLabel = (t: AnyT, use: string): string => t(`labels:bestFor.${textKey(use)}` as AnyLabelKey, { defaultValue: use });

/** A model's recommended tip, if it has one. */
export const modelTip = (t: AnyT, model: Pick<CatalogModel, "id" | "recommended">): string | undefined =>
  model.recommended.tip && t(`labels:modelTips.${modelKey(model.id)}` as AnyLabelKey, { defaultValue: model.recommended.tip });

/** A model's licence note, if it has one. */
export const modelLicense = (t: AnyT, model: Pick<CatalogModel, "id" | "license">): string | undefined =>
  model.license && t(`labels:modelLicenses.${modelKey(model.id)}` as AnyLabelKey, { defaultValue: model.license });

// Technical values read the same in every language: shown as they are (output formats in capitals).
const VERBATIM_OPTIONS = new Set(["sampler", "safetyTolerance", "operatingResolution"]);
const capitalised = (v: string) => v.replace(/[-_]/g, " ").replace(/^\w/, (c) => c.toUpperCase());

/** The name of an enum parameter's option in a select (`paramOptions.<param>.<option>`). */
export function paramOptionLabel(t: AnyT, spec: Pick<ParamSpec, "key">, option: string | number): string {
  const value = String(option);
  if (VERBATIM_OPTIONS.has(spec.key)) return value;
  if (spec.key === "outputFormat") return value.toUpperCase();
  return t(`labels:paramOptions.${spec.key}.${textKey(value)}` as AnyLabelKey, { defaultValue: capitalised(value) });
}

export const shortcutGroupLabel = (t: AnyT, group: ShortcutDef["group"]): string => t(`shortcuts:groups.${group}`, { defaultValue: group });

/** A shortcut's description; ids are dotted paths (`go.dashboard`), so the key is too. */
export const shortcutDescription = (t: AnyT, shortcut: Pick<ShortcutDef, "id" | "description">): string =>
  t(`shortcuts:descriptions.${shortcut.id}` as "shortcuts:descriptions.help", { defaultValue: shortcut.description });
