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
export const UI_LANGUAGE_IDS = ["en"] as const satisfies readonly LanguageId[];
export const UI_LANGUAGES = LANGUAGES.filter((l) => (UI_LANGUAGE_IDS as readonly string[]).includes(l.id));
export const isUiLanguage = (id: string): id is (typeof UI_LANGUAGE_IDS)[number] => (UI_LANGUAGE_IDS as readonly string[]).includes(id);
