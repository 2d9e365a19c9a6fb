import { describe, expect, it } from "vitest";
import { blendPrompts, flattenMultiPrompt, multiPromptProblem, normalisedParts, parseMultiPrompt } from "./multi-prompt";
import { conditioningProblem, controlNetSchema } from "./conditioning";

describe("multi-prompts", () => {
  it("parses weighted parts; a part without ::w weighs 1", () => {
    expect(parseMultiPrompt("castle::2 | forest::1")).toEqual([
      { text: "castle", weight: 2 },
      { text: "forest", weight: 1 },
    ]);
    expect(parseMultiPrompt("castle::0.5 | misty forest")).toEqual([
      { text: "castle", weight: 0.5 },
      { text: "misty forest", weight: 1 },
    ]);
  });

  it("leaves ordinary prompts and template alternations alone", () => {
    expect(parseMultiPrompt("a {red|green} house")).toBeNull();
    expect(parseMultiPrompt("a | b")).toBeNull();
    expect(parseMultiPrompt("ratio 16::9 style")).toBeNull();
  });

  it("clamps weights and normalises shares", () => {
    expect(parseMultiPrompt("a::99 | b::-2")).toEqual([
      { text: "a", weight: 10 },
      { text: "b", weight: 0 },
    ]);
    expect(normalisedParts([{ text: "a", weight: 3 }, { text: "b", weight: 1 }, { text: "c", weight: 0 }])).toEqual([
      { text: "a", weight: 0.75 },
      { text: "b", weight: 0.25 },
    ]);
  });

  it("flattens for engines: SD weight syntax around the mean, or strongest first", () => {
    expect(flattenMultiPrompt("castle::3 | forest::1", { weightSyntax: true })).toBe("(castle:1.5), (forest:0.5)");
    expect(flattenMultiPrompt("castle::1 | forest::1", { weightSyntax: true })).toBe("castle, forest");
    expect(flattenMultiPrompt("forest::1 | castle::2 | sea::0", { weightSyntax: false })).toBe("castle, forest");
    expect(flattenMultiPrompt("a plain prompt", { weightSyntax: true })).toBe("a plain prompt");
  });

  it("reports all-zero weights and too many parts", () => {
    expect(multiPromptProblem("a::0 | b::0")).toMatch(/above 0/);
    expect(multiPromptProblem("a::1|b|c|d|e|f|g")).toMatch(/at most 6/);
    expect(multiPromptProblem("a::1 | b::0")).toBeNull();
  });

  it("a blend strip runs from all of A to all of B", () => {
    const strip = blendPrompts("a castle", "a forest", 5);
    expect(strip.map((s) => s.t)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(strip[0]!.prompt).toBe("a castle::1 | a forest::0");
    expect(strip[2]!.prompt).toBe("a castle::0.5 | a forest::0.5");
    expect(blendPrompts("a", "b", 50)).toHaveLength(8);
  });
});

describe("conditioning rules", () => {
  it("names what a model takes", () => {
    expect(conditioningProblem("local/sketch", { type: "pose" }, undefined)).toMatch(/takes canny, depth/);
    expect(conditioningProblem("fal-ai/flux/dev", { type: "canny" }, undefined)).toMatch(/does not take a canny/);
    expect(conditioningProblem("fal-ai/flux-pro/v1.1-ultra", undefined, [1, 2])).toMatch(/at most 1 reference image$/);
    expect(conditioningProblem("fal-ai/flux-general", { type: "pose" }, [1])).toBeNull();
  });
  it("a control image is exactly one of an image or an upload", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(controlNetSchema.safeParse({ type: "canny", imageId: id }).success).toBe(true);
    expect(controlNetSchema.safeParse({ type: "canny" }).success).toBe(false);
    expect(controlNetSchema.safeParse({ type: "canny", imageId: id, uploadId: id }).success).toBe(false);
    expect(controlNetSchema.safeParse({ type: "canny", imageId: id, strength: 3 }).success).toBe(false);
  });
});
