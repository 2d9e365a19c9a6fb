import type { Announcement, AnnouncementKind } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import type { Ctx, Deps } from "../../context";
import type { Db } from "../../db/client";
import { AppError, notFound } from "../../lib/errors";
import { audit } from "../audit/audit";
import { notify } from "../notifications/notify";
import * as repo from "./announcements.repo";
import { usersOfModel } from "./model-stats.repo";

/** Model announcements: admins post them; everyone reads them; users who ran the model get a notification. */

function toView(r: repo.AnnouncementRow, admin = false): Announcement {
  return {
    id: r.id,
    modelId: r.modelId,
    kind: r.kind as AnnouncementKind,
    title: r.title,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    ...(admin ? { authorEmail: r.authorEmail, notified: r.notified } : {}),
  };
}


export async function create(ctx: Ctx, input: { modelId: string; kind: AnnouncementKind; title: string; body: string }) {
  const model = await ctx.deps.catalog.get(input.modelId);
  if (!model) throw new AppError("VALIDATION_FAILED", msg("models.chooseFromCatalog"), { issues: [{ path: ["modelId"], message: msg("issue.unknownModel") }] });
  const row = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const created = await repo.insertAnnouncement(tx, { ...input, authorId: ctx.user.id, authorEmail: ctx.user.email });
    await audit(ctx, { action: "announcement.create", targetType: "model", targetId: input.modelId, details: { announcementId: created.id, kind: input.kind, title: input.title } }, tx);
    return created;
  });
  const recipients = await usersOfModel(ctx.db, input.modelId);
  let notified = 0;
  for (const userId of recipients) {
    const sent = await notify(ctx.deps, {
      userId,
      kind: "model.announcement",
      params: { announcementKind: input.kind, model: model.displayName, title: input.title, body: input.body },
      link: `/models/${input.modelId}`,
      data: { announcementId: row.id, modelId: input.modelId },
      dedupeKey: `model.announcement:${row.id}`,
    });
    if (sent) notified++;
  }
  await repo.setNotified(ctx.db, row.id, notified);
  ctx.log.info("model announcement posted", { adminId: ctx.user.id, modelId: input.modelId, notified });
  return toView({ ...row, notified }, true);
}

export async function list(deps: Deps, q: { modelId?: string; limit: number }, admin = false) {
  const rows = await repo.listAnnouncements(deps.database.db, q);
  return { items: rows.map((r) => toView(r, admin)) };
}

export async function remove(ctx: Ctx, id: string) {
  const row = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const deleted = await repo.deleteAnnouncement(tx, id);
    if (deleted) await audit(ctx, { action: "announcement.delete", targetType: "model", targetId: deleted.modelId, details: { announcementId: id, title: deleted.title } }, tx);
    return deleted;
  });
  if (!row) throw notFound("announcement");
  return { deleted: true };
}
