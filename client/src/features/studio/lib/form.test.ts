import { findModel, validateGenerationParams } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { adaptToModel, CUSTOM_RATIO, defaultValues, fieldForIssuePath, fromParameters, requestKey, sizeFor, studioSchema, toRequest } from "./form";

const model = (id: string) => {
  const m = findModel(id);
  if (!m) throw new Error(`missing ${id}`);
  return m;
};
const sketch = model("local/sketch");
const dev = model("fal-ai/flux/dev");
const sdxl = model("fal-ai/fast-sdxl");
const ultra = model("fal-ai/flux-pro/v1.1-ultra");

describe("defaultValues and toRequest", () => {
  it("starts from the model's recommended ratio and defaults, and sends a request the catalog accepts", () => {
    const v = defaultValues(dev, { prompt: "  a castle  " });
    expect(v.aspectRatio).toBe("4:3");
    expect(v.params).toMatchObject({ steps: 28, guidanceScale: 3.5 });
    const req = toRequest(v, dev);
    expect(req).toMatchObject({ modelId: dev.id, prompt: "a castle", negativePrompt: "", parameters: { aspectRatio: "4:3", numImages: 1, steps: 28 } });
    expect(req.parameters).not.toHaveProperty("seed");
    expect(validateGenerationParams(dev, { parameters: req.parameters }).ok).toBe(true);
  });

  it("sends explicit pixels for smaller sizes and custom sizes, and only a ratio for aspect-ratio models", () => {
    const medium = toRequest({ ...defaultValues(sketch), aspectRatio: "16:9", sizeScale: "medium" }, sketch).parameters;
    expect(medium).toMatchObject({ aspectRatio: "16:9", ...sizeFor(sketch, "16:9", 0.75) });
    expect(medium.width! % 16).toBe(0);
    const custom = toRequest({ ...defaultValues(sketch), aspectRatio: CUSTOM_RATIO, width: 640, height: 480 }, sketch).parameters;
    expect(custom).toMatchObject({ width: 640, height: 480 });
    expect(custom).not.toHaveProperty("aspectRatio");
    const ultraReq = toRequest({ ...defaultValues(ultra), aspectRatio: "21:9", sizeScale: "small" }, ultra).parameters;
    expect(ultraReq).toEqual(expect.objectContaining({ aspectRatio: "21:9" }));
    expect(ultraReq).not.toHaveProperty("width");
  });

  it("sends the seed only when locked, the negative prompt only when the model reads it, and no 'none' style", () => {
    const base = { ...defaultValues(sketch), seed: 42, negativePrompt: "blurry", stylePreset: "none" };
    expect(toRequest({ ...base, seedLocked: false }, sketch).parameters).not.toHaveProperty("seed");
    expect(toRequest({ ...base, seedLocked: true }, sketch).parameters.seed).toBe(42);
    expect(toRequest(base, sketch).negativePrompt).toBe("");
    expect(toRequest({ ...defaultValues(sdxl), negativePrompt: "blurry" }, sdxl).negativePrompt).toBe("blurry");
    expect(toRequest(base, sketch).parameters).not.toHaveProperty("stylePreset");
    expect(toRequest({ ...base, stylePreset: "anime" }, sketch).parameters.stylePreset).toBe("anime");
  });
});

describe("adaptToModel", () => {
  it("gives untouched parameters the new model's defaults and keeps changed ones the new model accepts", () => {
    const onSketch = defaultValues(sketch);
    const untouched = adaptToModel(onSketch, dev, sketch);
    expect(untouched.params.steps).toBe(28);
    const touched = adaptToModel({ ...onSketch, params: { ...onSketch.params, steps: 35 } }, dev, sketch);
    expect(touched.params.steps).toBe(35);
    const schnell = model("fal-ai/flux/schnell");
    const tooMany = adaptToModel({ ...onSketch, params: { ...onSketch.params, steps: 35 } }, schnell, sketch);
    expect(tooMany.params.steps).toBe(4);
    expect(tooMany.params).not.toHaveProperty("sampler");
  });

  it("brings the image count, ratio and custom size into the new model's range", () => {
    const lightning = model("fal-ai/fast-lightning-sdxl");
    const eight = adaptToModel({ ...defaultValues(lightning), numImages: 8 }, sketch, lightning);
    expect(eight.numImages).toBe(4);
    const custom = adaptToModel({ ...defaultValues(sketch), aspectRatio: CUSTOM_RATIO }, ultra, sketch);
    expect(custom.aspectRatio).toBe("16:9");
  });
});

describe("fromParameters", () => {
  it("round-trips a request through stored parameters (history, presets, links)", () => {
    const values = { ...defaultValues(sketch), aspectRatio: "3:4", sizeScale: "small" as const, numImages: 3, seed: 7, seedLocked: true, stylePreset: "watercolor", params: { ...defaultValues(sketch).params, steps: 33, sampler: "heun" } };
    const checked = validateGenerationParams(sketch, { parameters: toRequest(values, sketch).parameters });
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const back = fromParameters(sketch, checked.value);
    expect(back).toMatchObject({ aspectRatio: "3:4", sizeScale: "small", numImages: 3, seed: 7, seedLocked: true, stylePreset: "watercolor", params: { steps: 33, sampler: "heun" } });
  });

  it("falls back to a custom size when the pixels match no ratio, and ignores values the model rejects", () => {
    expect(fromParameters(sketch, { width: 500, height: 300 })).toMatchObject({ aspectRatio: CUSTOM_RATIO, width: 500, height: 300 });
    expect(fromParameters(sketch, { steps: 999, sampler: "nope" }).params).toEqual({});
  });
});

describe("errors", () => {
  it("maps API issue paths onto form fields", () => {
    expect(fieldForIssuePath(["parameters", "steps"])).toBe("params.steps");
    expect(fieldForIssuePath(["parameters", "width"])).toBe("width");
    expect(fieldForIssuePath(["parameters", "numImages"])).toBe("numImages");
    expect(fieldForIssuePath(["prompt"])).toBe("prompt");
    expect(fieldForIssuePath(["clientId"])).toBe("root.server");
  });

  it("validates with the shared prompt rule and the catalog's ranges, naming the field", () => {
    const schema = studioSchema(sketch);
    const empty = schema.safeParse(defaultValues(sketch, { prompt: "   " }));
    expect(empty.success).toBe(false);
    expect(empty.error!.issues.map((i) => i.path.join("."))).toContain("prompt");
    const steps = schema.safeParse({ ...defaultValues(sketch, { prompt: "ok" }), params: { steps: 500 } });
    expect(steps.error!.issues.find((i) => i.path.join(".") === "params.steps")?.message).toMatch(/between 1 and 50/);
    const size = schema.safeParse({ ...defaultValues(sketch, { prompt: "ok" }), aspectRatio: CUSTOM_RATIO, width: 1001, height: 512 });
    expect(size.error!.issues.find((i) => i.path[0] === "width")?.message).toMatch(/multiple of 8/);
    expect(schema.safeParse(defaultValues(sketch, { prompt: "a castle" })).success).toBe(true);
    expect(studioSchema(undefined).safeParse(defaultValues(sketch, { prompt: "x" })).success).toBe(false);
  });
});

describe("requestKey", () => {
  it("is the same for the same settings in any key order, and differs when a setting changes", () => {
    const a = toRequest(defaultValues(sketch, { prompt: "x" }), sketch);
    const b = { ...a, parameters: Object.fromEntries(Object.entries(a.parameters).reverse()) };
    expect(requestKey(a)).toBe(requestKey(b));
    expect(requestKey(a)).not.toBe(requestKey({ ...a, prompt: "y" }));
  });
});
