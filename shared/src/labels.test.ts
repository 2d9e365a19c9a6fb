import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, STYLE_PRESETS } from "./catalog-base";
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

  it("has every model's uses, tip and licence note, and the name of every enum option that is not shown as it is", () => {
    // The client's keys: a use or option by its English, lower case, other runs as "-"; a tip or licence by model id.
    const textKey = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const keyOf = (id: string) => id.replaceAll(".", "_");
    const bestFor = en.bestFor as Record<string, string>;
    const tips = en.modelTips as Record<string, string>;
    const licenses = en.modelLicenses as Record<string, string>;
    const options = en.paramOptions as Record<string, Record<string, string>>;
    const uses = new Set(MODELS.flatMap((m) => m.bestFor));
    for (const use of uses) expect(bestFor[textKey(use)], use).toBe(use);
    expect(Object.keys(bestFor)).toHaveLength(uses.size);
    for (const m of MODELS) {
      expect(tips[keyOf(m.id)], m.id).toBe(m.recommended.tip);
      expect(licenses[keyOf(m.id)], m.id).toBe(m.license);
    }
    // Shown as they are (client/src/i18n/labels.ts): technical values and output formats (in capitals).
    const verbatim = new Set(["sampler", "safetyTolerance", "operatingResolution", "outputFormat"]);
    const named = new Map<string, Set<string>>();
    for (const p of MODELS.flatMap((m) => m.params)) {
      if (p.type !== "enum" || verbatim.has(p.key)) continue;
      const set = named.get(p.key) ?? new Set<string>();
      for (const o of p.options ?? []) set.add(textKey(String(o)));
      named.set(p.key, set);
    }
    for (const o of Object.keys(STYLE_PRESETS)) named.get("stylePreset")?.add(o);
    expect(Object.keys(options).sort()).toEqual([...named.keys()].sort());
    for (const [key, set] of named) expect(Object.keys(options[key] ?? {}).sort(), key).toEqual([...set].sort());
  });
});
