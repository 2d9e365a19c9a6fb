import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { UI_LANGUAGE_IDS } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { i18n, setLanguage } from "./index";
import { NAMESPACES } from "./resources";

/**
 * The catalogs' completeness: every language the repository has a catalog for carries every English key (plural
 * forms as its own rules ask), the same {{placeholders}}, and no leftovers. A key added in English and not in
 * German fails here, so a language is never half-translated.
 */
const dir = path.join(import.meta.dirname, "locales");
const languages = readdirSync(dir).filter((d) => d !== "en");
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [k: string]: string | Tree };
const read = (lng: string, ns: string): Tree => JSON.parse(readFileSync(path.join(dir, lng, `${ns}.json`), "utf8")) as Tree;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** The keys a language must have for English's keys: plain keys as they are, plural keys in each of its forms. */
function expectedKeys(english: Map<string, string>, lng: string): Map<string, string> {
  const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const out = new Map<string, string>();
  for (const [key, value] of english) {
    if (!PLURAL.test(key)) out.set(key, value);
    else {
      const base = key.replace(PLURAL, "");
      for (const f of forms) if (!out.has(`${base}_${f}`)) out.set(`${base}_${f}`, english.get(`${base}_other`) ?? value);
    }
  }
  return out;
}

describe("translation catalogs", () => {
  it("has one file per namespace in every language, and no others", () => {
    for (const lng of ["en", ...languages]) {
      const files = readdirSync(path.join(dir, lng)).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, lng).toEqual([...NAMESPACES].sort());
    }
  });

  it("has no empty English strings", () => {
    for (const ns of NAMESPACES) for (const [key, value] of flatten(read("en", ns))) expect(value.trim(), `en ${ns}:${key}`).not.toBe("");
  });

  for (const lng of languages) {
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      const problems: string[] = [];
      for (const ns of NAMESPACES) {
        const expected = expectedKeys(flatten(read("en", ns)), lng);
        const actual = flatten(read(lng, ns));
        for (const [key, english] of expected) {
          const value = actual.get(key);
          if (value === undefined || !value.trim()) problems.push(`missing ${ns}:${key}`);
          else if (placeholders(value).join() !== placeholders(english).join()) problems.push(`placeholders differ in ${ns}:${key}`);
        }
        for (const key of actual.keys()) if (!expected.has(key)) problems.push(`not in English: ${ns}:${key}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("offers another language only once every screen reads its text from the catalog", () => {
    const extracted = (JSON.parse(readFileSync(path.join(import.meta.dirname, "extracted.json"), "utf8")) as { paths: string[] }).paths;
    const src = path.join(import.meta.dirname, "..");
    for (const p of extracted) expect(readdirSync(path.join(src, p)).length, p).toBeGreaterThan(0);
    if (UI_LANGUAGE_IDS.length === 1) return;
    const areas = ["app", "components", "routes", ...readdirSync(path.join(src, "features")).map((f) => `features/${f}`)];
    expect(areas.filter((a) => !extracted.includes(a))).toEqual([]);
  });

  it("switches language and falls back to English for one it does not offer", async () => {
    await setLanguage("xx");
    expect(i18n.language).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });
});
