import { findModel } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { changedKeys, rerunParameters } from "./rerun";

const sketch = findModel("local/sketch")!;
const fast = findModel("local/sketch-fast")!;
const image = {
  modelId: "local/sketch",
  width: 1024,
  height: 1024,
  parameters: { aspectRatio: "1:1", width: 1024, height: 1024, steps: 20, guidanceScale: 7, seed: 99, numImages: 2 },
};

describe("rerunParameters", () => {
  it("changes one parameter and keeps everything else, the seed included", () => {
    const r = rerunParameters(sketch, image, { modelId: sketch.id, params: { steps: 35 }, keepSeed: true });
    expect(r.ok && r.value).toMatchObject({ steps: 35, guidanceScale: 7, seed: 99, numImages: 1, width: 1024 });
    expect(changedKeys(image, { modelId: sketch.id, params: { steps: 35, guidanceScale: 7 }, keepSeed: true })).toEqual(["steps"]);
  });

  it("drops the seed when it is not kept and parameters another model does not take", () => {
    const r = rerunParameters(fast, image, { modelId: fast.id, params: {}, keepSeed: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seed).toBeUndefined();
    expect(r.value.guidanceScale).toBeUndefined();
    expect(r.value.steps).toBe(4); // 20 is past the fast model's 8: its default instead
    expect(r.value.aspectRatio).toBe("1:1");
    expect(changedKeys(image, { modelId: fast.id, params: {}, keepSeed: false })).toEqual(["model", "seed"]);
  });

  it("reports a value out of the model's range with the shared validator's message", () => {
    const r = rerunParameters(sketch, image, { modelId: sketch.id, params: { steps: 500 }, keepSeed: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: ["parameters", "steps"] });
  });
});
