import {
  type CatalogModel,
  nearestAspectRatio,
  type ParamSpec,
  paramsFor,
  type ParamsResult,
  validateGenerationParams,
} from "@image-studio/shared";

/** What a "run again" can change: the model and single engine parameters (steps, guidance, sampler, …). */
export interface RerunChanges {
  modelId: string;
  /** Engine parameters to set, keyed by ParamSpec.key. */
  params: Record<string, unknown>;
  /** Reuse the image's seed, so the change is the only difference. */
  keepSeed: boolean;
}

export interface RerunSource {
  modelId: string;
  width: number;
  height: number;
  parameters: Record<string, unknown>;
}

/** The parameters a run-again form shows for a model: simple values only (LoRA lists stay in the studio). */
export const editableParams = (model: CatalogModel): ParamSpec[] =>
  paramsFor(model, "text-to-image").filter((p) => p.type !== "loras");

/**
 * The text-to-image parameters of a rerun: the image's own, with the changes on top, checked against the
 * (possibly different) model with the shared validator. A new model keeps the image's shape, not its pixels,
 * and those of the image's settings it accepts.
 */
export function rerunParameters(model: CatalogModel, image: RerunSource, changes: RerunChanges): ParamsResult {
  const known = new Set(paramsFor(model, "text-to-image").map((p) => p.key));
  const switched = model.id !== image.modelId;
  // On another model, keep only the settings it takes as they are (20 steps where it allows 8 falls back).
  const fits = (k: string, v: unknown) =>
    !switched || validateGenerationParams(model, { operation: "text-to-image", parameters: { [k]: v } }).ok;
  const kept = Object.fromEntries(Object.entries(image.parameters).filter(([k, v]) => known.has(k) && fits(k, v)));
  const size =
    !switched
      ? pick(image.parameters, ["aspectRatio", "width", "height"])
      : { aspectRatio: nearestAspectRatio(image.width, image.height, model.aspectRatios).id };
  const seed = changes.keepSeed && typeof image.parameters.seed === "number" ? { seed: image.parameters.seed } : {};
  return validateGenerationParams(model, {
    operation: "text-to-image",
    parameters: { ...kept, ...changes.params, ...size, ...seed, numImages: 1 },
  });
}

/** Keys whose value the changes alter, for a "what differs" line. */
export function changedKeys(image: RerunSource, changes: RerunChanges): string[] {
  const out = changes.modelId !== image.modelId ? ["model"] : [];
  for (const [k, v] of Object.entries(changes.params)) if (image.parameters[k] !== v) out.push(k);
  if (!changes.keepSeed) out.push("seed");
  return out;
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined && o[k] !== null).map((k) => [k, o[k]]));
}
