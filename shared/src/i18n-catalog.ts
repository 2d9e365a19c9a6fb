/**
 * Completeness of a translation catalog against the English one (i18next JSON: nested keys, plural keys with
 * `_one`/`_other`… suffixes). Used by the client's and the server's catalog tests, so a language is never
 * half-translated in either.
 */
export type CatalogTree = { [key: string]: string | CatalogTree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

export function flattenCatalog(tree: CatalogTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flattenCatalog(v, key)) out.set(kk, vv);
  }
  return out;
}

export const placeholdersOf = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** The keys a language must have: plain keys as they are, plural keys in each form the language's rules use. */
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

/** What is wrong with `other` (language `lng`) against English: missing or empty keys, placeholders that differ, leftovers. */
export function catalogProblems(english: CatalogTree, other: CatalogTree, lng: string, ns: string): string[] {
  const problems: string[] = [];
  const expected = expectedKeys(flattenCatalog(english), lng);
  const actual = flattenCatalog(other);
  for (const [key, en] of expected) {
    const value = actual.get(key);
    if (value === undefined || !value.trim()) problems.push(`missing ${ns}:${key}`);
    else if (placeholdersOf(value).join() !== placeholdersOf(en).join()) problems.push(`placeholders differ in ${ns}:${key}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`not in English: ${ns}:${key}`);
  return problems;
}
