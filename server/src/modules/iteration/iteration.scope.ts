/**
 * Which image a derivation starts from, and whose scope it runs in. The caller's own image runs as it always
 * has. An editor or admin of a team the image's project is shared with derives from the owner's image: the job
 * stays theirs (they pay and follow it) and its result lands in the same project, in the owner's scope
 * (generation.enqueue records the owner). Viewers and strangers get 404 "Image", as for an unknown id.
 */
import type { Ctx } from "../../context";
import { msg, type ImageRole } from "../../i18n/api";
import { AppError, notFound } from "../../lib/errors";
import { imageScope } from "../teams/teams.access";
import * as repo from "./iteration.repo";

export type Source = NonNullable<Awaited<ReturnType<typeof repo.getSource>>>;

/** One image of `ctx`'s scope (trashed ones included), refusing videos. */
export async function source(ctx: Ctx, id: string, what: ImageRole = "image"): Promise<Source> {
  const row = await repo.getSource(ctx.db, ctx.user.id, id);
  if (!row) throw notFound(what);
  if (row.mediaType === "video") {
    const message = msg("iteration.isVideo", { what: msg(`thing.${what}`) });
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["id"], message }] });
  }
  return row;
}

export interface Derivable {
  src: Source;
  /** The project the result goes to: the request's for the caller's own image, the image's own when shared. */
  projectId: string | null | undefined;
  /** True when a team member derives from the owner's image. */
  shared: boolean;
}

/** The source of a derivation, for its owner or a team editor (the result then stays in the image's project). */
export async function derivable(ctx: Ctx, id: string, projectId: string | null | undefined, what: ImageRole = "image"): Promise<Derivable> {
  const scope = await imageScope(ctx, id, "editor");
  const src = await source(scope, id, what);
  if (scope === ctx) return { src, projectId, shared: false };
  if (projectId && projectId !== src.projectId) {
    const message = msg("iteration.sameSharedProject");
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: ["projectId"], message }] });
  }
  return { src, projectId: src.projectId, shared: true };
}

/**
 * A second image a shared derivation reads (a style reference): the caller's own image or one they can see
 * through a team, stored by file key — the job reads image ids in the owner's scope, where the caller's are not.
 */
export async function referenceKey(ctx: Ctx, id: string, what: ImageRole): Promise<string> {
  return (await source(await imageScope(ctx, id, "viewer"), id, what)).filePath;
}
