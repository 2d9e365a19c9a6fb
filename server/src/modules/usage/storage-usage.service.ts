import type { StorageUsage } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { quotaOf } from "./quota.service";
import * as repo from "./storage-usage.repo";

/**
 * Storage used by the caller: images, each stored object once (copies share originals) — live and trash totals,
 * and the live ones by project and by model —, the uploads, and the quota they count against. Image bytes count
 * the originals (thumbnails add a few percent).
 */
export async function storageUsage(ctx: Ctx): Promise<StorageUsage> {
  const [totals, byProject, byModel, uploads, byMedia] = await Promise.all([
    repo.totals(ctx.db, ctx.user.id),
    repo.byProject(ctx.db, ctx.user.id),
    repo.byModel(ctx.db, ctx.user.id),
    repo.uploadsTotal(ctx.db, ctx.user.id),
    repo.byMediaType(ctx.db, ctx.user.id),
  ]);
  const live = totals.find((t) => !t.inTrash);
  const trash = totals.find((t) => t.inTrash);
  const row = (r?: { bytes: string; count: number }) => ({ bytes: Number(r?.bytes ?? 0), count: r?.count ?? 0 });
  const parts = [row(live), row(trash), row(uploads)];
  return {
    total: row(live),
    trash: row(trash),
    byProject: byProject.map((r) => ({ projectId: r.projectId, projectName: r.projectName, ...row(r) })),
    byModel: byModel.map((r) => ({ modelId: r.modelId, ...row(r) })),
    byMediaType: byMedia.map((r) => ({ mediaType: r.mediaType, ...row(r) })),
    uploads: row(uploads),
    used: parts.reduce((sum, p) => sum + p.bytes, 0),
    quota: quotaOf(ctx),
  };
}
