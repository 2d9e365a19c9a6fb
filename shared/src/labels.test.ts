import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS } from "./catalog-base";
import { MODELS } from "./catalog-models";
import { CONTROL_TYPE_LABELS, CONTROL_TYPES } from "./conditioning";
import en from "./locales/en/labels.json";
import { MODIFIER_CATEGORIES, PROMPT_MODIFIERS } from "./prompt-tools";

/** The label tables the client shows from the `labels` catalog by id: every id has its entry, in the same English. */
describe("labels catalog", () => {
  it("has each table's English text under the row's id", () => {
    const modifiers = en.modifiers as Record<string, Record<string, string>>;
    for (const m of PROMPT_MODIFIERS) {
      const [category, slug] = m.id.split(":") as [string, string];
      expect(modifiers[category]?.[slug], m.id).toBe(m.label);
    }
    expect(Object.values(modifiers).flatMap((c) => Object.keys(c))).toHaveLength(PROMPT_MODIFIERS.length);
    for (const c of MODIFIER_CATEGORIES) expect(en.modifierCategories[c.id]).toBe(c.label);
    for (const r of ASPECT_RATIOS) expect((en.aspectRatios as Record<string, string>)[r.id.replace(":", "x")], r.id).toBe(r.label);
    expect(Object.keys(en.aspectRatios)).toHaveLength(ASPECT_RATIOS.length);
    expect(Object.keys(CONTROL_TYPE_LABELS).sort()).toEqual([...CONTROL_TYPES].sort());
    expect(ASPECT_RATIOS[0].label).toBe("Square");
  });

  it("has every catalog model's description and each parameter's label and description, per model where it differs", () => {
    type Text = { label?: string; description?: string };
    const models = en.models as Record<string, string>;
    const params = en.params as Record<string, Required<Text>>;
    const modelParams = en.modelParams as Record<string, Record<string, Text>>;
    // Model ids become keys with "." as "_" (i18next's key separator); the client looks them up the same way.
    const keyOf = (id: string) => id.replaceAll(".", "_");
    for (const m of MODELS) {
      const key = keyOf(m.id);
      expect(models[key], m.id).toBe(m.description);
      for (const p of m.params) {
        const own = modelParams[key]?.[p.key];
        expect(own?.label ?? params[p.key]?.label, `${m.id} ${p.key}`).toBe(p.label);
        expect(own?.description ?? params[p.key]?.description, `${m.id} ${p.key}`).toBe(p.description);
      }
    }
    expect(Object.keys(models)).toHaveLength(MODELS.length);
    expect(Object.keys(params).sort()).toEqual([...new Set(MODELS.flatMap((m) => m.params.map((p) => p.key)))].sort());
  });
});
