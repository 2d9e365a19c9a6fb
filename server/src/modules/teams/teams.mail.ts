import type { TeamInvitation } from "@image-studio/shared";
import { renderMail } from "../../auth/mail/layout";
import { mailerFor } from "../../auth/mail/mailer";
import type { Ctx } from "../../context";
import { notify } from "../notifications/notify";

/** The in-app page an invitation opens: the Teams page, which offers accept and decline. */
export const invitationPath = (id: string) => `/teams?invite=${id}`;

/**
 * Tells the invitee: someone with an account gets a `team.invite` notification (bell, and mail as their settings
 * say); an address without an account gets the invitation mail with a link to sign up and accept.
 */
export async function sendInvitation(ctx: Ctx, inv: TeamInvitation, userId: string | undefined): Promise<void> {
  const title = `${ctx.user.name} invited you to the team “${inv.teamName}”`;
  const body = `You would join as ${inv.role === "admin" ? "an admin" : `a ${inv.role}`}. The invitation is open until ${inv.expiresAt.slice(0, 10)}.`;
  if (userId) {
    await notify(ctx.deps, { userId, kind: "team.invite", title, body, link: invitationPath(inv.id), data: { teamId: inv.teamId, invitationId: inv.id } });
    return;
  }
  const appUrl = ctx.deps.env.APP_URL;
  const url = new URL(`/sign-up?redirect=${encodeURIComponent(invitationPath(inv.id))}`, appUrl).href;
  try {
    await mailerFor(ctx.deps).deliver(
      inv.email,
      renderMail(
        {
          subject: title,
          preheader: body,
          heading: `Join “${inv.teamName}” on Image Studio`,
          paragraphs: [title + ".", body, `Create your account with this address (${inv.email}) and accept the invitation on the Teams page.`],
          button: { label: "Accept the invitation", url },
          footnote: "If you did not expect this invitation, you can ignore this mail.",
        },
        appUrl,
      ),
    );
  } catch (err) {
    ctx.log.warn("team invitation mail failed", { invitationId: inv.id, err });
  }
}
