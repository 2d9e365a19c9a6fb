import { notificationText, type Notification, type NotificationFormat, type NotificationT, type NotificationWords } from "@image-studio/shared";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { formatDate, formatNumber, i18n } from "@/i18n";
import { failureReason } from "@/lib/jobs/failure-reason";

/**
 * A notification's title and body in the language the app shows, from its kind and parameters
 * (notifications:messages.*, the same words the server mails). Rows from before parameters existed, and kinds
 * without words, show their stored text.
 */

const FORMAT: NotificationFormat = { number: (n) => formatNumber(n), date: (iso) => formatDate(iso, { dateStyle: "long" }) };

type FixedT = (key: string, vars?: object) => unknown;
const bind = (fixed: FixedT): NotificationT => (key, vars) => String(fixed(`messages.${key}`, vars ?? {}));

export function wordsOf(n: Pick<Notification, "kind" | "params" | "title" | "body">, fixed: FixedT): NotificationWords {
  // A failed job's reason is stored in English; the texts our code writes have words in every language.
  const reason = n.kind === "job.failed" && n.params && typeof n.params.reason === "string" ? n.params.reason : null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the key names its namespace (common:)
  const params = reason === null ? n.params : { ...n.params, reason: failureReason(fixed as TFunction<any>, reason) };
  return notificationText({ ...n, params }, bind(fixed), FORMAT);
}

/** Outside React (the browser notification): the app's current language. */
export const notificationWordsNow = (n: Pick<Notification, "kind" | "params" | "title" | "body">) =>
  wordsOf(n, i18n.getFixedT(null, "notifications") as unknown as FixedT);

/** In a component: re-worded when the language changes. */
export function useNotificationWords(n: Pick<Notification, "kind" | "params" | "title" | "body">): NotificationWords {
  const { t } = useTranslation("notifications");
  return wordsOf(n, t as unknown as FixedT);
}
