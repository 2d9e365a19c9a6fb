/**
 * Notifications in words, in their reader's language (mail and the live event; the client words the bell itself
 * from the same keys in its `notifications:messages.*`). A language without a catalog here reads English;
 * notifications.test.ts holds every catalog to the English keys, and to the client's text.
 */
import { notificationText, type NotificationFormat, type NotificationWords } from "@image-studio/shared";
import de from "./locales/de/notifications.json";
import en from "./locales/en/notifications.json";
import es from "./locales/es/notifications.json";
import { translatorFor } from "./translator";

export const NOTIFICATION_CATALOGS = { en, de, es } as const;
const translator = translatorFor(NOTIFICATION_CATALOGS, "notifications");

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
  const { t, language } = translator(stored);
  return { ...notificationText(n, t, formatFor(language, timeZone)), language };
}
