import { describe, expect, it } from "vitest";
import { formatVariables, parseVariables, variableNamesIn } from "./variables";

describe("template variables in the form", () => {
  it("round-trips name: values lines", () => {
    const parsed = parseVariables("animal: cat, dog\n\nweather: snow , rain");
    expect(parsed).toEqual({ ok: true, value: { animal: ["cat", "dog"], weather: ["snow", "rain"] } });
    expect(formatVariables(parsed.ok ? parsed.value : {})).toBe("animal: cat, dog\nweather: snow, rain");
  });
  it("explains the first problem with its line", () => {
    expect(parseVariables("animal cat")).toEqual({ ok: false, error: "Line 1: write it as “name: value, value”." });
    expect(parseVariables("a: x\na: y")).toMatchObject({ ok: false, error: expect.stringContaining("Line 2") });
    expect(parseVariables("a: ,")).toMatchObject({ ok: false, error: expect.stringContaining("at least one value") });
    expect(parseVariables("bad name: x")).toMatchObject({ ok: false });
  });
  it("finds {name} variables but not {a|b} alternations", () => {
    expect(variableNamesIn("a {animal} in {snow|rain} and {animal} {time_of_day}")).toEqual(["animal", "time_of_day"]);
  });
});
