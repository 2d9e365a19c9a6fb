import { describe, expect, it } from "vitest";
import { findModel } from "./catalog";
import { validateGenerationParams } from "./params";
import { BUILTIN_PROJECT_TEMPLATES, findBuiltinTemplate } from "./project-templates";
import { projectCreateSchema, projectSettingsSchema } from "./projects";

describe("built-in project templates", () => {
  it("offers the four named templates, with unique ids that a project create accepts", () => {
    expect(BUILTIN_PROJECT_TEMPLATES.map((t) => t.name)).toEqual([
      "Product shots",
      "Character design",
      "Social media posts",
      "Logo exploration",
    ]);
    const ids = BUILTIN_PROJECT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(projectCreateSchema.safeParse({ name: "x", templateId: id }).success).toBe(true);
      expect(findBuiltinTemplate(id)?.id).toBe(id);
    }
    expect(projectCreateSchema.safeParse({ name: "x", templateId: "builtin-nope" }).success).toBe(false);
    expect(findBuiltinTemplate("builtin-nope")).toBeUndefined();
  });

  it.each(BUILTIN_PROJECT_TEMPLATES.map((t) => [t.name, t] as const))(
    "%s names a catalog model whose parameters validate, and settings a project can store",
    (_name, t) => {
      const model = findModel(t.settings.defaultModelId);
      expect(model, t.settings.defaultModelId).toBeDefined();
      expect(model!.operations).toContain("text-to-image");
      const checked = validateGenerationParams(model!, {
        operation: "text-to-image",
        parameters: { ...t.settings.defaultParameters },
      });
      expect(checked.ok ? [] : checked.issues).toEqual([]);
      expect(t.settings.promptStarters.length).toBeGreaterThan(0);
      expect(
        projectSettingsSchema.safeParse({
          ...t.settings,
          defaultParameters: { ...t.settings.defaultParameters },
          promptStarters: [...t.settings.promptStarters],
        }).success,
      ).toBe(true);
    },
  );
});
