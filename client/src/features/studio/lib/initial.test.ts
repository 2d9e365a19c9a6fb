import { findModel } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import type { ModelEntry } from "../api/models";
import { defaultValues } from "./form";
import { initialValues, pickInitialModel } from "./initial";
import { studioSearchSchema } from "./prefill";

const entry = (id: string, available = true): ModelEntry => ({ ...findModel(id)!, isActive: true, available, ...(available ? {} : { unavailableReason: "No fal.ai key" }) });
const models = [entry("fal-ai/flux/dev", false), entry("fal-ai/fast-sdxl", false), entry("local/sketch"), entry("local/sketch-fast"), entry("fal-ai/clarity-upscaler", false)];
const none = studioSearchSchema({});

describe("pickInitialModel", () => {
  it("prefers a link's model even when unavailable, then an available draft/default model, then a featured available one", () => {
    expect(pickInitialModel(models, { search: { ...none, modelId: "fal-ai/flux/dev" } })?.id).toBe("fal-ai/flux/dev");
    expect(pickInitialModel(models, { search: none, draft: defaultValues(models[0]!) })?.id).toBe("local/sketch");
    expect(pickInitialModel(models, { search: none, defaults: { defaultModelId: "local/sketch-fast", defaultParameters: {} } })?.id).toBe("local/sketch-fast");
    expect(pickInitialModel(models, { search: none })?.id).toBe("local/sketch");
    expect(pickInitialModel(models, { search: { ...none, modelId: "fal-ai/clarity-upscaler" } })?.id).toBe("local/sketch");
  });
});

describe("initialValues", () => {
  it("fills the form from a link (prompt, model and parameters) over the draft", () => {
    const search = studioSearchSchema({ prompt: "a red fox", modelId: "local/sketch", parameters: JSON.stringify({ seed: 9, steps: 12, aspectRatio: "9:16" }) });
    const draft = { ...defaultValues(models[2]!), prompt: "old draft" };
    const v = initialValues(models, { search, draft })!;
    expect(v).toMatchObject({ prompt: "a red fox", modelId: "local/sketch", seed: 9, seedLocked: true, aspectRatio: "9:16", params: { steps: 12 } });
  });

  it("keeps the draft's prompt when its model is no longer usable", () => {
    const draft = { ...defaultValues(models[0]!), prompt: "keep me" };
    const v = initialValues(models, { search: none, draft })!;
    expect(v.modelId).toBe("local/sketch");
    expect(v.prompt).toBe("keep me");
  });

  it("applies the user's defaults for their default model", () => {
    const v = initialValues(models, { search: none, defaults: { defaultModelId: "local/sketch", defaultParameters: { steps: 40, numImages: 2 } } })!;
    expect(v).toMatchObject({ modelId: "local/sketch", numImages: 2, params: { steps: 40 } });
  });
});

describe("studioSearchSchema", () => {
  it("accepts parameters as JSON text or an object and drops junk instead of failing", () => {
    expect(studioSearchSchema({ parameters: { seed: 1 } }).parameters).toEqual({ seed: 1 });
    expect(studioSearchSchema({ parameters: "{not json" }).parameters).toBeUndefined();
    expect(studioSearchSchema({ prompt: 123, projectId: "nope" })).toEqual({ prompt: "123" });
  });
});
