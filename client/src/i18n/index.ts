/**
 * The app's languages (react-i18next). English is bundled and is the fallback for every key; another language's
 * catalog loads, one chunk per namespace, when it is chosen. Only complete languages are offered
 * (`UI_LANGUAGE_IDS` in shared; catalog.test.ts holds each to every English key).
 *
 * The language follows the account (`user.language`, also used for its mails); before sign-in, the device's last
 * choice or the browser's languages.
 */
import { isUiLanguage, TRANSLATED_LANGUAGE_IDS } from "@image-studio/shared/languages";
import i18n from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import { en, NAMESPACES } from "./resources";

type Catalog = { default: Record<string, unknown> };
const catalogs = import.meta.glob<Catalog>(["./locales/*/*.json", "!./locales/en/*.json"]);
const sharedCatalogs = import.meta.glob<Catalog>(["../../../shared/src/locales/*/*.json", "!../../../shared/src/locales/en/*.json"]);

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

/** One namespace of a language other than English, from its own chunk. */
export async function loadCatalog(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = catalogs[`./locales/${language}/${namespace}.json`] ?? sharedCatalogs[`../../../shared/src/locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`No ${language} catalog for ${namespace}`);
  return (await load()).default;
}

void i18n
  .use(initReactI18next)
  .use(
    resourcesToBackend(loadCatalog),
  )
  .init({
    resources: { en },
    partialBundledLanguages: true,
    lng: "en",
    fallbackLng: "en",
    // Every language with catalogs in the repository; which of them people may choose is setLanguage's rule.
    supportedLngs: [...TRANSLATED_LANGUAGE_IDS],
    ns: NAMESPACES,
    defaultNS: "common",
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    initAsync: false,
  });

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
export { formatDate, formatDateTime, formatNumber, formatRelative } from "./format";
