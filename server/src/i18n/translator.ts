/**
 * One i18next instance per server catalog (notifications, activity): a translator for a reader's language, English
 * for a language without a catalog. Loosely typed on purpose (see mail.ts); each catalog's test checks its keys.
 */
import { createInstance } from "i18next";

export type LooseT = (key: string, vars?: Record<string, string | number>) => string;

export function translatorFor(catalogs: Record<string, object>, ns: string) {
  const i18n = createInstance();
  void i18n.init({
    resources: Object.fromEntries(Object.entries(catalogs).map(([lng, catalog]) => [lng, { [ns]: catalog }])),
    lng: "en",
    fallbackLng: "en",
    ns: [ns],
    defaultNS: ns,
    // Mail's layout escapes what it puts in HTML; JSON answers carry plain text.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const languageOf = (stored: string | null | undefined): string => (stored && Object.hasOwn(catalogs, stored) ? stored : "en");
  return (stored: string | null | undefined): { t: LooseT; language: string } => {
    const language = languageOf(stored);
    const fixed = i18n.getFixedT(language) as unknown as (key: string, vars: object) => unknown;
    return { t: (key, vars) => String(fixed(key, vars ?? {})), language };
  };
}
