import { describe, expect, it } from "vitest";
import { findModel } from "./catalog";
import { validateGenerationParams, type ParamsResult } from "./params";

const model = (id: string) => {
  const m = findModel(id);
  if (!m) throw new Error(`missing ${id}`);
  return m;
};

function ok(r: ParamsResult) {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}
function issues(r: ParamsResult) {
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.value)}`);
  return r.issues;
}

describe("validateGenerationParams: defaults and sizes", () => {
  it("fills the model's defaults and resolves the recommended aspect ratio", () => {
    const v = ok(validateGenerationParams(model("fal-ai/flux/dev"), { operation: "text-to-image", parameters: {} }));
    expect(v).toEqual({
      aspectRatio: "4:3",
      width: 1152,
      height: 864,
      numImages: 1,
      steps: 28,
      guidanceScale: 3.5,
      acceleration: "none",
      outputFormat: "jpeg",
      enableSafetyChecker: true,
      stylePreset: "none",
    });
  });

  it("adds operation-specific defaults only for that operation", () => {
    const dev = model("fal-ai/flux/dev");
    expect(ok(validateGenerationParams(dev, { operation: "image-to-image", parameters: {} })).strength).toBe(0.95);
    expect(ok(validateGenerationParams(dev, { operation: "variation", parameters: {} }))).not.toHaveProperty(
      "stylePreset",
    );
  });

  it("resolves width/height from an aspect ratio", () => {
    const v = ok(
      validateGenerationParams(model("fal-ai/flux/schnell"), {
        parameters: { aspectRatio: "16:9", numImages: 4, seed: 7 },
      }),
    );
    expect(v).toMatchObject({ aspectRatio: "16:9", width: 1360, height: 768, numImages: 4, seed: 7, steps: 4 });
  });

  it("takes explicit sizes in multiples of 8 within 64..2048", () => {
    const dev = model("fal-ai/flux/dev");
    expect(ok(validateGenerationParams(dev, { parameters: { width: 1000, height: 808 } }))).toMatchObject({
      width: 1000,
      height: 808,
    });
    expect(ok(validateGenerationParams(dev, { parameters: { width: 1000, height: 808 } }))).not.toHaveProperty(
      "aspectRatio",
    );
    expect(issues(validateGenerationParams(dev, { parameters: { width: 1001, height: 808 } }))).toEqual([
      { path: ["parameters", "width"], message: "width must be a multiple of 8 (got 1001)" },
    ]);
    expect(issues(validateGenerationParams(dev, { parameters: { width: 4096, height: 32 } }))).toEqual([
      { path: ["parameters", "width"], message: "width must be between 64 and 2048 pixels for FLUX.1 [dev]" },
      { path: ["parameters", "height"], message: "height must be between 64 and 2048 pixels for FLUX.1 [dev]" },
    ]);
    expect(issues(validateGenerationParams(dev, { parameters: { width: 1024 } }))[0]).toEqual({
      path: ["parameters", "height"],
      message: "Give both width and height, or pick an aspect ratio",
    });
  });

  it("rejects aspect ratios the app does not offer", () => {
    expect(
      issues(validateGenerationParams(model("fal-ai/flux/dev"), { parameters: { aspectRatio: "5:4" } }))[0]!.message,
    ).toMatch(/^aspectRatio must be one of 1:1, 16:9/);
  });

  it("snaps explicit sizes to an aspect ratio for aspect-ratio models (ultra)", () => {
    const v = ok(
      validateGenerationParams(model("fal-ai/flux-pro/v1.1-ultra"), { parameters: { width: 1920, height: 1080 } }),
    );
    expect(v).toMatchObject({ aspectRatio: "16:9", width: 1360, height: 768, raw: false });
    expect(ok(validateGenerationParams(model("fal-ai/flux-pro/v1.1-ultra"), {})).aspectRatio).toBe("16:9");
  });

  it("keeps fixed-size models at their size", () => {
    const aura = model("fal-ai/aura-flow");
    expect(ok(validateGenerationParams(aura, {}))).toMatchObject({ width: 1024, height: 1024 });
    expect(issues(validateGenerationParams(aura, { parameters: { aspectRatio: "16:9" } }))[0]!.message).toBe(
      "AuraFlow always makes 1024×1024 images",
    );
  });

  it("treats width/height as the source size for upscales (any whole size)", () => {
    const v = ok(
      validateGenerationParams(model("fal-ai/clarity-upscaler"), {
        operation: "upscale",
        parameters: { width: 1001, height: 750 },
      }),
    );
    expect(v).toMatchObject({ width: 1001, height: 750, scale: 2, creativity: 0.35, resemblance: 0.6 });
    expect(
      issues(validateGenerationParams(model("local/upscale"), { operation: "upscale", parameters: { scale: 8 } }))[0]!
        .message,
    ).toBe("scale must be between 2 and 4 for Local upscale");
  });
});

describe("validateGenerationParams: model parameters", () => {
  it("names the field, the range and the model", () => {
    expect(issues(validateGenerationParams(model("fal-ai/flux/schnell"), { parameters: { steps: 20 } }))).toEqual([
      { path: ["parameters", "steps"], message: "steps must be between 1 and 12 for FLUX.1 [schnell]" },
    ]);
    expect(
      issues(validateGenerationParams(model("fal-ai/flux-lora"), { parameters: { guidanceScale: 40 } }))[0]!.message,
    ).toBe("guidanceScale must be between 0 and 35 for FLUX.1 [dev] + LoRA");
  });

  it("rejects unknown keys and keys from another operation", () => {
    const dev = model("fal-ai/flux/dev");
    expect(issues(validateGenerationParams(dev, { parameters: { foo: 1 } }))).toEqual([
      { path: ["parameters", "foo"], message: 'Unknown parameter "foo" for FLUX.1 [dev]' },
    ]);
    expect(issues(validateGenerationParams(dev, { parameters: { strength: 0.5 } }))[0]!.message).toBe(
      "strength is not used for text-to-image with FLUX.1 [dev]",
    );
    // flux-pro has no steps at all
    expect(
      issues(validateGenerationParams(model("fal-ai/flux-pro/v1.1"), { parameters: { steps: 10 } }))[0]!.message,
    ).toBe('Unknown parameter "steps" for FLUX1.1 [pro]');
  });

  it("checks types: whole numbers, enums, booleans", () => {
    const dev = model("fal-ai/flux/dev");
    const r = issues(
      validateGenerationParams(dev, {
        parameters: { steps: 2.5, outputFormat: "gif", enableSafetyChecker: "yes", guidanceScale: "3" },
      }),
    );
    expect(r.map((i) => i.message)).toEqual([
      "steps must be a whole number",
      "outputFormat must be one of jpeg, png",
      "enableSafetyChecker must be true or false",
      "guidanceScale must be a number",
    ]);
  });

  it("accepts only Lightning's step counts", () => {
    const lightning = model("fal-ai/fast-lightning-sdxl");
    expect(ok(validateGenerationParams(lightning, { parameters: { steps: 8, numImages: 8 } }))).toMatchObject({
      steps: 8,
      numImages: 8,
    });
    expect(issues(validateGenerationParams(lightning, { parameters: { steps: 3 } }))[0]!.message).toBe(
      "steps must be one of 1, 2, 4, 8 for SDXL Lightning",
    );
  });

  it("bounds numImages by the model and checks the seed", () => {
    expect(
      issues(validateGenerationParams(model("fal-ai/flux/dev"), { parameters: { numImages: 5 } }))[0]!.message,
    ).toBe("numImages must be between 1 and 4 for FLUX.1 [dev]");
    expect(
      issues(
        validateGenerationParams(model("fal-ai/imageutils/rembg"), {
          operation: "remove-background",
          parameters: { numImages: 2 },
        }),
      )[0]!.message,
    ).toBe("Remove background (rembg) makes one image at a time");
    expect(issues(validateGenerationParams(model("fal-ai/flux/dev"), { parameters: { seed: -1 } }))[0]!.path).toEqual([
      "parameters",
      "seed",
    ]);
  });

  it("validates LoRAs (https URL or Hugging Face repo, bounded scale, at most five)", () => {
    const lora = model("fal-ai/flux-lora");
    const v = ok(
      validateGenerationParams(lora, {
        parameters: { loras: [{ path: "https://example.com/a.safetensors", scale: 0.8 }, { path: "owner/repo" }] },
      }),
    );
    expect(v.loras).toEqual([
      { path: "https://example.com/a.safetensors", scale: 0.8 },
      { path: "owner/repo", scale: 1 },
    ]);
    expect(
      issues(validateGenerationParams(lora, { parameters: { loras: [{ path: "http://127.0.0.1/x" }] } }))[0]!.message,
    ).toMatch(/LoRA 1: path must be/);
    expect(
      issues(validateGenerationParams(lora, { parameters: { loras: [{ path: "a/b", scale: 9 }] } }))[0]!.message,
    ).toBe("LoRA 1: scale must be between -4 and 4");
    expect(
      issues(validateGenerationParams(lora, { parameters: { loras: Array(6).fill({ path: "a/b" }) } }))[0]!.message,
    ).toBe("At most 5 LoRAs can be combined");
  });

  it("rejects operations the model cannot do", () => {
    expect(issues(validateGenerationParams(model("fal-ai/flux/schnell"), { operation: "inpaint" }))).toEqual([
      { path: ["operation"], message: "FLUX.1 [schnell] cannot do inpaint" },
    ]);
  });

  it("ignores null values (treated as not given) and does not share default objects", () => {
    const lora = model("fal-ai/flux-lora");
    const a = ok(validateGenerationParams(lora, { parameters: { steps: null } }));
    expect(a.steps).toBe(28);
    (a.loras as unknown[]).push({ path: "x/y", scale: 1 });
    expect(ok(validateGenerationParams(lora, {})).loras).toEqual([]);
  });
});
