import { describe, expect, it } from "vitest";
import { appendModifier, coveredCategories, modifiersFor, PROMPT_MODIFIERS, promptVariations, refinementSuggestions, suggestFromHistory } from "./prompt-tools";

describe("quick-add modifiers", () => {
  it("are model-aware: negative boosters only for models with a negative prompt, SD tags not for FLUX", () => {
    const flux = modifiersFor({ category: "flux", supportsNegativePrompt: false });
    const sdxl = modifiersFor({ category: "stable-diffusion", supportsNegativePrompt: true });
    expect(flux.some((x) => x.category === "negative")).toBe(false);
    expect(flux.some((x) => x.label === "Masterpiece tags")).toBe(false);
    expect(flux.some((x) => x.label === "Fine textures")).toBe(true);
    expect(sdxl.some((x) => x.category === "negative")).toBe(true);
    expect(sdxl.some((x) => x.label === "Fine textures")).toBe(false);
  });
  it("search by label, text or keyword; ids are unique", () => {
    expect(modifiersFor({ category: "flux" }, "sunset").map((x) => x.label)).toEqual(["Golden hour"]);
    // The label in the reader's language matches too, next to the English one.
    const german = (m: { id: string; label: string }) => (m.id === "style:watercolor" ? "Aquarell" : m.label);
    expect(modifiersFor({ category: "flux" }, "aquarell").map((x) => x.id)).toEqual([]);
    expect(modifiersFor({ category: "flux" }, "aquarell", german).map((x) => x.id)).toEqual(["style:watercolor"]);
    expect(modifiersFor({ category: "flux" }, "watercolor", german).map((x) => x.id)).toEqual(["style:watercolor"]);
    expect(new Set(PROMPT_MODIFIERS.map((x) => x.id)).size).toBe(PROMPT_MODIFIERS.length);
  });
  it("append once, comma-separated", () => {
    expect(appendModifier("a cat, ", "golden hour lighting")).toBe("a cat, golden hour lighting");
    expect(appendModifier("a cat, golden hour lighting", "Golden hour lighting")).toBe("a cat, golden hour lighting");
    expect(appendModifier("", "pixel art")).toBe("pixel art");
  });
});

describe("promptVariations", () => {
  it("is deterministic, distinct from the input and from each other", () => {
    const p = "a beautiful old castle in a misty forest, golden hour lighting, wide-angle shot";
    const a = promptVariations(p, { count: 5 });
    const b = promptVariations(p, { count: 5 });
    expect(a).toEqual(b);
    expect(a.length).toBe(5);
    expect(new Set(a.map((v) => v.prompt.toLowerCase())).size).toBe(5);
    expect(a.every((v) => v.prompt !== p)).toBe(true);
    expect(promptVariations(p, { count: 5, seed: 7 })).not.toEqual(a);
  });
  it("gives nothing for an empty prompt", () => {
    expect(promptVariations("   ")).toEqual([]);
  });
});

describe("refinementSuggestions", () => {
  it("suggests lighting when none is named and a negative prompt when the model takes one", () => {
    const s = refinementSuggestions({ prompt: "a red fox sitting in tall grass near a river", model: { category: "stable-diffusion", supportsNegativePrompt: true } });
    expect(s.map((x) => x.id)).toEqual(expect.arrayContaining(["add-lighting", "add-negative"]));
  });
  it("calls a crowded prompt busy and a high guidance too high", () => {
    const busy = Array.from({ length: 12 }, (_, i) => `idea ${i}`).join(", ");
    const s = refinementSuggestions({ prompt: `${busy}, soft light, close-up shot`, parameters: { guidanceScale: 15 } }, 10);
    expect(s[0]!.id).toBe("too-busy");
    expect(s.find((x) => x.id === "lower-guidance")?.parameters).toEqual({ guidanceScale: 7 });
    expect(s.some((x) => x.id === "add-lighting")).toBe(false);
  });
  it("recognises covered categories", () => {
    expect([...coveredCategories("portrait, rim lighting, 85mm lens")].sort()).toEqual(["camera", "lighting"]);
  });
});

describe("suggestFromHistory", () => {
  const now = new Date("2026-12-05T00:00:00Z");
  const entries = [
    { text: "a cat in the snow", uses: 1, lastUsedAt: "2026-01-01T00:00:00Z" },
    { text: "a cat on a sofa, cozy", uses: 9, lastUsedAt: "2026-12-04T00:00:00Z" },
    { text: "portrait of a cat wearing a hat", uses: 3, lastUsedAt: "2026-12-01T00:00:00Z" },
    { text: "a dog", uses: 50, lastUsedAt: "2026-12-04T00:00:00Z" },
  ];
  it("ranks prefix matches first, then word matches, by uses and recency", () => {
    expect(suggestFromHistory("a cat", entries, { now }).map((e) => e.text)).toEqual(["a cat on a sofa, cozy", "a cat in the snow", "portrait of a cat wearing a hat"]);
    expect(suggestFromHistory("cat hat", entries, { now }).map((e) => e.text)).toEqual(["portrait of a cat wearing a hat"]);
  });
  it("needs two characters and never suggests what was typed", () => {
    expect(suggestFromHistory("a", entries, { now })).toEqual([]);
    expect(suggestFromHistory("a dog", entries, { now })).toEqual([]);
  });
});
