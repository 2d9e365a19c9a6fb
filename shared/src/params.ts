/**
 * Checks a generation request's parameters against the model's catalog entry and normalises them:
 * defaults filled in, width/height resolved from an aspect ratio or taken as given, numImages bounded.
 * Messages name the field, the range and the model, so the UI can show them as they are.
 */
import { z } from "zod";
import {
  ASPECT_RATIOS,
  type AspectRatioId,
  type CatalogModel,
  type LoraWeight,
  OPERATIONS,
  type Operation,
  type ParamSpec,
  SOURCE_SIZED_OPERATIONS,
} from "./catalog-base";
import { findAspectRatio, nearestAspectRatio, paramsFor } from "./catalog";
import { vm } from "./validation-messages";

export interface ParamIssue {
  path: (string | number)[];
  message: string;
}

/** Normalised parameters: the core keys below plus every model parameter that applies (defaults filled in). */
export type NormalisedParams = {
  aspectRatio?: AspectRatioId;
  width: number;
  height: number;
  numImages: number;
  seed?: number;
} & Record<string, unknown>;

export type ParamsResult = { ok: true; value: NormalisedParams } | { ok: false; issues: ParamIssue[] };

export interface GenerationParamsInput {
  operation?: Operation;
  parameters?: unknown;
}

const CORE_KEYS = new Set(["aspectRatio", "width", "height", "numImages", "seed"]);
const DEFAULT_LIMITS = { min: 64, max: 2048, multipleOf: 8 };
const SEED_MAX = 2 ** 32 - 1;
const parametersShape = z.record(z.string(), z.unknown());

const at = (key: string, message: string): ParamIssue => ({ path: ["parameters", key], message });
const given = (v: unknown) => v !== undefined && v !== null;
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function validateGenerationParams(model: CatalogModel, input: GenerationParamsInput): ParamsResult {
  const operation = input.operation ?? "text-to-image";
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    return { ok: false, issues: [{ path: ["operation"], message: vm("checks.params.unknownOperation", { operation: String(operation) }) }] };
  }
  if (!model.operations.includes(operation)) {
    return { ok: false, issues: [{ path: ["operation"], message: vm("checks.params.cannotDo", { model: model.displayName, operation }) }] };
  }
  const shape = parametersShape.safeParse(input.parameters ?? {});
  if (!shape.success) return { ok: false, issues: [{ path: ["parameters"], message: "parameters must be an object" }] };
  const raw = shape.data;
  const issues: ParamIssue[] = [];
  const value: Record<string, unknown> = {};

  resolveSize(model, operation, raw, value, issues);
  resolveCount(model, raw, value, issues);

  const specs = paramsFor(model, operation);
  for (const [key, v] of Object.entries(raw)) {
    if (CORE_KEYS.has(key) || !given(v)) continue;
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      const elsewhere = model.params.find((s) => s.key === key);
      issues.push(
        at(
          key,
          elsewhere
            ? vm("checks.params.notUsedFor", { key, operation, model: model.displayName })
            : vm("checks.params.unknownParameter", { key, model: model.displayName }),
        ),
      );
      continue;
    }
    const checked = checkParam(spec, v, model);
    if (typeof checked === "string") issues.push(at(key, checked));
    else value[key] = checked.value;
  }
  for (const spec of specs) {
    if (value[spec.key] === undefined && spec.default !== undefined)
      value[spec.key] = Array.isArray(spec.default) ? spec.default.map((l) => ({ ...l })) : spec.default;
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: value as NormalisedParams };
}

function resolveCount(
  model: CatalogModel,
  raw: Record<string, unknown>,
  value: Record<string, unknown>,
  issues: ParamIssue[],
) {
  const n = raw.numImages;
  if (!given(n)) value.numImages = 1;
  else if (!isInt(n) || n < 1 || n > model.maxImages) {
    issues.push(
      at(
        "numImages",
        model.maxImages === 1
          ? vm("checks.params.oneImageAtATime", { model: model.displayName })
          : vm("checks.params.numImagesRange", { max: model.maxImages, model: model.displayName }),
      ),
    );
  } else value.numImages = n;
  const seed = raw.seed;
  if (given(seed)) {
    if (!isInt(seed) || seed < 0 || seed > SEED_MAX)
      issues.push(at("seed", vm("checks.params.seedRange", { max: SEED_MAX })));
    else value.seed = seed;
  }
}

function resolveSize(
  model: CatalogModel,
  operation: Operation,
  raw: Record<string, unknown>,
  value: Record<string, unknown>,
  issues: ParamIssue[],
) {
  const allowed: readonly string[] = model.aspectRatios ?? ASPECT_RATIOS.map((r) => r.id);
  const { aspectRatio, width, height } = raw;
  if (
    given(aspectRatio) &&
    (typeof aspectRatio !== "string" || !findAspectRatio(aspectRatio) || !allowed.includes(aspectRatio))
  ) {
    issues.push(at("aspectRatio", vm("checks.params.aspectRatioOneOf", { options: allowed.join(", "), model: model.displayName })));
    return;
  }
  if (given(width) !== given(height)) {
    issues.push(at(given(width) ? "height" : "width", vm("checks.params.widthAndHeight")));
    return;
  }
  const explicit = given(width) && given(height);
  const limits = model.sizeLimits ?? DEFAULT_LIMITS;

  // Source-sized work (img2img, inpaint, upscale, …) and fixed-size models: width/height describe the source.
  if (model.sizeMode === "none" || SOURCE_SIZED_OPERATIONS.includes(operation)) {
    if (model.sizeMode === "none" && operation === "text-to-image") return fixedCanvas(model, raw, value, issues);
    if (explicit) {
      const max = Math.max(limits.max, 8192);
      for (const [k, v] of [
        ["width", width],
        ["height", height],
      ] as const) {
        if (!isInt(v) || v < 1 || v > max) issues.push(at(k, vm("checks.params.wholeUpTo", { key: k, max })));
      }
      value.width = width;
      value.height = height;
      return;
    }
    const r = findAspectRatio(
      typeof aspectRatio === "string" ? aspectRatio : (model.recommended.aspectRatio ?? "1:1"),
    )!;
    Object.assign(value, { aspectRatio: r.id, width: r.width, height: r.height });
    return;
  }

  if (model.sizeMode === "aspect_ratio") {
    if (explicit && !(isNum(width) && isNum(height) && width > 0 && height > 0)) {
      issues.push(at("width", "width and height must be positive numbers"));
      return;
    }
    const r = explicit
      ? nearestAspectRatio(width as number, height as number, allowed)
      : findAspectRatio(typeof aspectRatio === "string" ? aspectRatio : (model.recommended.aspectRatio ?? "1:1"))!;
    Object.assign(value, { aspectRatio: r.id, width: r.width, height: r.height });
    return;
  }

  if (!explicit) {
    const r = findAspectRatio(
      typeof aspectRatio === "string" ? aspectRatio : (model.recommended.aspectRatio ?? "1:1"),
    )!;
    Object.assign(value, { aspectRatio: r.id, width: r.width, height: r.height });
    return;
  }
  for (const [k, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!isInt(v) || v < limits.min || v > limits.max) {
      issues.push(at(k, vm("checks.params.pixelRange", { key: k, min: limits.min, max: limits.max, model: model.displayName })));
    } else if (v % limits.multipleOf !== 0) {
      issues.push(at(k, vm("checks.params.multipleOf", { key: k, step: limits.multipleOf, value: String(v) })));
    }
  }
  value.width = width;
  value.height = height;
  const r = typeof aspectRatio === "string" ? findAspectRatio(aspectRatio) : undefined;
  if (r && r.width === width && r.height === height) value.aspectRatio = r.id;
}

/** Models with one output size (AuraFlow): accept only that size. */
function fixedCanvas(
  model: CatalogModel,
  raw: Record<string, unknown>,
  value: Record<string, unknown>,
  issues: ParamIssue[],
) {
  const square = findAspectRatio("1:1")!;
  const { aspectRatio, width, height } = raw;
  if (given(aspectRatio) && aspectRatio !== "1:1")
    issues.push(at("aspectRatio", vm("checks.params.fixedSize", { model: model.displayName })));
  else if (given(width) && (width !== square.width || height !== square.height)) {
    issues.push(at("width", vm("checks.params.fixedSize", { model: model.displayName })));
  }
  Object.assign(value, { aspectRatio: square.id, width: square.width, height: square.height });
}

type Checked = { value: unknown } | string;

function checkParam(spec: ParamSpec, v: unknown, model: CatalogModel): Checked {
  const range = () => vm("checks.params.range", { key: spec.key, min: String(spec.min), max: String(spec.max), model: model.displayName });
  switch (spec.type) {
    case "int": {
      if (spec.options) {
        return isInt(v) && spec.options.includes(v)
          ? { value: v }
          : vm("checks.params.oneOfFor", { key: spec.key, options: spec.options.join(", "), model: model.displayName });
      }
      if (!isInt(v)) return vm("checks.params.whole", { key: spec.key });
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) return range();
      return { value: v };
    }
    case "float": {
      if (!isNum(v)) return vm("checks.params.number", { key: spec.key });
      if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) return range();
      return { value: v };
    }
    case "enum":
      return typeof v === "string" && spec.options?.includes(v)
        ? { value: v }
        : vm("checks.params.oneOf", { key: spec.key, options: (spec.options ?? []).join(", ") });
    case "boolean":
      return typeof v === "boolean" ? { value: v } : vm("checks.params.boolean", { key: spec.key });
    case "loras":
      return checkLoras(spec, v);
  }
}

const HF_REPO = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const HTTPS_URL = /^https:\/\/[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(\/[^\s]*)?$/;

function checkLoras(spec: ParamSpec, v: unknown): Checked {
  if (!Array.isArray(v)) return vm("checks.params.loraList", { key: spec.key });
  const max = spec.max ?? 5;
  if (v.length > max) return vm("checks.params.loraMax", { max });
  const out: LoraWeight[] = [];
  for (const [i, item] of v.entries()) {
    const path = (item as { path?: unknown } | null)?.path;
    const scale = (item as { scale?: unknown } | null)?.scale ?? 1;
    if (typeof path !== "string" || !isLoraPath(path))
      return vm("checks.params.loraPath", { n: i + 1 });
    if (!isNum(scale) || scale < -4 || scale > 4) return vm("checks.params.loraScale", { n: i + 1 });
    out.push({ path, scale });
  }
  return { value: out };
}

function isLoraPath(path: string): boolean {
  if (path.length > 2048) return false;
  return HF_REPO.test(path) || HTTPS_URL.test(path);
}
