/**
 * Notifications in words, in their reader's language (mail and the live event; the client words the bell itself
 * from the same keys in its `notifications:messages.*`). A language without a catalog here reads English;
 * catalog.test.ts holds every catalog to the English keys, and to the client's text.
 */
import { notificationText, type NotificationFormat, type NotificationT, type NotificationWords } from "@image-studio/shared";
import { createInstance } from "i18next";
import de from "./locales/de/notifications.json";
import en from "./locales/en/notifications.json";
import es from "./locales/es/notifications.json";

export const NOTIFICATION_CATALOGS = { en, de, es } as const;

const i18n = createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(NOTIFICATION_CATALOGS).map(([lng, notifications]) => [lng, { notifications }])),
  lng: "en",
  fallbackLng: "en",
  ns: ["notifications"],
  defaultNS: "notifications",
  // Mail's layout escapes what it puts in HTML; the live event is JSON.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const notificationLanguage = (stored: string | null | undefined): string => (stored && Object.hasOwn(NOTIFICATION_CATALOGS, stored) ? stored : "en");

function formatFor(language: string, timeZone?: string | null): NotificationFormat {
  const number = new Intl.NumberFormat(language);
  const date = (iso: string) => {
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) return iso;
    try {
      return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: timeZone || "UTC" }).format(when);
    } catch {
      return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(when);
    }
  };
  return { number: (n) => number.format(n), date };
}

/** Title and body of a notification for a reader of `stored` language (and time zone, for dates). */
export function notificationWords(
  n: { kind: string; params?: unknown; title: string; body: string },
  stored: string | null | undefined,
  timeZone?: string | null,
): NotificationWords & { language: string } {
  const language = notificationLanguage(stored);
  // Loosely typed on purpose (see mail.ts): the keys are checked by the catalog test against every kind's words.
  const fixed = i18n.getFixedT(language) as unknown as (key: string, vars: object) => unknown;
  const t: NotificationT = (key, vars) => String(fixed(key, vars ?? {}));
  return { ...notificationText(n, t, formatFor(language, timeZone)), language };
}
