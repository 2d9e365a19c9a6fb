import { mentionedNames } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { notify } from "../notifications/notify";
import { people } from "./teams.projects";

const excerpt = (s: string) => (s.length > 140 ? `${s.slice(0, 139)}…` : s);

/**
 * After a comment: everyone it @mentions among the people who can see the image gets `comment.mention`; the
 * image's owner, when someone else wrote it and did not mention them, gets `comment.new`. Never the author.
 * Returns the ids of the mentioned people.
 */
export async function notifyComment(
  ctx: Ctx,
  c: { imageId: string; ownerId: string; projectId: string | null; text: string; commentId: string },
): Promise<string[]> {
  const author = ctx.user;
  const reachable = c.projectId ? (await people(ctx, c.projectId)).people : [];
  const names = mentionedNames(c.text, reachable.map((p) => p.name));
  const mentioned = reachable.filter((p) => names.includes(p.name) && p.userId !== author.id);
  const link = `/images/${c.imageId}`;
  const data = { imageId: c.imageId, commentId: c.commentId, authorId: author.id };
  for (const p of mentioned) {
    await notify(ctx.deps, { userId: p.userId, kind: "comment.mention", params: { author: author.name, excerpt: excerpt(c.text) }, link, data });
  }
  if (c.ownerId !== author.id && !mentioned.some((p) => p.userId === c.ownerId)) {
    await notify(ctx.deps, { userId: c.ownerId, kind: "comment.new", params: { author: author.name, excerpt: excerpt(c.text) }, link, data });
  }
  return mentioned.map((p) => p.userId);
}
