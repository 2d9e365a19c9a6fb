import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { images, projects, uploads } from "../../db/schema";

/** Bytes (originals, as recorded at ingest) and counts of one user's images, grouped three ways. */

const bytes = sql<string>`coalesce(sum(${images.fileSize}), 0)::bigint`;
const count = sql<number>`count(*)::int`;

export async function totals(db: Db, userId: string) {
  const rows = await db
    .select({ inTrash: sql<boolean>`${images.deletedAt} IS NOT NULL`, bytes, count })
    .from(images)
    .where(eq(images.userId, userId))
    .groupBy(sql`${images.deletedAt} IS NOT NULL`);
  return rows;
}

export async function byProject(db: Db, userId: string) {
  return db
    .select({ projectId: images.projectId, projectName: projects.name, bytes, count })
    .from(images)
    .leftJoin(projects, and(eq(projects.id, images.projectId), eq(projects.userId, userId)))
    .where(and(eq(images.userId, userId), isNull(images.deletedAt)))
    .groupBy(images.projectId, projects.name)
    .orderBy(sql`3 DESC`);
}

export async function byModel(db: Db, userId: string) {
  return db
    .select({ modelId: images.modelId, bytes, count })
    .from(images)
    .where(and(eq(images.userId, userId), isNull(images.deletedAt)))
    .groupBy(images.modelId)
    .orderBy(sql`2 DESC`);
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
  const [[img], up] = await Promise.all([
    db.select({ bytes }).from(images).where(eq(images.userId, userId)),
    uploadsTotal(db, userId),
  ]);
  return Number(img?.bytes ?? 0) + Number(up?.bytes ?? 0);
}
