import { describe, expect, it } from "vitest";
import { fillTemplate, templateFields } from "./template-fill";

describe("template fill", () => {
  const fields = templateFields("a {animal} in {snow|rain} at {time}, {animal} portrait", { animal: ["cat", "fox"], time: ["dawn"] })!;

  it("lists variables with their saved values and the alternations", () => {
    expect(fields.variables).toEqual([
      { name: "animal", values: ["cat", "fox"] },
      { name: "time", values: ["dawn"] },
    ]);
    expect(fields.choices.map((c) => c.options)).toEqual([["snow", "rain"]]);
  });

  it("fills every use of a variable with one value and takes the picked option", () => {
    const filled = fillTemplate(fields, { animal: "fox", time: "dusk " }, { [fields.choices[0]!.part]: 1 });
    expect(filled).toEqual({ ok: true, prompt: "a fox in rain at dusk, fox portrait" });
  });

  it("names the variables still empty", () => {
    expect(fillTemplate(fields, { animal: "cat", time: " " }, {})).toEqual({ ok: false, missing: ["time"] });
  });

  it("gives up on a broken template", () => {
    expect(templateFields("a {cat", {})).toBeNull();
  });
});
