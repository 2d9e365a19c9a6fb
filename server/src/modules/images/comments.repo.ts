import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { imageComments, images, users } from "../../db/schema";

/** Comments on images. Reads go through the image's owner; edits and deletes through the comment's author. */

const columns = {
  id: imageComments.id,
  imageId: imageComments.imageId,
  userId: imageComments.userId,
  authorName: users.name,
  text: imageComments.commentText,
  createdAt: imageComments.createdAt,
  updatedAt: imageComments.updatedAt,
};

export async function listComments(db: Db, ownerId: string, imageId: string) {
  return db
    .select(columns)
    .from(imageComments)
    .innerJoin(images, and(eq(images.id, imageComments.imageId), eq(images.userId, ownerId)))
    .innerJoin(users, eq(users.id, imageComments.userId))
    .where(eq(imageComments.imageId, imageId))
    .orderBy(asc(imageComments.createdAt), asc(imageComments.id))
    .limit(500);
}

export async function getComment(db: Db, authorId: string, imageId: string, commentId: string) {
  const [row] = await db
    .select(columns)
    .from(imageComments)
    .innerJoin(users, eq(users.id, imageComments.userId))
    .where(and(eq(imageComments.id, commentId), eq(imageComments.imageId, imageId), eq(imageComments.userId, authorId)));
  return row;
}

export async function insertComment(db: Db, authorId: string, imageId: string, text: string) {
  const [row] = await db.insert(imageComments).values({ imageId, userId: authorId, commentText: text }).returning({ id: imageComments.id });
  return row!.id;
}

export async function updateComment(db: Db, authorId: string, imageId: string, commentId: string, text: string) {
  const [row] = await db
    .update(imageComments)
    .set({ commentText: text, updatedAt: new Date() })
    .where(and(eq(imageComments.id, commentId), eq(imageComments.imageId, imageId), eq(imageComments.userId, authorId)))
    .returning({ id: imageComments.id });
  return row;
}

export async function deleteComment(db: Db, authorId: string, imageId: string, commentId: string) {
  const [row] = await db
    .delete(imageComments)
    .where(and(eq(imageComments.id, commentId), eq(imageComments.imageId, imageId), eq(imageComments.userId, authorId)))
    .returning({ id: imageComments.id });
  return row;
}
