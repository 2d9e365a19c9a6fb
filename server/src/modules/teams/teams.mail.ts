import type { TeamInvitation } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { renderMail } from "../../auth/mail/layout";
import { mailerFor } from "../../auth/mail/mailer";
import type { Ctx } from "../../context";
import { users } from "../../db/schema";
import { mailT } from "../../i18n/mail";
import { notify } from "../notifications/notify";

/** The in-app page an invitation opens: the Teams page, which offers accept and decline. */
export const invitationPath = (id: string) => `/teams?invite=${id}`;

/**
 * Tells the invitee: someone with an account gets a `team.invite` notification (bell, and mail as their settings
 * say); an address without an account gets the invitation mail with a link to sign up and accept.
 */
export async function sendInvitation(ctx: Ctx, inv: TeamInvitation, userId: string | undefined): Promise<void> {
  if (userId) {
    const params = { inviter: ctx.user.name, team: inv.teamName, role: inv.role, expiresAt: inv.expiresAt };
    await notify(ctx.deps, { userId, kind: "team.invite", params, link: invitationPath(inv.id), data: { teamId: inv.teamId, invitationId: inv.id } });
    return;
  }
  // Someone without an account: their language is unknown, so the mail speaks the inviter's.
  const [inviter] = await ctx.db.select({ language: users.language }).from(users).where(eq(users.id, ctx.user.id));
  const { t, language } = mailT(inviter?.language);
  const title = t("invite.title", { inviter: ctx.user.name, team: inv.teamName });
  const body = t("invite.asRole", { role: t(`invite.roles.${inv.role}`), date: inv.expiresAt.slice(0, 10) });
  const appUrl = ctx.deps.env.APP_URL;
  const url = new URL(`/sign-up?redirect=${encodeURIComponent(invitationPath(inv.id))}`, appUrl).href;
  try {
    await mailerFor(ctx.deps).deliver(
      inv.email,
      renderMail(
        {
          subject: title,
          preheader: body,
          heading: t("invite.heading", { team: inv.teamName }),
          paragraphs: [`${title}.`, body, t("invite.createAccount", { email: inv.email })],
          button: { label: t("invite.button"), url },
          footnote: t("invite.footnote"),
        },
        appUrl,
        language,
      ),
    );
  } catch (err) {
    ctx.log.warn("team invitation mail failed", { invitationId: inv.id, err });
  }
}
