/**
 * The studio form: its values, how they follow a model switch, and how they become a text-to-image request
 * (and back, for history, presets and "use these settings" links). Pure; validated with the shared contracts.
 */
import {
  ASPECT_RATIOS,
  conditioningFor,
  type ControlType,
  type AspectRatio,
  type CatalogModel,
  findAspectRatio,
  type GenerationParameters,
  LIMITS,
  type ParamSpec,
  type ParamValue,
  paramsFor,
  textToImageRequestSchema,
  validateGenerationParams,
} from "@image-studio/shared";
import { z } from "zod";
import { i18n } from "@/i18n";

export const CUSTOM_RATIO = "custom";

/** Named sizes (their labels: studio.json size.scales.<id>). */
export const SIZE_SCALES = [
  { id: "large", scale: 1 },
  { id: "medium", scale: 0.75 },
  { id: "small", scale: 0.5 },
] as const;
export type SizeScaleId = (typeof SIZE_SCALES)[number]["id"];

export interface StudioValues {
  modelId: string;
  prompt: string;
  negativePrompt: string;
  /** An aspect ratio id, or "custom" for explicit width × height. */
  aspectRatio: string;
  sizeScale: SizeScaleId;
  width: number;
  height: number;
  numImages: number;
  seed: number | null;
  /** Locked: every run uses `seed`. Unlocked: the server picks a new seed each run. */
  seedLocked: boolean;
  stylePreset: string;
  /** The model's own parameters (steps, guidanceScale, sampler, loras, …), keyed by ParamSpec.key. */
  params: Record<string, ParamValue>;
  /** Slot for the project picker (projects issue); sent as projectId. */
  projectId: string | null;
  /** The library prompt this came from ("Use in studio"); sent as promptId so the library counts the use. */
  promptId?: string | null;
  /** ControlNet: the control image (one of the user's images or an upload) and how strongly it steers. */
  controlNet?: ConditioningImage & { type: ControlType; strength: number } | null;
  /** Image prompts (IP-adapter): reference images with weights. */
  imagePrompts?: (ConditioningImage & { weight: number })[];
}

/** An image the studio conditions on: exactly one of imageId / uploadId, and a name to show. */
export interface ConditioningImage {
  imageId?: string;
  uploadId?: string;
  name: string;
}

const refOf = (c: ConditioningImage) => (c.imageId ? { imageId: c.imageId } : { uploadId: c.uploadId! });

export interface StudioRequest {
  modelId: string;
  prompt: string;
  negativePrompt: string;
  parameters: GenerationParameters;
  projectId?: string | null;
  promptId?: string;
  controlNet?: { type: ControlType; strength: number; imageId?: string; uploadId?: string };
  imagePrompts?: { weight: number; imageId?: string; uploadId?: string }[];
}

const DEFAULT_LIMITS = { min: 64, max: 2048, multipleOf: 8 };
/** Keys that have their own control rather than a generic parameter field. */
const OWN_CONTROL = new Set(["stylePreset"]);
/** Shown in the always-open "Parameters" section when the model has them; the rest go to "Advanced". */
export const MAIN_PARAM_KEYS = ["steps", "guidanceScale", "sampler"];

export const isT2I = (m: CatalogModel) => m.operations.includes("text-to-image");

/** Parameter specs the generic fields draw for text-to-image (style preset excluded). */
export function modelSpecs(model: CatalogModel): ParamSpec[] {
  return paramsFor(model, "text-to-image").filter((s) => !OWN_CONTROL.has(s.key));
}

export const hasStylePresets = (model: CatalogModel) => paramsFor(model, "text-to-image").some((s) => s.key === "stylePreset");

export function allowedRatios(model: CatalogModel): AspectRatio[] {
  if (model.sizeMode === "none") return ASPECT_RATIOS.filter((r) => r.id === "1:1");
  const allowed: readonly string[] = model.aspectRatios ?? ASPECT_RATIOS.map((r) => r.id);
  return ASPECT_RATIOS.filter((r) => allowed.includes(r.id));
}

export const canChooseSize = (model: CatalogModel) => model.sizeMode === "image_size";

function limitsOf(model: CatalogModel) {
  return model.sizeLimits ?? DEFAULT_LIMITS;
}

/** Pixel size of a ratio at a scale: multiples of 16 where the model allows it, within its limits. */
export function sizeFor(model: CatalogModel, ratioId: string, scale: number): { width: number; height: number } {
  const r = findAspectRatio(ratioId) ?? ASPECT_RATIOS[0];
  const { min, max, multipleOf } = limitsOf(model);
  const step = 16 % multipleOf === 0 ? 16 : multipleOf;
  const fit = (v: number) => Math.min(Math.floor(max / multipleOf) * multipleOf, Math.max(min, Math.round((v * scale) / step) * step));
  return { width: fit(r.width), height: fit(r.height) };
}

export function specAccepts(spec: ParamSpec, v: unknown): v is ParamValue {
  switch (spec.type) {
    case "int":
    case "float": {
      if (typeof v !== "number" || !Number.isFinite(v)) return false;
      if (spec.type === "int" && !Number.isInteger(v)) return false;
      if (spec.options) return spec.options.includes(v);
      return (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
    }
    case "enum":
      return typeof v === "string" && (spec.options ?? []).includes(v);
    case "boolean":
      return typeof v === "boolean";
    case "loras":
      return Array.isArray(v);
  }
}

const cloneDefault = (v: ParamValue | undefined): ParamValue | undefined => (Array.isArray(v) ? v.map((l) => ({ ...l })) : v);

export function defaultParams(model: CatalogModel): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const spec of modelSpecs(model)) {
    const d = cloneDefault(spec.default);
    if (d !== undefined) out[spec.key] = d;
  }
  return out;
}

export function defaultValues(model: CatalogModel, base: Partial<StudioValues> = {}): StudioValues {
  const ratio = allowedRatios(model).find((r) => r.id === model.recommended.aspectRatio)?.id ?? allowedRatios(model)[0]?.id ?? "1:1";
  const size = sizeFor(model, ratio, 1);
  const values: StudioValues = {
    modelId: model.id,
    prompt: "",
    negativePrompt: "",
    aspectRatio: ratio,
    sizeScale: "large",
    width: size.width,
    height: size.height,
    numImages: 1,
    seed: null,
    seedLocked: false,
    stylePreset: "none",
    params: defaultParams(model),
    projectId: null,
  };
  return { ...values, ...base, params: { ...values.params, ...base.params } };
}

/**
 * The values after switching to `next`: model parameters the user changed carry over when the new model
 * accepts them, untouched ones take the new model's defaults; count, ratio and size are brought into range.
 */
export function adaptToModel(values: StudioValues, next: CatalogModel, previous?: CatalogModel): StudioValues {
  const oldDefaults = previous ? defaultParams(previous) : {};
  const params: Record<string, ParamValue> = {};
  for (const spec of modelSpecs(next)) {
    const v = values.params[spec.key];
    const touched = v !== undefined && JSON.stringify(v) !== JSON.stringify(oldDefaults[spec.key]);
    const fallback = cloneDefault(spec.default);
    if (touched && specAccepts(spec, v)) params[spec.key] = v;
    else if (fallback !== undefined) params[spec.key] = fallback;
  }
  const ratios = allowedRatios(next);
  let aspectRatio = values.aspectRatio;
  if (aspectRatio === CUSTOM_RATIO ? !canChooseSize(next) : !ratios.some((r) => r.id === aspectRatio)) {
    aspectRatio = ratios.find((r) => r.id === next.recommended.aspectRatio)?.id ?? ratios[0]?.id ?? "1:1";
  }
  const { min, max } = limitsOf(next);
  const clampSide = (v: number) => Math.min(max, Math.max(min, v));
  return {
    ...values,
    modelId: next.id,
    params,
    aspectRatio,
    width: clampSide(values.width),
    height: clampSide(values.height),
    numImages: Math.min(next.maxImages, Math.max(1, values.numImages)),
    stylePreset: hasStylePresets(next) ? values.stylePreset : "none",
  };
}

/** The text-to-image request body (without clientId) for these values. */
export function toRequest(values: StudioValues, model: CatalogModel): StudioRequest {
  const parameters: GenerationParameters = { numImages: values.numImages };
  if (model.sizeMode === "image_size") {
    if (values.aspectRatio === CUSTOM_RATIO) Object.assign(parameters, { width: values.width, height: values.height });
    else {
      const scale = SIZE_SCALES.find((s) => s.id === values.sizeScale)?.scale ?? 1;
      parameters.aspectRatio = values.aspectRatio;
      if (scale !== 1) Object.assign(parameters, sizeFor(model, values.aspectRatio, scale));
    }
  } else if (model.sizeMode === "aspect_ratio") parameters.aspectRatio = values.aspectRatio;
  if (values.seedLocked && values.seed !== null) parameters.seed = values.seed;
  if (hasStylePresets(model) && values.stylePreset && values.stylePreset !== "none") parameters.stylePreset = values.stylePreset;
  for (const spec of modelSpecs(model)) {
    const v = values.params[spec.key];
    if (v !== undefined) parameters[spec.key] = v;
  }
  return {
    modelId: model.id,
    prompt: values.prompt.trim(),
    negativePrompt: model.supportsNegativePrompt ? values.negativePrompt : "",
    parameters,
    ...(values.projectId ? { projectId: values.projectId } : {}),
    ...(values.promptId ? { promptId: values.promptId } : {}),
    ...conditioningOf(values, model),
  };
}

/** The conditioning the model takes (a control type it supports, up to its number of reference images). */
function conditioningOf(values: StudioValues, model: CatalogModel): Pick<StudioRequest, "controlNet" | "imagePrompts"> {
  const support = conditioningFor(model.id);
  const out: Pick<StudioRequest, "controlNet" | "imagePrompts"> = {};
  const c = values.controlNet;
  if (c && (c.imageId || c.uploadId) && support?.controlTypes.includes(c.type)) out.controlNet = { type: c.type, strength: c.strength, ...refOf(c) };
  const refs = (values.imagePrompts ?? []).filter((r) => r.imageId || r.uploadId).slice(0, support?.maxImagePrompts ?? 0);
  if (refs.length) out.imagePrompts = refs.map((r) => ({ weight: r.weight, ...refOf(r) }));
  return out;
}

/** Form values from stored parameters (a job, an image, a preset, a link), for `model`. */
export function fromParameters(model: CatalogModel, raw: Record<string, unknown>): Partial<StudioValues> {
  const out: Partial<StudioValues> = {};
  const num = (k: string) => (typeof raw[k] === "number" && Number.isFinite(raw[k]) ? (raw[k] as number) : undefined);
  const width = num("width");
  const height = num("height");
  const ratio = typeof raw.aspectRatio === "string" ? raw.aspectRatio : undefined;
  const ratios = allowedRatios(model);
  if (model.sizeMode === "image_size" && width && height) {
    const match = ratios.flatMap((r) => SIZE_SCALES.map((s) => ({ r, s, size: sizeFor(model, r.id, s.scale) }))).find((m) => m.size.width === width && m.size.height === height);
    if (match) Object.assign(out, { aspectRatio: match.r.id, sizeScale: match.s.id, width, height });
    else Object.assign(out, { aspectRatio: CUSTOM_RATIO, width, height });
  } else if (ratio && ratios.some((r) => r.id === ratio)) {
    Object.assign(out, { aspectRatio: ratio, sizeScale: "large" as const, ...sizeFor(model, ratio, 1) });
  }
  const n = num("numImages");
  if (n) out.numImages = Math.min(model.maxImages, Math.max(1, Math.round(n)));
  const seed = num("seed");
  if (seed !== undefined) Object.assign(out, { seed, seedLocked: true });
  if (typeof raw.stylePreset === "string") out.stylePreset = raw.stylePreset;
  const params: Record<string, ParamValue> = {};
  for (const spec of modelSpecs(model)) if (specAccepts(spec, raw[spec.key])) params[spec.key] = raw[spec.key] as ParamValue;
  out.params = params;
  return out;
}

const TOP_LEVEL = new Set(["aspectRatio", "width", "height", "numImages", "seed", "stylePreset"]);

/** The form field an API or catalog issue path points at ("root.server" when none fits). */
export function fieldForIssuePath(path: readonly (string | number)[]): string {
  const [head, key] = path;
  if (head === "parameters" && typeof key === "string") return TOP_LEVEL.has(key) ? key : `params.${key}`;
  if (head === "prompt" || head === "negativePrompt" || head === "modelId" || head === "projectId") return head;
  return "root.server";
}

/** The form's zod schema for one model: the shared request contract plus the catalog's parameter rules. */
export function studioSchema(model: CatalogModel | undefined) {
  const t = i18n.getFixedT(null, "studio");
  return z
    .looseObject({
      modelId: z.string().min(1, t("validation.pickModel")),
      prompt: textToImageRequestSchema.shape.prompt,
      negativePrompt: z.string().max(LIMITS.negativePromptMaxLength, t("validation.atMost", { max: LIMITS.negativePromptMaxLength })),
      numImages: z.number().int(),
      width: z.number({ error: t("validation.width") }),
      height: z.number({ error: t("validation.height") }),
      seed: z.number().int().min(0).max(2 ** 32 - 1, t("validation.seedMax", { max: 2 ** 32 - 1 })).nullable(),
    })
    .superRefine((v, ctx) => {
      if (!model) {
        ctx.addIssue({ code: "custom", path: ["modelId"], message: t("validation.pickModel") });
        return;
      }
      const { parameters } = toRequest(v as unknown as StudioValues, model);
      const checked = validateGenerationParams(model, { operation: "text-to-image", parameters });
      if (checked.ok) return;
      for (const issue of checked.issues) ctx.addIssue({ code: "custom", path: fieldForIssuePath(issue.path).split("."), message: issue.message });
    });
}

/** A stable key for a request (same settings → same key), for double-submit protection. */
export function requestKey(request: StudioRequest): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(request));
}
