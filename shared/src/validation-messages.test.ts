import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registerRequestSchema, updateProfileRequestSchema } from "./auth";
import { catalogProblems, type CatalogTree, flattenCatalog } from "./i18n-catalog";
import { jsonWithin } from "./safe";
import { translateValidationMessage } from "./validation-catalogs";
import { zodLocaleError } from "./validation-locale";
import { validationKeyOf, vm } from "./validation-messages";
import { z } from "zod";

const dir = path.join(import.meta.dirname, "locales");
const read = (lng: string, ns: string) => JSON.parse(readFileSync(path.join(dir, lng, `${ns}.json`), "utf8")) as CatalogTree;
const namespaces = readdirSync(path.join(dir, "en")).map((f) => f.replace(/\.json$/, ""));

describe("shared catalogs (locales/<lng>/<namespace>.json)", () => {
  for (const lng of readdirSync(dir).filter((d) => d !== "en")) {
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      expect(readdirSync(path.join(dir, lng)).sort()).toEqual(readdirSync(path.join(dir, "en")).sort());
      expect(namespaces.flatMap((ns) => catalogProblems(read("en", ns), read(lng, ns), lng, ns))).toEqual([]);
    });
  }

  it("has one English text per validation key, so a message names its key unambiguously", () => {
    const texts = [...flattenCatalog(read("en", "validation")).values()];
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });
});

describe("validation messages", () => {
  it("give schemas the English text, and find the key and values back from it", () => {
    expect(vm("common.atLeastChars", { min: 8 })).toBe("Use at least 8 characters");
    expect(validationKeyOf("Use at least 8 characters")).toEqual({ key: "common.atLeastChars", vars: { min: "8" } });
    expect(validationKeyOf("Enter your email address")).toEqual({ key: "account.emailRequired", vars: {} });
    expect(validationKeyOf("Something else entirely")).toBeUndefined();
  });

  it("translate a schema's own messages, placeholders included, and leave other text alone", () => {
    const issues = registerRequestSchema.safeParse({ name: "", email: "x", password: "short" }).error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual(["Enter your name", "Enter a valid email address", "Use at least 8 characters"]);
    expect(issues.map((i) => translateValidationMessage(i.message, "de"))).toEqual([
      "Geben Sie Ihren Namen ein",
      "Geben Sie eine gültige E-Mail-Adresse ein",
      "Verwenden Sie mindestens 8 Zeichen",
    ]);
    expect(translateValidationMessage("Nothing to update", "es")).toBe("No hay nada que actualizar");
    expect(translateValidationMessage("Nothing to update", "en")).toBe("Nothing to update");
    expect(translateValidationMessage("Nothing to update", "xx")).toBe("Nothing to update");
    expect(translateValidationMessage("Unknown model", "de")).toBe("Unknown model");
    const big = z.unknown().superRefine(jsonWithin(2048)).safeParse({ a: "x".repeat(4000) });
    expect(translateValidationMessage(big.error?.issues[0]?.message ?? "", "de")).toBe("Muss kleiner als 2 KB sein");
  });

  it("leave zod's own messages to zod's locales, below the schema's messages", () => {
    const schema = z.object({ count: z.number().min(3), name: z.string({ error: vm("account.nameRequired") }) });
    const de = schema.safeParse({ count: 1 }, { error: zodLocaleError("de") }).error?.issues.map((i) => i.message);
    expect(de).toEqual(["Zu klein: erwartet, dass number >=3 ist", "Enter your name"]);
    expect(schema.safeParse({ count: 1 }, { error: zodLocaleError("en") }).error?.issues[0]?.message).toBe("Too small: expected number to be >=3");
    expect(zodLocaleError("es")?.({ code: "custom", input: 1, path: [] } as never)).toBe("Entrada inválida");
    expect(updateProfileRequestSchema.safeParse({}).error?.issues[0]?.message).toBe("Nothing to update");
  });
});
