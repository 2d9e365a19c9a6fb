import type { StorageUsage } from "@image-studio/shared";
import type { Ctx } from "../../context";
import * as repo from "./storage-usage.repo";

/**
 * Storage used by the caller's images, each stored object once (copies share originals): live and trash totals,
 * and the live objects by project and by model.
 * Bytes count the originals (thumbnails add a few percent on top).
 */
export async function storageUsage(ctx: Ctx): Promise<StorageUsage> {
  const [totals, byProject, byModel] = await Promise.all([
    repo.totals(ctx.db, ctx.user.id),
    repo.byProject(ctx.db, ctx.user.id),
    repo.byModel(ctx.db, ctx.user.id),
  ]);
  const live = totals.find((t) => !t.inTrash);
  const trash = totals.find((t) => t.inTrash);
  const row = (r?: { bytes: string; count: number }) => ({ bytes: Number(r?.bytes ?? 0), count: r?.count ?? 0 });
  return {
    total: row(live),
    trash: row(trash),
    byProject: byProject.map((r) => ({ projectId: r.projectId, projectName: r.projectName, ...row(r) })),
    byModel: byModel.map((r) => ({ modelId: r.modelId, ...row(r) })),
  };
}
