import { BUILTIN_PROJECT_TEMPLATES, LIMITS, type Project } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { addTags } from "@/components/ui/tags-input";
import { templateSummary } from "./template-select";

describe("project tags and templates in the client", () => {
  it("adds typed tags: split on commas, trimmed, no repeats, within the limits", () => {
    expect(addTags(["a"], " b, a ,, c ")).toEqual(["a", "b", "c"]);
    expect(addTags([], "x".repeat(LIMITS.tagMaxLength + 5))[0]).toHaveLength(LIMITS.tagMaxLength);
    const many = Array.from({ length: LIMITS.tagsPerImage + 3 }, (_, i) => `t${i}`).join(",");
    expect(addTags([], many)).toHaveLength(LIMITS.tagsPerImage);
  });

  it("summarises a ready-made template by its model's name and starters, and a user's template by its settings", () => {
    const product = BUILTIN_PROJECT_TEMPLATES.find((t) => t.name === "Product shots")!;
    expect(templateSummary(product.id, [])).toBe(
      `${product.description} Default model: FLUX1.1 [pro]. ${product.settings.promptStarters.length} prompt starters.`,
    );
    const own = { id: "u1", settings: { defaultModelId: "local/sketch", promptStarters: ["one"] } } as Project;
    expect(templateSummary("u1", [own])).toBe("Default model: Local sketch. 1 prompt starter.");
    expect(templateSummary("missing", [own])).toBeNull();
  });
});
