import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { catalogProblems, type CatalogTree, flattenCatalog } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { i18n, loadCatalog, setLanguage } from "./index";
import { BUNDLED_NAMESPACES, NAMESPACES as ALL_NAMESPACES, SHARED_NAMESPACES } from "./resources";

/**
 * The catalogs' completeness: every language the repository has a catalog for carries every English key (plural
 * forms as its own rules ask), the same {{placeholders}}, and no leftovers. A key added in English and not in
 * German fails here, so a language is never half-translated.
 */
const dir = path.join(import.meta.dirname, "locales");
// The shared namespaces' catalogs live in shared/src/locales, held complete by shared's own test.
const NAMESPACES = ALL_NAMESPACES.filter((ns) => !SHARED_NAMESPACES.includes(ns));
const languages = readdirSync(dir).filter((d) => d !== "en");
const read = (lng: string, ns: string): CatalogTree => JSON.parse(readFileSync(path.join(dir, lng, `${ns}.json`), "utf8")) as CatalogTree;

describe("translation catalogs", () => {
  it("has one file per namespace in every language, and no others", () => {
    for (const lng of ["en", ...languages]) {
      const files = readdirSync(path.join(dir, lng)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, lng).toEqual([...NAMESPACES].sort());
    }
  });

  it("never names a <Trans> component after a void HTML element (its text would be dropped)", () => {
    const voidTag = /<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)>/;
    for (const lng of ["en", ...languages])
      for (const ns of NAMESPACES) for (const [key, value] of flattenCatalog(read(lng, ns))) expect(voidTag.test(value), `${lng} ${ns}:${key}`).toBe(false);
  });

  it("has no empty English strings", () => {
    for (const ns of NAMESPACES) for (const [key, value] of flattenCatalog(read("en", ns))) expect(value.trim(), `en ${ns}:${key}`).not.toBe("");
  });

  for (const lng of languages) {
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      expect(NAMESPACES.flatMap((ns) => catalogProblems(read("en", ns), read(lng, ns), lng, ns))).toEqual([]);
    });
  }

  it("has every screen on the catalog: each area of client/src is under the literal-text lint", () => {
    const extracted = (JSON.parse(readFileSync(path.join(import.meta.dirname, "extracted.json"), "utf8")) as { paths: string[] }).paths;
    const src = path.join(import.meta.dirname, "..");
    const areas = ["app", "components", "routes", ...readdirSync(path.join(src, "features")).map((f) => `features/${f}`)];
    // A new feature folder joins extracted.json (and so the lint) before it lands.
    expect(areas.filter((a) => !extracted.includes(a))).toEqual([]);
    for (const p of extracted) expect(areas, p).toContain(p);
  });

  it("loads a namespace from its own chunk, English too, except the two bundled in the entry", async () => {
    const de = await loadCatalog("de", "settings");
    expect((de.region as Record<string, string>).title).toBe("Sprache und Region");
    const en = await loadCatalog("en", "settings");
    expect((en.region as Record<string, string>).title).toBe("Language and region");
    await expect(loadCatalog("xx", "settings")).rejects.toThrow("No xx catalog for settings");
    for (const ns of BUNDLED_NAMESPACES) await expect(loadCatalog("en", ns)).rejects.toThrow(`No en catalog for ${ns}`);
    expect([...BUNDLED_NAMESPACES].sort()).toEqual(["common", "shell"]);
    const validation = await loadCatalog("es", "validation"); // a shared namespace, from shared/src/locales
    expect((validation.account as Record<string, string>).nameRequired).toBe("Introduce tu nombre");
  });

  it("switches language and falls back to English for one it does not offer", async () => {
    await setLanguage("xx");
    expect(i18n.language).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });
});
