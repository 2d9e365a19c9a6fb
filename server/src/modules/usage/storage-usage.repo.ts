import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, projects, uploads, users } from "../../db/schema";

/**
 * Bytes (originals, as recorded at ingest) and counts of one user's stored objects, grouped three ways. Rows of a
 * duplicated project share their originals, so each stored object counts once: through one representative row —
 * a live one when any is (the object is freed only when its last user is deleted), else the oldest.
 */

function objects(db: Db, userId: string) {
  return db.$with("objects").as(
    db
      .selectDistinctOn([images.filePath], {
        fileSize: images.fileSize,
        projectId: images.projectId,
        modelId: images.modelId,
        mediaType: images.mediaType,
        inTrash: sql<boolean>`${images.deletedAt} IS NOT NULL`.as("in_trash"),
      })
      .from(images)
      .where(eq(images.userId, userId))
      .orderBy(images.filePath, sql`${images.deletedAt} IS NOT NULL`, images.createdAt, images.id),
  );
}

const count = sql<number>`count(*)::int`;

export async function totals(db: Db, userId: string) {
  const o = objects(db, userId);
  const bytes = sql<string>`coalesce(sum(${o.fileSize}), 0)::bigint`;
  return db.with(o).select({ inTrash: o.inTrash, bytes, count }).from(o).groupBy(o.inTrash);
}

export async function byProject(db: Db, userId: string) {
  const o = objects(db, userId);
  const bytes = sql<string>`coalesce(sum(${o.fileSize}), 0)::bigint`;
  return db
    .with(o)
    .select({ projectId: o.projectId, projectName: projects.name, bytes, count })
    .from(o)
    .leftJoin(projects, and(eq(projects.id, o.projectId), eq(projects.userId, userId)))
    .where(sql`NOT ${o.inTrash}`)
    .groupBy(o.projectId, projects.name)
    .orderBy(sql`3 DESC`);
}

export async function byModel(db: Db, userId: string) {
  const o = objects(db, userId);
  const bytes = sql<string>`coalesce(sum(${o.fileSize}), 0)::bigint`;
  return db
    .with(o)
    .select({ modelId: o.modelId, bytes, count })
    .from(o)
    .where(sql`NOT ${o.inTrash}`)
    .groupBy(o.modelId)
    .orderBy(sql`2 DESC`);
}

export async function byMediaType(db: Db, userId: string) {
  const o = objects(db, userId);
  const bytes = sql<string>`coalesce(sum(${o.fileSize}), 0)::bigint`;
  return db.with(o).select({ mediaType: o.mediaType, bytes, count }).from(o).where(sql`NOT ${o.inTrash}`).groupBy(o.mediaType).orderBy(o.mediaType);
}

/** Bytes and count of one user's uploads (sources, masks, style references) not yet expired. */
export async function uploadsTotal(db: Db, userId: string) {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${uploads.byteSize}), 0)::bigint`, count })
    .from(uploads)
    .where(eq(uploads.userId, userId));
  return row;
}

/** Everything counted against the quota: images (live and in the trash) and uploads. */
export async function usedBytes(db: Db, userId: string): Promise<number> {
  const [groups, up] = await Promise.all([totals(db, userId), uploadsTotal(db, userId)]);
  return groups.reduce((sum, g) => sum + Number(g.bytes), 0) + Number(up?.bytes ?? 0);
}

/** The facts a quota is judged by, for a user other than the caller (a shared project's owner). */
export async function quotaFacts(db: Db, userId: string) {
  const [row] = await db.select({ role: users.role, isGuest: users.isAnonymous }).from(users).where(eq(users.id, userId));
  return row;
}
