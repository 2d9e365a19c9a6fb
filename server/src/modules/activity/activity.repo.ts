import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { generationQueue, imageComments, images, projects, shareLinks } from "../../db/schema";

/** The caller's finished jobs outside batches, newest first. */
export async function finishedJobs(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: generationQueue.id,
      operation: generationQueue.operation,
      modelId: generationQueue.modelId,
      prompt: generationQueue.prompt,
      imageIds: generationQueue.imageIds,
      at: generationQueue.completedAt,
    })
    .from(generationQueue)
    .where(
      and(
        eq(generationQueue.userId, userId),
        eq(generationQueue.status, "completed"),
        isNull(generationQueue.batchId),
        isNotNull(generationQueue.completedAt),
      ),
    )
    .orderBy(desc(generationQueue.completedAt))
    .limit(limit);
}

/** Batches whose every job has finished: their size, images and when the last one finished. */
export async function finishedBatches(db: Db, userId: string, limit: number) {
  return db
    .select({
      batchId: sql<string>`${generationQueue.batchId}`,
      jobs: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) filter (where ${generationQueue.status} = 'failed'))::int`,
      images: sql<number>`coalesce(sum(cardinality(${generationQueue.imageIds})), 0)::int`,
      firstImage: sql<
        string | null
      >`(array_agg(${generationQueue.imageIds}[1] order by ${generationQueue.createdAt}) filter (where cardinality(${generationQueue.imageIds}) > 0))[1]`,
      at: sql<Date>`max(${generationQueue.completedAt})`,
    })
    .from(generationQueue)
    .where(and(eq(generationQueue.userId, userId), isNotNull(generationQueue.batchId)))
    .groupBy(generationQueue.batchId)
    .having(sql`bool_and(${generationQueue.status} in ('completed', 'failed', 'cancelled'))`)
    .orderBy(sql`max(${generationQueue.completedAt}) desc nulls last`)
    .limit(limit);
}

export async function imageShares(db: Db, userId: string, limit: number) {
  return db
    .select({ id: shareLinks.id, imageId: sql<string>`${shareLinks.imageId}`, prompt: images.prompt, at: shareLinks.createdAt })
    .from(shareLinks)
    .innerJoin(images, and(eq(images.id, shareLinks.imageId), eq(images.userId, userId)))
    .where(and(eq(shareLinks.userId, userId), eq(shareLinks.kind, "image")))
    .orderBy(desc(shareLinks.createdAt))
    .limit(limit);
}

export async function projectShares(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: shareLinks.id,
      projectId: sql<string>`${shareLinks.projectId}`,
      name: projects.name,
      at: shareLinks.createdAt,
    })
    .from(shareLinks)
    .innerJoin(projects, and(eq(projects.id, shareLinks.projectId), eq(projects.userId, userId)))
    .where(and(eq(shareLinks.userId, userId), eq(shareLinks.kind, "project")))
    .orderBy(desc(shareLinks.createdAt))
    .limit(limit);
}

/** Comments the caller wrote, and comments others wrote on the caller's images. */
export async function comments(db: Db, userId: string, limit: number) {
  return db
    .select({
      id: imageComments.id,
      imageId: imageComments.imageId,
      text: imageComments.commentText,
      authorId: imageComments.userId,
      at: imageComments.createdAt,
    })
    .from(imageComments)
    .innerJoin(images, eq(images.id, imageComments.imageId))
    .where(sql`${images.userId} = ${userId} or ${imageComments.userId} = ${userId}`)
    .orderBy(desc(imageComments.createdAt))
    .limit(limit);
}

/** Which of these images still exist for the caller (not purged), so the feed links only to what opens. */
export async function liveImages(db: Db, userId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.userId, userId), inArray(images.id, ids)));
  return new Set(rows.map((r) => r.id));
}
