import { type MailT, mailT } from "../../i18n/mail";
import { type RenderedMail, renderMail } from "./layout";

/**
 * Every message the account system sends, in the recipient's language (`language`: the account's; see
 * server/src/i18n). Links are absolute (built from APP_URL by the caller).
 */

const firstName = (t: MailT, name: string) => name.trim().split(/\s+/)[0] || t("friend");

interface To {
  name: string;
  /** The recipient's language (users.language); English when the app does not offer it. */
  language?: string | null;
}

export function verifyEmailMail(appUrl: string, p: To & { url: string }): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("verify.subject"),
      preheader: t("verify.preheader"),
      heading: t("verify.heading", { name: firstName(t, p.name) }),
      paragraphs: [t("verify.body")],
      button: { label: t("verify.button"), url: p.url },
      footnote: t("verify.footnote"),
    },
    appUrl,
    language,
  );
}

export function resetPasswordMail(appUrl: string, p: To & { url: string; expiresMinutes: number }): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("reset.subject"),
      preheader: t("reset.preheader"),
      heading: t("reset.heading"),
      paragraphs: [t("reset.greeting", { name: firstName(t, p.name) }), t("reset.expiry", { minutes: p.expiresMinutes })],
      button: { label: t("reset.button"), url: p.url },
      footnote: t("reset.footnote"),
    },
    appUrl,
    language,
  );
}

export function newSignInMail(appUrl: string, p: To & { when: Date; timeZone?: string | null; device: string; ip: string; sessionsUrl: string }): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("signIn.subject"),
      preheader: t("signIn.preheader", { device: p.device }),
      heading: t("signIn.heading"),
      paragraphs: [t("signIn.body", { name: firstName(t, p.name) })],
      facts: [
        [t("signIn.when"), formatWhen(p.when, language, p.timeZone)],
        [t("signIn.device"), p.device],
        [t("signIn.ip"), p.ip || t("signIn.ipUnknown")],
      ],
      button: { label: t("signIn.button"), url: p.sessionsUrl },
      footnote: t("signIn.footnote"),
    },
    appUrl,
    language,
  );
}

export function twoFactorEnabledMail(appUrl: string, p: To & { when: Date; timeZone?: string | null; settingsUrl: string }): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("twoFactor.subject"),
      preheader: t("twoFactor.preheader"),
      heading: t("twoFactor.heading"),
      paragraphs: [t("twoFactor.body", { name: firstName(t, p.name) }), t("twoFactor.backupCodes")],
      facts: [[t("twoFactor.when"), formatWhen(p.when, language, p.timeZone)]],
      button: { label: t("twoFactor.button"), url: p.settingsUrl },
      footnote: t("twoFactor.footnote"),
    },
    appUrl,
    language,
  );
}

export function accountDeletedMail(appUrl: string, p: To): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("deleted.subject"),
      preheader: t("deleted.preheader"),
      heading: t("deleted.heading"),
      paragraphs: [t("deleted.body", { name: firstName(t, p.name) }), t("deleted.welcomeBack")],
      footnote: t("deleted.footnote"),
    },
    appUrl,
    language,
  );
}

export function existingAccountMail(appUrl: string, p: To & { signInUrl: string }): RenderedMail {
  const { t, language } = mailT(p.language);
  return renderMail(
    {
      subject: t("existing.subject"),
      preheader: t("existing.preheader"),
      heading: t("existing.heading"),
      paragraphs: [t("existing.body", { name: firstName(t, p.name) }), t("existing.signInInstead")],
      button: { label: t("existing.button"), url: p.signInUrl },
      footnote: t("existing.footnote"),
    },
    appUrl,
    language,
  );
}

/** A moment in the recipient's language and time zone (UTC when theirs is unknown or invalid), naming the zone. */
export function formatWhen(when: Date, language: string, timeZone?: string | null): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "long" };
  try {
    return new Intl.DateTimeFormat(language, { ...opts, timeZone: timeZone || "UTC" }).format(when);
  } catch {
    return new Intl.DateTimeFormat(language, { ...opts, timeZone: "UTC" }).format(when);
  }
}
