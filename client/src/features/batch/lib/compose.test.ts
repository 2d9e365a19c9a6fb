import { describe, expect, it } from "vitest";
import { fromPreset, INITIAL, parseSeeds, toPreset, toRequest } from "./compose";

describe("batch form → request", () => {
  it("builds a template batch with its variables' values, seeds and extra models", () => {
    const body = toRequest({
      ...INITIAL,
      source: "template",
      template: "a {animal} in {snow|rain}",
      variables: { animal: "cat\n\n fox \n", unused: "x" },
      seedMode: "list",
      seeds: "1, 2 3",
      modelIds: ["m/one", "m/two"],
    });
    expect(body).toMatchObject({
      modelId: "m/one",
      modelIds: ["m/two"],
      template: "a {animal} in {snow|rain}",
      variables: { animal: ["cat", "fox"] },
      seeds: [1, 2, 3],
    });
    expect(body.prompts).toBeUndefined();
  });

  it("sends prompts one a line and a seed range", () => {
    const body = toRequest({
      ...INITIAL,
      prompts: "a\n\nb\n",
      seedMode: "range",
      seedStart: "10",
      seedCount: "3",
      modelIds: ["m"],
    });
    expect(body).toMatchObject({ prompts: ["a", "b"], seedRange: { start: 10, count: 3 } });
  });

  it("reports seeds that are not whole numbers", () => {
    expect(parseSeeds("1, x, 2.5, 3")).toEqual({ seeds: [1, 3], bad: ["x", "2.5"] });
  });

  it("round-trips a preset without the name or schedule", () => {
    const state = {
      ...INITIAL,
      name: "mine",
      scheduledAt: "2030-01-01T10:00",
      template: "t",
      source: "template" as const,
    };
    const preset = toPreset(state);
    expect(preset).not.toHaveProperty("name");
    expect(fromPreset(preset, INITIAL)).toEqual({ ...state, name: "", scheduledAt: "" });
  });
});
