import type { ImageComment } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { notFound } from "../../lib/errors";
import { imageRole, imageScope } from "../teams/teams.access";
import { notifyComment } from "../teams/teams.mentions";
import * as repo from "./comments.repo";

type Row = NonNullable<Awaited<ReturnType<typeof repo.getComment>>>;

const toComment = (ctx: Ctx, r: Row): ImageComment => ({
  id: r.id,
  imageId: r.imageId,
  authorName: r.authorName,
  text: r.text,
  isOwn: r.userId === ctx.user.id,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Comments on an image, for its owner and for every member of a team its project is shared with (any role);
 * anyone else gets a 404. Reads go through the owner's scope; the caller stays the author.
 */
export async function list(ctx: Ctx, imageId: string): Promise<ImageComment[]> {
  const scope = await imageScope(ctx, imageId, "viewer");
  return (await repo.listComments(ctx.db, scope.user.id, imageId)).map((r) => toComment(ctx, r));
}

export async function add(ctx: Ctx, imageId: string, text: string): Promise<ImageComment> {
  await imageScope(ctx, imageId, "viewer");
  const id = await repo.insertComment(ctx.db, ctx.user.id, imageId, text);
  const { ownerId, projectId } = await imageRole(ctx, imageId);
  await notifyComment(ctx, { imageId, ownerId: ownerId!, projectId, text, commentId: id });
  return toComment(ctx, (await repo.getComment(ctx.db, ctx.user.id, imageId, id))!);
}

/** Only the author edits or deletes a comment; anyone else's comment is a 404, like a missing one. */
export async function edit(ctx: Ctx, imageId: string, commentId: string, text: string): Promise<ImageComment> {
  await imageScope(ctx, imageId, "viewer");
  if (!(await repo.updateComment(ctx.db, ctx.user.id, imageId, commentId, text))) throw notFound("comment");
  return toComment(ctx, (await repo.getComment(ctx.db, ctx.user.id, imageId, commentId))!);
}

export async function remove(ctx: Ctx, imageId: string, commentId: string): Promise<void> {
  await imageScope(ctx, imageId, "viewer");
  if (!(await repo.deleteComment(ctx.db, ctx.user.id, imageId, commentId))) throw notFound("comment");
}
