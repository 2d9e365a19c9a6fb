/**
 * The app's languages (react-i18next). English `common` and `shell` are bundled (the frame and shared components);
 * every other catalog — a feature's namespace in any language, English included — is a chunk of its own, loaded
 * before the route that reads it renders (./routes.ts). English is the fallback for every key. Only complete
 * languages are offered (`UI_LANGUAGE_IDS` in shared; catalog.test.ts holds each to every English key).
 *
 * The language follows the account (`user.language`, also used for its mails); before sign-in, the device's last
 * choice or the browser's languages.
 */
import { isUiLanguage, TRANSLATED_LANGUAGE_IDS } from "@image-studio/shared/languages";
import i18n from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import { BUNDLED_NAMESPACES, en, type Namespace } from "./resources";

type Catalog = { default: Record<string, unknown> };
// The two English catalogs in the entry are left out: they are never fetched. Namespaces the server speaks too
// (validation messages, label tables) live in shared/src/locales.
const catalogs = import.meta.glob<Catalog>(["./locales/*/*.json", "!**/en/{common,shell}.json"]);
const sharedCatalogs = import.meta.glob<Catalog>("../../../shared/src/locales/*/*.json");

const KEY = "image-studio:language";

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The language to start in: this device's last choice, else the first of the browser's languages the app speaks. */
export function deviceLanguage(): string {
  const stored = storedLanguage();
  if (stored && isUiLanguage(stored)) return stored;
  const wanted = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of wanted) {
    const base = tag?.toLowerCase().split("-")[0];
    if (base && isUiLanguage(base)) return base;
  }
  return "en";
}

/** One namespace of one language, from its own chunk (English `common` and `shell` are bundled, never fetched). */
export async function loadCatalog(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load =
    catalogs[`./locales/${language}/${namespace}.json`] ??
    sharedCatalogs[`../../../shared/src/locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`No ${language} catalog for ${namespace}`);
  return (await load()).default;
}

let initStarted = false;

/**
 * Sets i18next up with the bundled English catalogs (synchronous). Called by the app's start in a task of its own
 * after the shell's modules have run (main.tsx; on a phone it was 3–6 ms of the shell's evaluation, Lighthouse's
 * long task), and by every other entry that renders translated text (the prerender, the tests). Safe to call again.
 */
export function initI18n(): void {
  if (initStarted) return;
  initStarted = true;
  void i18n
    .use(initReactI18next)
    .use(resourcesToBackend(loadCatalog))
    .init({
      // Copies: i18next adds every namespace it loads to these (the exported ones stay the two bundled).
      resources: { en: { ...en } },
      partialBundledLanguages: true,
      lng: "en",
      fallbackLng: "en",
      // Every language with catalogs in the repository; which of them people may choose is setLanguage's rule.
      supportedLngs: [...TRANSLATED_LANGUAGE_IDS],
      // The rest join when a route loads them (loadNamespaces); a change of language then loads every one loaded so far.
      ns: [...BUNDLED_NAMESPACES],
      defaultNS: "common",
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      initAsync: false,
    });
}

/**
 * Makes namespaces ready in the app's language (and English, the fallback) — undefined when they already are, so a
 * route that was visited before renders without waiting a tick.
 */
export function loadNamespaces(namespaces: readonly Namespace[]): Promise<void> | undefined {
  const missing = [...new Set(namespaces)].filter((ns) => !i18n.hasLoadedNamespace(ns));
  return missing.length ? i18n.loadNamespaces(missing).then(() => undefined) : undefined;
}

/** Switches the app's language (an unoffered one falls back to English) and remembers it on this device. */
export async function setLanguage(id: string): Promise<void> {
  const lng = isUiLanguage(id) ? id : "en";
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    /* storage blocked */
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
  if (typeof document !== "undefined") document.documentElement.lang = lng;
}

/** The active language, for Intl formatting (dates, numbers, relative times) in the app's language. */
export const currentLocale = (): string => i18n.resolvedLanguage ?? i18n.language ?? "en";

export { i18n };
export {
  forgetDateFormatters,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  warmFormatters,
} from "./format";
