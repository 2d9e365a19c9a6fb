import { DEFAULT_NOTIFICATION_PREFERENCES, type KindWithParams, type Notification, type NotificationChannels, type NotificationKind } from "@image-studio/shared";
import type { Deps } from "../../context";
import type { Db } from "../../db/client";
import { mailerFor } from "../../auth/mail/mailer";
import { renderMail } from "../../auth/mail/layout";
import { mailT } from "../../i18n/mail";
import { notificationWords } from "../../i18n/notifications";
import { insertNotification, recipient, type NotificationRow } from "./notifications.repo";

/**
 * The one way anything tells a user something: the bell (a row + a live `notification` event on the user's
 * event stream, which the client may also show as a browser notification) and, when the user wants it for this
 * kind, an e-mail. Preferences are per kind and channel (`settings.notificationPreferences`); the global
 * `notificationsEnabled` switch off means nothing but the bell. Never throws into the caller's work: a failed
 * notification is logged, not a failed generation.
 *
 * A notification is its kind + parameters (shared/src/notification-text.ts): the row keeps them and their English
 * wording (the fallback for anyone without the kind's words); the mail and the live event are worded in the
 * recipient's language, and the client words the bell in the language it shows.
 */
export type NotifyInput = KindWithParams & {
  userId: string;
  /** In-app path the notification opens (e.g. `/images/<id>`). */
  link?: string | null;
  data?: Record<string, unknown>;
  /** Once per user per key (e.g. `credits.low:2026-12`). */
  dedupeKey?: string;
};

export function channelsFor(prefs: unknown, kind: NotificationKind): NotificationChannels {
  const base = DEFAULT_NOTIFICATION_PREFERENCES[kind];
  const own = prefs && typeof prefs === "object" ? (prefs as Record<string, Partial<NotificationChannels> | undefined>)[kind] : undefined;
  return { ...base, ...(own ?? {}) };
}

/** The API's view of a row; with `language`, title and body are worded in it (else the stored English). */
export function toNotificationView(row: NotificationRow, language?: string | null, timeZone?: string | null): Notification {
  const words = language ? notificationWords(row, language, timeZone) : row;
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: words.title,
    body: words.body,
    params: row.params ?? null,
    link: row.link,
    data: row.data,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function notify(deps: Deps, input: NotifyInput, db: Db = deps.database.db): Promise<Notification | null> {
  try {
    const who = await recipient(db, input.userId);
    if (!who) return null;
    const channels = channelsFor(who.prefs, input.kind);
    const enabled = who.notificationsEnabled;
    // The row is the dedupe record too, so it is written even when the bell is off for this kind (then born read).
    const english = notificationWords({ kind: input.kind, params: input.params, title: "", body: "" }, "en", who.timeZone);
    const row = await insertNotification(db, {
      userId: input.userId,
      kind: input.kind,
      title: english.title,
      body: english.body,
      params: input.params,
      link: input.link ?? null,
      data: { ...(input.data ?? {}), push: enabled && channels.push },
      dedupeKey: input.dedupeKey ?? null,
      readAt: channels.inApp ? null : new Date(),
    });
    if (!row) return null;
    const view = toNotificationView(row, who.language, who.timeZone);
    if (channels.inApp || (enabled && channels.push)) deps.events.publish(input.userId, { type: "notification", notification: view });
    if (enabled && channels.mail && who.email && !who.isGuest) {
      const url = input.link ? new URL(input.link, deps.env.APP_URL).href : deps.env.APP_URL;
      const { t } = mailT(who.language);
      await mailerFor(deps).deliver(
        who.email,
        renderMail(
          {
            subject: view.title,
            preheader: view.body || view.title,
            heading: view.title,
            paragraphs: view.body ? [view.body] : [],
            button: { label: t("notification.button"), url },
            footnote: t("notification.footnote"),
          },
          deps.env.APP_URL,
          who.language,
        ),
      );
    }
    return view;
  } catch (err) {
    deps.log.warn("notification failed", { err, userId: input.userId, kind: input.kind });
    return null;
  }
}
