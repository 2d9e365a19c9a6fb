import { strongerRole, type SharedMark, type SyncSharedImages, type syncSharedQuerySchema, type SyncSharedProject, type TeamRole } from "@image-studio/shared";
import type { z } from "zod";
import type { Ctx } from "../../context";
import type { Db } from "../../db/client";
import { toDetail } from "../images/images.mapper";
import { toProject } from "../projects/projects.service";
import { projectScope } from "../teams/teams.access";
import { projectRows } from "./sync.repo";
import * as repo from "./sync.shared.repo";
import { safeWatermark } from "./sync.watermark";

/**
 * Projects shared with a team member, in their offline copy (docs/decisions/sync-protocol.md, "Shared projects").
 * The pull's last page lists them with a fingerprint (live image count, highest live image version); the device
 * reads a project's changed images from `sharedImages` when the fingerprint moved, and drops what is no longer
 * listed. Roles come from the same team rows `projectScope` reads, so the copy never holds what the member could
 * not open online.
 */

type SharedQuery = z.output<typeof syncSharedQuerySchema>;

/** Every project shared with the caller (not their own), with their strongest role and the owner's name. */
export async function sharedProjects(ctx: Ctx, db: Db): Promise<SyncSharedProject[]> {
  const marks = new Map<string, SharedMark>();
  for (const r of await repo.sharedRoles(db, ctx.user.id)) {
    const had = marks.get(r.projectId);
    marks.set(r.projectId, { ownerId: r.ownerId, ownerName: r.ownerName, role: strongerRole<TeamRole>(had?.role ?? null, r.role) });
  }
  const byOwner = new Map<string, string[]>();
  for (const [projectId, m] of marks) byOwner.set(m.ownerId, [...(byOwner.get(m.ownerId) ?? []), projectId]);
  const out: SyncSharedProject[] = [];
  for (const [ownerId, ids] of byOwner) {
    const versions = await repo.imagesVersions(db, ownerId, ids);
    for (const row of await projectRows(db, ownerId, ids)) {
      out.push({ project: { ...toProject(row), shared: marks.get(row.id)! }, imagesVersion: versions.get(row.id) ?? 0 });
    }
  }
  return out.sort((a, b) => (a.project.id < b.project.id ? -1 : 1));
}

const maxOf = (a: string, b: number) => (BigInt(a) > BigInt(b) ? a : String(b));

/**
 * A shared project's live images changed after `q.after` (up to the safe watermark, so an image committed later
 * with a smaller version is never stepped over), and on the last page the ids of all of them. The owner may call
 * it too; anyone without at least the viewer role gets the project's 404.
 */
export async function sharedImages(ctx: Ctx, projectId: string, q: SharedQuery): Promise<SyncSharedImages> {
  const scope = await projectScope(ctx, projectId, "viewer");
  const ownerId = scope.user.id;
  const after = q.after ?? "0";
  const { upTo } = await safeWatermark(ctx.deps.database, ctx.db);
  return ctx.db.transaction(
    async (tx) => {
      const rows = await repo.changedImages(tx, ownerId, projectId, after, upTo, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const hasMore = rows.length > q.limit;
      return {
        images: page.map((r) => toDetail(r.image, r.projectName)),
        imageIds: hasMore ? null : await repo.liveImageIds(tx, ownerId, projectId),
        cursor: hasMore ? String(page.at(-1)!.image.version) : maxOf(after, upTo),
        hasMore,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
