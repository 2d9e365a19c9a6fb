import type { ShareLink } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { emitWebhookEvent } from "../developer-webhooks/emit";

/**
 * After the owner created a share link: log it and, for an image, queue the `image.shared` outgoing webhook
 * (delivered by the worker). The payload never carries the password or the token — only `hasPassword` and the
 * public URL the owner is handing out anyway.
 */
export async function linkCreated(ctx: Ctx, link: ShareLink): Promise<void> {
  ctx.log.info("share link created", { userId: ctx.user.id, kind: link.kind, targetId: link.targetId, linkId: link.id, requestId: ctx.requestId });
  if (link.kind !== "image") return;
  await emitWebhookEvent(ctx.deps, ctx.user.id, "image.shared", {
    imageId: link.targetId,
    linkId: link.id,
    url: link.url,
    hasPassword: link.hasPassword,
    expiresAt: link.expiresAt,
    allowDownload: link.allowDownload,
    showPrompt: link.showPrompt,
  }).catch((err: unknown) => ctx.log.warn("image.shared webhook not queued", { linkId: link.id, err }));
}
