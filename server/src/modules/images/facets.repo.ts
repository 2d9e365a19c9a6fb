import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { collectionImages, collections, images, projects } from "../../db/schema";

/** Counts for the gallery's filter sidebar, all scoped to one owner. */

const live = (userId: string) => and(eq(images.userId, userId), isNull(images.deletedAt));

export async function modelCounts(db: Db, userId: string) {
  return db.select({ modelId: images.modelId, count: count() }).from(images).where(live(userId)).groupBy(images.modelId).orderBy(desc(count()));
}

export async function tagCounts(db: Db, userId: string, limit: number) {
  const tag = sql<string>`t.tag`;
  return db
    .select({ tag, count: sql<number>`count(*)::int` })
    .from(sql`${images} CROSS JOIN LATERAL unnest(${images.tags}) AS t(tag)`)
    .where(live(userId))
    .groupBy(tag)
    .orderBy(sql`2 DESC`, tag)
    .limit(limit);
}

export async function projectCounts(db: Db, userId: string) {
  return db
    .select({ id: projects.id, name: projects.name, count: sql<number>`count(${images.id})::int` })
    .from(projects)
    .leftJoin(images, and(eq(images.projectId, projects.id), eq(images.userId, userId), isNull(images.deletedAt)))
    .where(and(eq(projects.userId, userId), eq(projects.isArchived, false)))
    .groupBy(projects.id, projects.name)
    .orderBy(projects.name);
}

export async function collectionCounts(db: Db, userId: string) {
  return db
    .select({ id: collections.id, name: collections.name, count: sql<number>`count(${collectionImages.imageId})::int` })
    .from(collections)
    .leftJoin(collectionImages, eq(collectionImages.collectionId, collections.id))
    .where(eq(collections.userId, userId))
    .groupBy(collections.id, collections.name)
    .orderBy(collections.name);
}

export async function totals(db: Db, userId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*) FILTER (WHERE ${images.deletedAt} IS NULL)::int`,
      favorites: sql<number>`count(*) FILTER (WHERE ${images.deletedAt} IS NULL AND ${images.isFavorite})::int`,
      trash: sql<number>`count(*) FILTER (WHERE ${images.deletedAt} IS NOT NULL)::int`,
    })
    .from(images)
    .where(eq(images.userId, userId));
  return row ?? { total: 0, favorites: 0, trash: 0 };
}
