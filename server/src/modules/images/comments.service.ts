import type { ImageComment } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { notFound } from "../../lib/errors";
import * as repo from "./comments.repo";
import * as images from "./images.service";

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

/** Comments on one of the caller's images (someone else's image is a 404). */
export async function list(ctx: Ctx, imageId: string): Promise<ImageComment[]> {
  await images.get(ctx, imageId);
  return (await repo.listComments(ctx.db, ctx.user.id, imageId)).map((r) => toComment(ctx, r));
}

export async function add(ctx: Ctx, imageId: string, text: string): Promise<ImageComment> {
  await images.get(ctx, imageId);
  const id = await repo.insertComment(ctx.db, ctx.user.id, imageId, text);
  return toComment(ctx, (await repo.getComment(ctx.db, ctx.user.id, imageId, id))!);
}

/** Only the author edits or deletes a comment; anyone else's comment is a 404, like a missing one. */
export async function edit(ctx: Ctx, imageId: string, commentId: string, text: string): Promise<ImageComment> {
  await images.get(ctx, imageId);
  if (!(await repo.updateComment(ctx.db, ctx.user.id, imageId, commentId, text))) throw notFound("Comment");
  return toComment(ctx, (await repo.getComment(ctx.db, ctx.user.id, imageId, commentId))!);
}

export async function remove(ctx: Ctx, imageId: string, commentId: string): Promise<void> {
  await images.get(ctx, imageId);
  if (!(await repo.deleteComment(ctx.db, ctx.user.id, imageId, commentId))) throw notFound("Comment");
}
