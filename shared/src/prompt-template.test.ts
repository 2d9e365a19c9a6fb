import { describe, expect, it } from "vitest";
import {
  compileTemplate,
  countTemplateExpansions,
  escapeTemplateText,
  expandTemplate,
  parseTemplate,
  templateExpansionAt,
} from "./prompt-template";

const expand = (template: string, vars = {}) => {
  const c = compileTemplate(template, vars);
  if (!c.ok) throw new Error(c.issues.map((i) => i.message).join("; "));
  return [...expandTemplate(c.template, vars)];
};

describe("prompt templates", () => {
  it("expands alternations as a cartesian product, first group slowest", () => {
    expect(expand("a {cat|dog} in {snow|rain}")).toEqual([
      "a cat in snow",
      "a cat in rain",
      "a dog in snow",
      "a dog in rain",
    ]);
  });

  it("fills named variables from value lists, the same value wherever a name repeats", () => {
    const vars = { animal: ["fox", "owl"], time: ["dawn", "dusk", "noon"] };
    const out = expand("{animal} at {time}, a {animal} portrait", vars);
    expect(out).toHaveLength(6);
    expect(out[0]).toBe("fox at dawn, a fox portrait");
    expect(out[5]).toBe("owl at noon, a owl portrait");
  });

  it("mixes alternations and variables, and counts without expanding", () => {
    const c = compileTemplate("{a|b|c} {x} {y}", { x: ["1", "2"], y: ["p", "q", "r", "s"] });
    expect(c.ok && c.count).toBe(24);
    const huge = compileTemplate(
      "{a} {b} {c} {d}",
      Object.fromEntries(["a", "b", "c", "d"].map((k) => [k, Array.from({ length: 200 }, (_, i) => `${k}${i}`)])),
    );
    expect(huge.ok && huge.count).toBe(200 ** 4);
    // Any prompt of the product is reachable directly.
    if (huge.ok)
      expect(
        templateExpansionAt(
          huge.template,
          Object.fromEntries(["a", "b", "c", "d"].map((k) => [k, Array.from({ length: 200 }, (_, i) => `${k}${i}`)])),
          200 ** 4 - 1,
        ),
      ).toBe("a199 b199 c199 d199");
  });

  it("reads escapes literally and keeps empty options, tidying spaces", () => {
    expect(expand("\\{not a var\\} {x\\|y|z}")).toEqual(["{not a var} x|y", "{not a var} z"]);
    expect(expand("a {big |}cat")).toEqual(["a big cat", "a cat"]);
    expect(expand("back\\\\slash")).toEqual(["back\\slash"]);
    expect(escapeTemplateText("{a|b}")).toBe("\\{a\\|b\\}");
    expect(expand(escapeTemplateText("x {a|b} \\ y"))).toEqual(["x {a|b} \\ y"]);
  });

  it("reports unclosed, stray, nested and empty braces with their offsets", () => {
    const bad = (t: string) => {
      const r = parseTemplate(t);
      return r.ok ? [] : r.issues;
    };
    expect(bad("a {cat|dog")[0]).toMatchObject({ at: 2, message: expect.stringMatching(/never closed/) });
    expect(bad("a cat}")[0]).toMatchObject({ at: 5 });
    expect(bad("{a|{b}}")[0]!.message).toMatch(/nested/);
    expect(bad("x {} y")[0]!.message).toMatch(/Empty braces/);
    expect(bad("{big cat}")[0]!.message).toMatch(/not a variable name/);
  });

  it("names variables that have no values", () => {
    const c = compileTemplate("a {animal} and {thing}", { animal: ["cat"], thing: [] });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.issues.map((i) => i.message)).toEqual(["The variable {thing} has no values"]);
  });

  it("is deterministic and pages through the product", () => {
    const p = parseTemplate("{a|b|c}{1|2}");
    if (!p.ok) throw new Error("parse");
    expect(countTemplateExpansions(p.template, {})).toBe(6);
    expect([...expandTemplate(p.template, {}, { offset: 2, limit: 3 })]).toEqual(["b1", "b2", "c1"]);
    expect([...expandTemplate(p.template, {})]).toEqual([...expandTemplate(p.template, {})]);
  });

  it("is one prompt when there is nothing to expand", () => {
    expect(expand("just a prompt")).toEqual(["just a prompt"]);
  });
});
