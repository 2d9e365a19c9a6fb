import { describe, expect, it } from "vitest";
import { parseBatchCsv } from "./batch-csv";
import { findModel } from "./catalog";
import { flattenCatalog, placeholdersOf } from "./i18n-catalog";
import en from "./locales/en/validation.json";
import { multiPromptProblem } from "./multi-prompt";
import { validateGenerationParams } from "./params";
import { parseTemplate } from "./prompt-template";
import { translateValidationMessage } from "./validation-catalogs";
import { validationKeyOf, type ValidationKey, vm } from "./validation-messages";

describe("messages of the shared checks (validation catalog, checks.*)", () => {
  it("each English text names its own key back, with its values, among all validation messages", () => {
    const checks = [...flattenCatalog(en)].filter(([key]) => key.startsWith("checks."));
    expect(checks.length).toBeGreaterThan(30);
    for (const [key, template] of checks) {
      const vars = Object.fromEntries(placeholdersOf(template).map((name) => [name, `v-${name}`]));
      expect(validationKeyOf(vm(key as ValidationKey, vars)), key).toEqual({ key, vars });
    }
  });

  it("a parameter range, a CSV row, a template and a multi-prompt problem read in German and Spanish", () => {
    const flux = findModel("fal-ai/flux/dev");
    if (!flux) throw new Error("missing fal-ai/flux/dev");
    const checked = validateGenerationParams(flux, { operation: "text-to-image", parameters: { steps: 500 } });
    const range = checked.ok ? "" : (checked.issues[0]?.message ?? "");
    expect(range).toMatch(/^steps must be between \d+ and \d+ for /);
    expect(translateValidationMessage(range, "de")).toMatch(/^steps muss für .+ zwischen \d+ und \d+ liegen$/);

    const csv = parseBatchCsv("prompt,seed\na cat,-3\n", { modelId: "fal-ai/flux/dev" });
    expect(csv.errors.map((e) => translateValidationMessage(e.message, "de"))).toEqual([
      "„-3“ ist kein Seed (eine ganze Zahl von 0 bis 4294967295)",
    ]);
    const header = parseBatchCsv("text,other\nx,y\n", { modelId: "fal-ai/flux/dev" });
    expect(header.errors.map((e) => translateValidationMessage(e.message, "es"))).toEqual(["El CSV necesita una fila de encabezado con una columna prompt"]);
    const short = parseBatchCsv("prompt,seed\na cat,1\na dog\n", { modelId: "fal-ai/flux/dev" });
    expect(short.errors.map((e) => [e.row, e.message])).toEqual([
      [0, "Could not tell how the cells are separated; commas were assumed"],
      [2, "This row has fewer cells than the header"],
    ]);

    const template = parseTemplate("a {9x} cat");
    const issue = template.ok ? "" : (template.issues[0]?.message ?? "");
    expect(issue).toBe('"{9x}" is not a variable name (letters, digits, _ and -); write {a|b} for alternatives');
    expect(translateValidationMessage(issue, "de")).toBe(
      "„{9x}“ ist kein Variablenname (Buchstaben, Ziffern, _ und -); schreiben Sie {a|b} für Alternativen",
    );
    expect(translateValidationMessage(multiPromptProblem("a::0 | b::0") ?? "", "es")).toBe("Da a al menos una parte un peso mayor que 0");
  });
});
