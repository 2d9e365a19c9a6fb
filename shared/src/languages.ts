/**
 * The languages: every one an account may choose, and those the app is complete in. No zod here: the app's entry
 * imports this (client/src/i18n) and must not pull the schemas in.
 */
export const LANGUAGES = [
  { id: "en", label: "English" },
  { id: "de", label: "Deutsch" },
  { id: "es", label: "Español" },
  { id: "fr", label: "Français" },
  { id: "it", label: "Italiano" },
  { id: "pt", label: "Português" },
  { id: "nl", label: "Nederlands" },
  { id: "ja", label: "日本語" },
  { id: "zh", label: "中文" },
] as const;
export type LanguageId = (typeof LANGUAGES)[number]["id"];
/**
 * The languages the app and its mails are completely translated into; only these are offered. A language joins
 * when its catalog has every English key (client/src/i18n/catalog.test.ts) and every screen reads its text from
 * the catalog (the i18next lint in eslint.config.js covers all of client/src). A stored preference for another
 * language shows English until then.
 */
export const UI_LANGUAGE_IDS = ["en", "de", "es"] as const satisfies readonly LanguageId[];
export const UI_LANGUAGES = LANGUAGES.filter((l) => (UI_LANGUAGE_IDS as readonly string[]).includes(l.id));
export const isUiLanguage = (id: string): id is (typeof UI_LANGUAGE_IDS)[number] => (UI_LANGUAGE_IDS as readonly string[]).includes(id);

/** The languages whose catalogs are in the repository (client, mails, API messages); each is complete by the catalog tests. */
export const TRANSLATED_LANGUAGE_IDS = ["en", "de", "es"] as const satisfies readonly LanguageId[];

/**
 * The best of `available` for an `Accept-Language` header (`"de-CH,de;q=0.9,en;q=0.5"`): by quality, then order;
 * a regional tag matches its base language. `fallback` when nothing matches or there is no header.
 */
export function negotiateLanguage<T extends string>(header: string | null | undefined, available: readonly T[], fallback: T): T {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.base && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    const hit = available.find((id) => id === r.base);
    if (hit) return hit;
  }
  return fallback;
}
