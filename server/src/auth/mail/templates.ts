import { type RenderedMail, renderMail } from "./layout";

/** Every message the account system sends. Links are absolute (built from APP_URL by the caller). */

const firstName = (name: string) => name.trim().split(/\s+/)[0] || "there";

export function verifyEmailMail(appUrl: string, p: { name: string; url: string }): RenderedMail {
  return renderMail(
    {
      subject: "Confirm your email for Image Studio",
      preheader: "One click and your studio is ready.",
      heading: `Welcome, ${firstName(p.name)}!`,
      paragraphs: [
        "Confirm your email address to finish setting up your Image Studio account. The link works for one hour.",
      ],
      button: { label: "Confirm my email", url: p.url },
      footnote: "If you didn't create an account, you can ignore this email — nothing happens without a click.",
    },
    appUrl,
  );
}

export function resetPasswordMail(
  appUrl: string,
  p: { name: string; url: string; expiresMinutes: number },
): RenderedMail {
  return renderMail(
    {
      subject: "Reset your Image Studio password",
      preheader: "Choose a new password.",
      heading: "Reset your password",
      paragraphs: [
        `Hi ${firstName(p.name)}, someone (hopefully you) asked to reset the password of your Image Studio account.`,
        `The link works once and expires in ${p.expiresMinutes} minutes. Setting a new password signs you out on every other device.`,
      ],
      button: { label: "Choose a new password", url: p.url },
      footnote: "Didn't ask for this? Ignore this email; your password stays the same.",
    },
    appUrl,
  );
}

export function newSignInMail(
  appUrl: string,
  p: { name: string; when: string; device: string; ip: string; sessionsUrl: string },
): RenderedMail {
  return renderMail(
    {
      subject: "New sign-in to your Image Studio account",
      preheader: `Signed in on ${p.device}.`,
      heading: "New sign-in",
      paragraphs: [`Hi ${firstName(p.name)}, your account was just signed in to.`],
      facts: [
        ["When", p.when],
        ["Device", p.device],
        ["IP address", p.ip || "unknown"],
      ],
      button: { label: "Review my sessions", url: p.sessionsUrl },
      footnote:
        "If this was you, there's nothing to do. If not, change your password and sign out the session from your account settings.",
    },
    appUrl,
  );
}

export function twoFactorEnabledMail(
  appUrl: string,
  p: { name: string; when: string; settingsUrl: string },
): RenderedMail {
  return renderMail(
    {
      subject: "Two-factor authentication is on",
      preheader: "Your account now asks for a code at sign-in.",
      heading: "Two-factor authentication enabled",
      paragraphs: [
        `Hi ${firstName(p.name)}, two-factor authentication was turned on for your account. From now on, signing in asks for a code from your authenticator app.`,
        "Keep your backup codes somewhere safe — each one signs you in once if you lose your phone.",
      ],
      facts: [["When", p.when]],
      button: { label: "Open account settings", url: p.settingsUrl },
      footnote: "If you didn't do this, reset your password right away.",
    },
    appUrl,
  );
}

export function accountDeletedMail(appUrl: string, p: { name: string }): RenderedMail {
  return renderMail(
    {
      subject: "Your Image Studio account was deleted",
      preheader: "Your images, projects and settings are gone.",
      heading: "Your account was deleted",
      paragraphs: [
        `Goodbye, ${firstName(p.name)}. Your Image Studio account, its images, projects, prompts and settings have been deleted for good.`,
        "You're welcome back any time — signing up again starts a fresh studio.",
      ],
      footnote: "If you didn't delete your account, reply to this email right away.",
    },
    appUrl,
  );
}

export function existingAccountMail(appUrl: string, p: { name: string; signInUrl: string }): RenderedMail {
  return renderMail(
    {
      subject: "You already have an Image Studio account",
      preheader: "Sign in or reset your password.",
      heading: "You already have an account",
      paragraphs: [
        `Hi ${firstName(p.name)}, someone tried to sign up with this email address, but it already belongs to your account.`,
        "Sign in instead — or, if you've forgotten your password, use “Forgot password?” on the sign-in page.",
      ],
      button: { label: "Sign in", url: p.signInUrl },
      footnote: "If it wasn't you, you can ignore this email.",
    },
    appUrl,
  );
}
