/**
 * The mails' languages (i18next, one instance for the server). A mail goes out in its recipient's language when
 * there is a mail catalog for it, else in English; catalog.test.ts holds every catalog to every English key, so a
 * catalog here is always complete.
 */
import { createInstance } from "i18next";
import de from "./locales/de/mail.json";
import en from "./locales/en/mail.json";
import es from "./locales/es/mail.json";

export const MAIL_CATALOGS = { en, de, es } as const;

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type MailKey = Leaves<typeof en>;
export type MailT = (key: MailKey, vars?: Record<string, string | number>) => string;

const i18n = createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(MAIL_CATALOGS).map(([lng, mail]) => [lng, { mail }])),
  lng: "en",
  fallbackLng: "en",
  ns: ["mail"],
  defaultNS: "mail",
  // The layout escapes what it puts in HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The language a mail to someone who chose `stored` goes out in. */
export const mailLanguage = (stored: string | null | undefined): string => (stored && Object.hasOwn(MAIL_CATALOGS, stored) ? stored : "en");

/** A translator for one recipient's language. */
export function mailT(stored: string | null | undefined): { t: MailT; language: string } {
  const language = mailLanguage(stored);
  // Loosely typed on purpose: the client's typecheck also reads this file (through the route types) and types
  // i18next's keys from its own catalog; MailKey types the keys here.
  const fixed = i18n.getFixedT(language) as unknown as (key: string, vars: object) => unknown;
  return { t: (key, vars) => String(fixed(key, vars ?? {})), language };
}
